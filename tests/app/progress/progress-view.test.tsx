/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProgressView } from '@/app/progress/progress-view';
import { PROGRESS_STORAGE_KEY, storeAttempt } from '@/app/progress/progress-store';
import { emptyProgress, exportProgress, recordAttempt } from '@/lib/progress';
import { CONCEPTS } from '@/lib/scenarios';

// Rendering diagrams in jsdom is slow on the shared 2-core machine: allow time (nothing here asserts on it).
jest.setTimeout(30_000);

const ATTEMPT = {
  questionId: 'health-check:intro:x',
  kind: 'health-check' as const,
  difficulty: 'intro' as const,
  seed: 'x',
  score: 0,
  at: '2026-11-25T08:00:00.000Z',
  ms: 1000,
  concepts: ['health-check-node-port' as const],
  misconception: 'empty-node-200',
};

beforeEach(() => localStorage.clear());

function file(text: string) {
  return new File([text], 'progress.json', { type: 'application/json' });
}

describe('<ProgressView>', () => {
  it('shows every concept, the practised one as learning, with a link to practise it', async () => {
    storeAttempt(ATTEMPT);
    render(<ProgressView />);
    const table = await screen.findByRole('table', { name: /Mastery by concept/ });
    // A header row and one row per concept.
    expect(within(table).getAllByRole('row')).toHaveLength(CONCEPTS.length + 1);
    const row = within(table).getByRole('rowheader', { name: /Health-check node port/ }).closest('tr');
    expect(row).toHaveTextContent('Learning');
    expect(row).toHaveTextContent('0/1');
    // Two copies, one per layout (CSS shows the one in the concept cell on phones, the column otherwise).
    const links = within(row as HTMLElement).getAllByRole('link', { name: 'Practise Health-check node port' });
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toHaveAttribute('href', '/practice?difficulty=standard&count=5&kinds=health-check,lb-targets');
  });

  it('imports a valid file and shows it', async () => {
    render(<ProgressView />);
    const input = await screen.findByLabelText('Import JSON');
    await userEvent.setup().upload(input, file(exportProgress(recordAttempt(emptyProgress(), { ...ATTEMPT, score: 1 }))));
    expect(await screen.findByText('Imported 1 answers.')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(PROGRESS_STORAGE_KEY) ?? '{}').attempts).toHaveLength(1);
  });

  it('refuses a bad file, lists every problem with its path, and changes nothing', async () => {
    storeAttempt(ATTEMPT);
    const before = localStorage.getItem(PROGRESS_STORAGE_KEY);
    render(<ProgressView />);
    const input = await screen.findByLabelText('Import JSON');
    await userEvent.setup().upload(input, file(JSON.stringify({ ...emptyProgress(), version: 9, attempts: [{}] })));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('your progress is unchanged');
    expect(alert).toHaveTextContent('version');
    expect(alert).toHaveTextContent('attempts[0].questionId');
    expect(localStorage.getItem(PROGRESS_STORAGE_KEY)).toBe(before);
  });
});
