/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProgressView } from '@/app/progress/progress-view';
import { ReviewDashboard } from '@/app/review/_components/review-dashboard';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { exportLearner, LEARNER_KEY, LEGACY_KEYS, recordAnswer, type AttemptRecord } from '@/lib/learner';
import { CONCEPTS, KIND_LABELS } from '@/lib/scenarios';
import { storedRecord, storeRecord } from '../../support/learner-storage';

const NOW = new Date('2026-11-25T09:00:00.000Z');
const ATTEMPT: AttemptRecord = {
  questionId: 'health-check:intro:x',
  kind: 'health-check',
  difficulty: 'intro',
  seed: 'x',
  score: 0,
  at: '2026-11-25T08:00:00.000Z',
  ms: 1000,
  concepts: ['health-check-node-port'],
  misconception: 'empty-node-200',
  source: 'practice',
};
const fixture = (name: string) => readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'learner', name), 'utf8');

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, advanceTimers: true });
  localStorage.clear();
  resetLearnerStoreForTests();
});
afterEach(() => jest.useRealTimers());

function file(text: string) {
  return new File([text], 'learner.json', { type: 'application/json' });
}

function recallCell(conceptLabel: string): string {
  const row = screen.getByRole('rowheader', { name: conceptLabel }).closest('tr') as HTMLElement;
  return within(row).getByTestId('recall-now').textContent ?? '';
}

describe('<ProgressView>', () => {
  it('shows every concept, the missed one as learning with its answers, and a link to practise it', async () => {
    storeRecord((r) => recordAnswer(r, ATTEMPT, '2026-11-25'), NOW);
    render(<ProgressView />);
    const table = await screen.findByRole('table', { name: /chance you recall it now/ });
    expect(within(table).getAllByRole('row')).toHaveLength(CONCEPTS.length + 1);
    const row = within(table).getByRole('rowheader', { name: 'Health-check node port' }).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Learning');
    expect(row).toHaveTextContent('0/1');
    expect(within(row).getByRole('link', { name: 'Practise Health-check node port' })).toHaveAttribute('href', '/practice?difficulty=standard&count=5&kinds=health-check,lb-targets');
    expect(screen.getByText(`${KIND_LABELS['health-check']}: 0 of 1 right`)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Reviews per day, last 30 days/ })).toHaveAccessibleDescription(/1 review on 1 of the last 30 days; 1 rated Again/);
  });

  it('shows the same recall figure per concept as /review', async () => {
    storeRecord((r) => recordAnswer(recordAnswer(r, { ...ATTEMPT, score: 1, at: '2026-11-20T08:00:00.000Z' }, '2026-11-20'), { ...ATTEMPT, score: 1, at: '2026-11-21T08:00:00.000Z' }, '2026-11-21'), NOW);
    render(<ProgressView />);
    await screen.findByRole('table', { name: /chance you recall it now/ });
    const onProgress = recallCell('Health-check node port');
    expect(onProgress).toMatch(/^\d+%$/);
    cleanup();
    render(<ReviewDashboard concepts={CONCEPTS.map((c) => ({ id: c.id, label: c.label, summary: c.summary, kinds: [...c.kinds] }))} cards={[]} />);
    expect(recallCell('Health-check node port')).toBe(onProgress);
  });

  it('migrates a browser holding today’s progress, and says so', async () => {
    localStorage.setItem(LEGACY_KEYS.progress, fixture('progress-v1.json'));
    render(<ProgressView />);
    expect(await screen.findByTestId('learner-notice')).toHaveTextContent('We moved your practice progress into it; nothing was lost.');
    expect(localStorage.getItem(LEGACY_KEYS.progress)).toBeNull();
    expect(storedRecord().attempts).toHaveLength(3);
    expect(screen.getByText(`${KIND_LABELS['load-share']}: 1 of 1 right`)).toBeInTheDocument();
  });

  it('imports a learner file only after the learner confirms', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    storeRecord((r) => r, NOW);
    const other = recordAnswer(storedRecord(), { ...ATTEMPT, score: 1 }, '2026-11-25');
    render(<ProgressView />);
    await user.upload(await screen.findByLabelText('Import a file (JSON)'), file(exportLearner(other, NOW)));
    expect(await screen.findByText(/This is a learner export with 1 practice answer, 1 review, 1 concept and 0 interview cards\. Importing it replaces the data in this browser \(0 practice answers/)).toBeInTheDocument();
    expect(storedRecord().attempts).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Replace my data' }));
    expect(await screen.findByText(/Imported a learner export/)).toBeInTheDocument();
    expect(storedRecord().attempts).toHaveLength(1);
  });

  it('refuses a file from a newer version, and changes nothing', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    storeRecord((r) => recordAnswer(r, ATTEMPT, '2026-11-25'), NOW);
    const before = localStorage.getItem(LEARNER_KEY);
    render(<ProgressView />);
    await user.upload(await screen.findByLabelText('Import a file (JSON)'), file(JSON.stringify({ format: 'service-traffic-trainer/learner', version: 7, note: 'from the future' })));
    expect(await screen.findByTestId('import-problem')).toHaveTextContent('This file was exported by a newer version of Service Traffic Trainer than this one. Import it where it was made, or once this site is updated. Nothing was changed.');
    expect(screen.queryByText(/from the future/)).not.toBeInTheDocument();
    expect(localStorage.getItem(LEARNER_KEY)).toBe(before);
  });
});
