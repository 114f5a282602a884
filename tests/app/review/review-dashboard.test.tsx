/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CONCEPTS } from '@/lib/scenarios';
import { LEARNER_KEY, LEGACY_KEYS, readBackups, recordAnswer } from '@/lib/learner';
import { ReviewDashboard } from '@/app/review/_components/review-dashboard';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { browserStore, storedRecord, storeRecord } from '../../support/learner-storage';

/** Today's review data (frozen): a browser holding it migrates on the first load. */
const V1_TEXT = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'learner', 'review-v1.json'), 'utf8');
const STORAGE_KEY = LEGACY_KEYS.review;
const CONCEPT_INFO = CONCEPTS.map((c) => ({ id: c.id, label: c.label, summary: c.summary, kinds: [...c.kinds] }));
const CARDS = [
  { id: 'why-cluster-loses-client-ip', question: 'Why does the Cluster policy lose the client source IP?' },
  { id: 'health-check-node-port', question: 'What is the health check node port and how does it work?' },
];
const label = (id: string) => CONCEPTS.find((c) => c.id === id)!.label;

function renderDashboard() {
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(<ReviewDashboard concepts={CONCEPT_INFO} cards={CARDS} />);
  return user;
}

function stat(name: string): string {
  const term = screen.getByText(name, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

// A concept review's code loads on demand (issue 18); load it once here, so that a test's click does not pay for
// compiling it within that test's time limit.
beforeAll(() => import('@/app/review/_components/concept-review'), 60_000);

beforeEach(() => {
  // Two days after the fixture's last review (2026-03-03), local noon.
  jest.useFakeTimers({ now: new Date(2026, 2, 5, 12, 0, 0) });
  localStorage.clear();
  resetLearnerStoreForTests();
});
afterEach(() => jest.useRealTimers());

describe('ReviewDashboard', () => {
  it('starts empty: nothing due yet, new concepts offered, no streak', () => {
    renderDashboard();
    expect(stat('Due today')).toBe('0');
    expect(stat('New concepts')).toBe('3');
    expect(stat('Streak')).toBe('0 days');
    expect(screen.getByRole('img', { name: /Reviews per day, last 30 days/ })).toHaveAccessibleDescription('No reviews in the last 30 days.');
    // The "due" heading is never left with nothing under it.
    expect(screen.getByText('Nothing due — start a concept below.')).toBeInTheDocument();
  });

  it('shows what is due today weakest first, the streak and the weakest concepts from stored data', () => {
    localStorage.setItem(STORAGE_KEY, V1_TEXT);
    renderDashboard();
    expect(stat('Due today')).toBe('2');
    expect(stat('Streak')).toBe('0 days');
    expect(screen.getByText('Longest streak 3 days.')).toBeInTheDocument();
    const due = screen.getByRole('heading', { name: 'Due today, weakest first' }).parentElement!;
    const items = within(due).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(label('health-check-node-port'));
    expect(items.some((t) => t.includes(CARDS[0]!.question))).toBe(true);
    expect(items.some((t) => t.includes(label('snat-under-cluster')))).toBe(false);
    const table = screen.getByRole('table', { name: /chance you recall it now/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(label('health-check-node-port'));
    expect(rows[1]).toHaveTextContent(label('snat-under-cluster'));
    expect(rows.at(-1)).toHaveTextContent('not started');
    expect(screen.getByRole('img', { name: /Reviews per day/ })).toHaveAccessibleDescription(/4 reviews on 3 of the last 30 days; 1 rated Again/);
  });

  it('changes the desired retention and keeps it', () => {
    renderDashboard();
    const slider = screen.getByRole('slider', { name: /Desired retention/ });
    fireEvent.change(slider, { target: { value: '0.8' } });
    expect(screen.getByRole('slider', { name: /Desired retention: 80%/ })).toBeInTheDocument();
    expect(storedRecord().settings.desiredRetention).toBe(0.8);
  });

  it('imports today’s review export after the learner confirms, keeping the previous data as a backup', async () => {
    storeRecord((r) => r, new Date(2026, 2, 4));
    const previous = localStorage.getItem(LEARNER_KEY);
    const user = renderDashboard();
    await user.upload(screen.getByLabelText('Import a file (JSON)'), new File([V1_TEXT], 'old-export.json', { type: 'application/json' }));
    expect(await screen.findByText(/This is an older review export with 0 practice answers, 4 reviews, 2 concepts and 1 interview card/)).toBeInTheDocument();
    // Nothing changes until the learner confirms.
    expect(localStorage.getItem(LEARNER_KEY)).toBe(previous);
    expect(stat('Due today')).toBe('0');
    await user.click(screen.getByRole('button', { name: 'Add to my data' }));
    expect(await screen.findByText(/Imported an older review export/)).toBeInTheDocument();
    expect(stat('Due today')).toBe('2');
    expect(readBackups(browserStore()).map((b) => [b.source, b.text])).toEqual([['before-import', previous]]);
  });

  it('cancelling an import changes nothing', async () => {
    localStorage.setItem(STORAGE_KEY, V1_TEXT);
    const user = renderDashboard();
    const before = localStorage.getItem(LEARNER_KEY);
    await user.upload(screen.getByLabelText('Import a file (JSON)'), new File([V1_TEXT], 'again.json', { type: 'application/json' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Import cancelled; nothing was changed.')).toBeInTheDocument();
    expect(localStorage.getItem(LEARNER_KEY)).toBe(before);
  });

  it('refuses a damaged export, listing each bad field, and changes nothing', async () => {
    localStorage.setItem(STORAGE_KEY, V1_TEXT);
    const user = renderDashboard();
    const before = localStorage.getItem(LEARNER_KEY);
    const damaged = V1_TEXT.replace('"desiredRetention": 0.85', '"desiredRetention": 5').replace('"rating": "hard"', '"rating": "meh"');
    await user.upload(screen.getByLabelText('Import a file (JSON)'), new File([damaged], 'bad.json', { type: 'application/json' }));
    expect(await screen.findByText(/some of its fields are not valid, so none of it was imported\. Nothing was changed\./)).toBeInTheDocument();
    expect(screen.getByText(/^At data\.settings\.desiredRetention: /)).toBeInTheDocument();
    expect(screen.getByText(/^At data\.history\[2\]\.rating: /)).toBeInTheDocument();
    expect(screen.queryByText(/meh/)).not.toBeInTheDocument();
    expect(localStorage.getItem(LEARNER_KEY)).toBe(before);
  });

  it('lists a concept missed in practice as due, and reviews it with a fresh question', async () => {
    const at = new Date(2026, 2, 5, 11, 50, 0);
    storeRecord(
      (r) =>
        recordAnswer(r, { questionId: 'drop-q', kind: 'client-outcome', difficulty: 'intro', seed: 'practice-seed', score: 0, at: at.toISOString(), ms: 9000, concepts: ['drop-vs-reject'], misconception: null, source: 'practice' }, '2026-03-05'),
      at,
    );
    const user = renderDashboard();
    expect(stat('Due today')).toBe('1');
    const due = screen.getByRole('heading', { name: 'Due today, weakest first' }).parentElement!;
    expect(within(due).getAllByRole('listitem')[0]).toHaveTextContent(label('drop-vs-reject'));
    await user.click(screen.getByRole('button', { name: `Review ${label('drop-vs-reject')}` }));
    // A concept review's code loads on demand (issue 18), so its panel appears after that import.
    const panel = await screen.findByRole('region', { name: `Reviewing: ${label('drop-vs-reject')}` });
    // The seed is the panel's first <code> (a troubleshooting question shows more: the commands' output).
    expect(within(panel).getAllByText((_, el) => el?.tagName === 'CODE')[0]!.textContent).not.toBe('practice-seed');
  });

  it('opens a concept review with a freshly generated question, and can skip it', async () => {
    localStorage.setItem(STORAGE_KEY, V1_TEXT);
    const user = renderDashboard();
    await user.click(screen.getByRole('button', { name: `Review ${label('health-check-node-port')}` }));
    const panel = await screen.findByRole('region', { name: `Reviewing: ${label('health-check-node-port')}` });
    const seed = within(panel).getAllByText((_, el) => el?.tagName === 'CODE')[0]!.textContent;
    expect(seed).toBeTruthy();
    expect(seed).not.toBe('e5f6a7b8'); // never the seed used last time
    expect(within(panel).getByRole('form', { name: 'Your answer' })).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Skip for now' }));
    expect(screen.queryByRole('region', { name: /Reviewing:/ })).not.toBeInTheDocument();
  });

  it('warns when stored data is unreadable and keeps it as a backup', async () => {
    localStorage.setItem(STORAGE_KEY, '{not json');
    const user = renderDashboard();
    expect(screen.getByTestId('learner-notice')).toHaveTextContent(/could not be read \(your spaced-review data\)\. It was kept unchanged as a backup/);
    expect(readBackups(browserStore()).map((b) => b.text)).toEqual(['{not json']);
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Got it' }));
    expect(screen.queryByTestId('learner-notice')).not.toBeInTheDocument();
    expect(storedRecord().notices).toEqual([]);
  });
});
