/** @jest-environment jsdom */
/**
 * A first reach for the explorer's controls readies the engine for the change that follows (issue 18): on focus or
 * pointer down, the scenario schema (which the engine defines on its first read) is defined and the layout in view
 * is run once, so that the change runs warm.
 */
import { fireEvent, screen } from '@testing-library/react';
import { Explorer } from '@/app/learn/_explorer';
import { DEFAULT_STATE } from '@/lib/explorer';
import { renderExplorer } from './support/render-explorer';

const mockPrepared = { calls: 0, states: [] as unknown[] };
jest.mock('@/app/learn/_explorer/run-engine', () => {
  const actual = jest.requireActual('@/app/learn/_explorer/run-engine');
  return {
    ...actual,
    prepareChange: (state: unknown) => {
      mockPrepared.calls += 1;
      mockPrepared.states.push(state);
      actual.prepareChange(state);
    },
  };
});

beforeEach(() => {
  window.history.replaceState(null, '', '/learn/explorer');
  mockPrepared.calls = 0;
  mockPrepared.states = [];
});

it('readies the engine when the controls first get focus', async () => {
  await renderExplorer(<Explorer />);
  expect(mockPrepared.calls).toBe(0);
  screen.getByRole('radio', { name: 'Local' }).focus();
  expect(mockPrepared.calls).toBe(1);
  expect(mockPrepared.states).toEqual([DEFAULT_STATE]);
});

it('readies the engine when a pointer presses a control, before its click', async () => {
  await renderExplorer(<Explorer />);
  fireEvent.pointerDown(screen.getByRole('radio', { name: 'Cluster' }));
  expect(mockPrepared.calls).toBe(1);
});
