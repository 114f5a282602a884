/** @jest-environment jsdom */
import type * as ReactTypes from 'react';
import { act, render, screen } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { resetLearnerStoreForTests, updateLearner, useLearner } from '@/app/_components/learner/learner-store';

// The module object the store calls into (an `import * as` namespace here would be a copy).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ReactModule = require('react') as typeof ReactTypes;

/** Shows how many days of history the record holds, or that it is not loaded; logs each render's text. */
function Days({ log }: { log: string[] }) {
  const record = useLearner();
  const text = record ? `days: ${record.history.length}` : 'loading';
  log.push(text);
  return <p>{text}</p>;
}

beforeEach(() => {
  localStorage.clear();
  resetLearnerStoreForTests();
});
afterEach(() => jest.restoreAllMocks());

test('after hydration the record is first shown in a transition (split into short tasks), then at once', async () => {
  const transition = jest.spyOn(ReactModule, 'startTransition');
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = renderToString(<Days log={[]} />);
  expect(container.textContent).toBe('loading'); // the server has no record
  const log: string[] = [];
  let root: Root | undefined;
  await act(async () => {
    root = hydrateRoot(container, <Days log={log} />);
  });
  expect(container.textContent).toBe('days: 0');
  expect(transition).toHaveBeenCalledTimes(1);
  expect(log[0]).toBe('loading'); // hydrated as the server rendered it

  // A component that mounts once the record has been shown (a later navigation) has it on its first render.
  const later: string[] = [];
  const { unmount } = render(<Days log={later} />);
  expect(later[0]).toBe('days: 0');
  expect(transition).toHaveBeenCalledTimes(1);
  unmount();
  act(() => root?.unmount());
  container.remove();
});

test('a change to the record re-renders every component showing it, not as a transition', async () => {
  const log: string[] = [];
  await act(async () => {
    render(<Days log={log} />);
  });
  expect(screen.getByText('days: 0')).toBeInTheDocument();
  const transition = jest.spyOn(ReactModule, 'startTransition');
  act(() => {
    updateLearner((record) => ({ ...record, history: [...record.history, { day: '2026-12-03', kind: 'practice', correct: true } as never] }));
  });
  expect(screen.getByText('days: 1')).toBeInTheDocument();
  expect(transition).not.toHaveBeenCalled();
});
