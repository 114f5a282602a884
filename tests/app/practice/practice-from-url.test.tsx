/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { PracticeFromUrl, PracticePending } from '@/app/practice/practice-from-url';
import { resetLearnerStoreForTests } from '@/app/_components/learner/learner-store';
import { generateSession } from '@/lib/scenarios';

// /practice is static: this component reads the query in the browser. The URL is set per test.
let search = '';
const replace = jest.fn();
jest.mock('next/navigation', () => ({
  useRouter: () => ({ replace, push: jest.fn() }),
  useSearchParams: () => new URLSearchParams(search),
}));

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  resetLearnerStoreForTests();
  replace.mockClear();
});

describe('<PracticeFromUrl>', () => {
  it('shows the settings form when the URL names nothing; Quick 5 names no seed, so each start gets its own', () => {
    search = '';
    render(<PracticeFromUrl />);
    expect(screen.getByRole('button', { name: 'Start session' })).toBeInTheDocument();
    const quick = new URL(screen.getByRole('link', { name: 'Quick 5' }).getAttribute('href')!, 'http://x');
    expect(quick.searchParams.get('seed')).toBeNull();
    expect(quick.searchParams.get('count')).toBe('5');
    expect(replace).not.toHaveBeenCalled();
  });

  it('picks a seed for settings without one (the form’s checkboxes repeat kinds) and replaces the URL, showing only a status meanwhile', () => {
    search = 'kinds=source-ip&kinds=load-share&difficulty=intro&count=5&timer=1';
    render(<PracticeFromUrl />);
    expect(screen.getByRole('status')).toHaveTextContent('Preparing your practice…');
    expect(screen.queryByRole('button', { name: 'Start session' })).toBeNull();
    expect(replace).toHaveBeenCalledTimes(1);
    const url = new URL(replace.mock.calls[0]?.[0] as string, 'http://x');
    expect(url.pathname).toBe('/practice');
    expect(url.searchParams.get('seed')).toMatch(/^[a-z2-9]{8}$/);
    expect(url.searchParams.get('kinds')).toBe('source-ip,load-share');
    expect(url.searchParams.get('difficulty')).toBe('intro');
    expect(url.searchParams.get('count')).toBe('5');
    expect(url.searchParams.get('timer')).toBe('1');
  });

  it('names each bad parameter of a bad link, above the settings form, and replaces nothing', () => {
    search = 'seed=x&difficulty=hard&count=0&kinds=nope';
    render(<PracticeFromUrl />);
    const alert = screen.getByRole('alert');
    for (const name of ['difficulty', 'count', 'kinds']) expect(alert).toHaveTextContent(name);
    expect(screen.getByRole('button', { name: 'Start session' })).toBeInTheDocument();
    expect(replace).not.toHaveBeenCalled();
  });

  it('runs the session the URL names: its first question, generated from the seed', async () => {
    search = 'seed=from-url&difficulty=intro&count=2&kinds=client-outcome';
    const first = generateSession({ seed: 'from-url', difficulty: 'intro', count: 2, kinds: ['client-outcome'] })[0]!;
    render(<PracticeFromUrl />);
    // The session's code loads on demand: a busy status until it is there, then the session.
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('region', { name: 'Practice session' }, { timeout: 25_000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: first.title })).toBeInTheDocument();
    expect(replace).not.toHaveBeenCalled();
  }, 30_000);
});

describe('<PracticePending>', () => {
  it('is a busy status region, so assistive technology hears that the practice is loading', () => {
    render(<PracticePending />);
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Preparing your practice…');
  });
});
