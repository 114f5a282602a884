/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { GradebookTable, QuestionStatsTable } from '@/app/drills/[code]/manage/gradebook-table';
import type { Gradebook, GradebookStudent } from '@/lib/drills/gradebook';

const cell = (questionId: string, score: number | null, misconception: { id: string; label: string } | null = null) => ({
  questionId, kind: 'source-ip', seed: 's', answered: score != null, score, misconception,
});

const student = (over: Partial<GradebookStudent>): GradebookStudent => ({
  attemptId: 'a1', studentId: 'a1', name: 'Ada', sameName: null, attemptNumber: 1, status: 'submitted', startedAt: '', submittedAt: null, seconds: 75, answered: 2, score: 0.5,
  keySeenAt: null, answersReopenedAt: null,
  cells: [cell('q1', 1), cell('q2', 0, { id: 'cluster-keeps-client-ip', label: 'Cluster keeps the client IP' })],
  ...over,
});

const book = (students: GradebookStudent[]): Gradebook => ({
  drill: {} as Gradebook['drill'],
  students,
  questions: [
    { position: 0, questionId: 'q1', kinds: ['source-ip'], answered: 2, meanScore: 1, correct: 2, topMisconception: null },
    { position: 1, questionId: 'q2', kinds: ['source-ip'], answered: 2, meanScore: 0.25, correct: 0, topMisconception: { id: 'cluster-keeps-client-ip', label: 'Cluster keeps the client IP', count: 2 } },
  ],
  generatedAt: '2026-11-25T10:00:00Z',
});

describe('GradebookTable', () => {
  it('says so when nobody has joined', () => {
    render(<GradebookTable gradebook={book([])} />);
    expect(screen.getByText('No student has joined yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows one row per attempt with status, score, time and each question', () => {
    render(<GradebookTable gradebook={book([student({}), student({ attemptId: 'a2', name: 'Bob', status: 'timed-out', attemptNumber: 2, score: 1, seconds: 30 })])} />);
    const table = screen.getByRole('table', { name: 'Gradebook: 2 attempts' });
    const ada = within(table).getByRole('row', { name: /Ada/ });
    expect(within(ada).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Submitted', '50%', '1 min 15 s', '100%', '0%']);
    const bob = within(table).getByRole('row', { name: /Bob/ });
    expect(within(bob).getByRole('rowheader')).toHaveTextContent('Bob (attempt 2)');
    expect(within(bob).getAllByRole('cell')[0]).toHaveTextContent('Time up');
  });

  it('marks attempts that saw their key, and those the instructor reopened for changes after it', () => {
    render(
      <GradebookTable
        gradebook={book([
          student({ attemptId: 'a1', name: 'Ada', keySeenAt: '2026-11-25T10:00:00Z' }),
          student({ attemptId: 'a2', name: 'Bob', keySeenAt: '2026-11-25T10:00:00Z', answersReopenedAt: '2026-11-25T10:05:00Z' }),
          student({ attemptId: 'a3', name: 'Cy' }),
        ])}
      />,
    );
    const status = (name: string) => within(screen.getByRole('row', { name: new RegExp(name) })).getAllByRole('cell')[0]!.textContent;
    expect(status('Ada')).toBe('SubmittedKey seen');
    expect(status('Bob')).toBe('SubmittedReopened for changes after key seen');
    expect(status('Cy')).toBe('Submitted');
  });

  it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'])('shows the name %p as text, not markup', (name) => {
    const { container } = render(<GradebookTable gradebook={book([student({ name })])} />);
    expect(screen.getByRole('rowheader')).toHaveTextContent(name);
    expect(container.querySelector('script, img')).toBeNull();
  });
});

describe('QuestionStatsTable', () => {
  it('names the most common misconception with its count', () => {
    render(<QuestionStatsTable gradebook={book([student({})])} />);
    const q2 = screen.getByRole('row', { name: /Q2/ });
    expect(within(q2).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Source IP', '2', '0', '25%', 'Cluster keeps the client IP (2)']);
    expect(within(screen.getByRole('row', { name: /Q1/ })).getAllByRole('cell').at(-1)).toHaveTextContent('—');
  });

  it('shows each kind by its label, never its slug (issue 20)', () => {
    const gradebook = book([student({})]);
    gradebook.questions[0]!.kinds = ['cross-node', 'lb-targets'];
    render(<QuestionStatsTable gradebook={gradebook} />);
    const q1 = screen.getByRole('row', { name: /Q1/ });
    expect(within(q1).getAllByRole('cell')[0]).toHaveTextContent('Crossing nodes, Balancer targets');
    expect(q1.textContent).not.toMatch(/cross-node|lb-targets/);
  });
});

describe('GradebookTable: students who gave the same name (issue 20)', () => {
  it('numbers them and flags each with its attempt id; a unique name stays plain', () => {
    render(
      <GradebookTable
        gradebook={book([
          student({ attemptId: '11111111-aaaa', studentId: '11111111-aaaa', name: 'Dana', sameName: { index: 1, of: 2 } }),
          student({ attemptId: '22222222-bbbb', studentId: '22222222-bbbb', name: 'dana', sameName: { index: 2, of: 2 } }),
          student({ attemptId: '33333333-cccc', studentId: '33333333-cccc', name: 'Eve' }),
        ])}
      />,
    );
    const heads = screen.getAllByRole('rowheader').map((h) => h.textContent);
    expect(heads).toEqual(['Dana (1)Same name as 1 other student · attempt 11111111', 'dana (2)Same name as 1 other student · attempt 22222222', 'Eve']);
  });
});
