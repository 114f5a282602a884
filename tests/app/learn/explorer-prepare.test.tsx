/** @jest-environment jsdom */
/**
 * A first reach for the explorer's controls readies the engine for the change that follows (issue 18): on focus or
 * pointer down (app/learn/_explorer/run-engine's prepareChange: the schema defined, the engine run once).
 */
import { fireEvent, screen } from '@testing-library/react';
import { Explorer } from '@/app/learn/_explorer';
import { renderExplorer } from './support/render-explorer';

const mockPrepared = { calls: 0 };
jest.mock('@/app/learn/_explorer/run-engine', () => {
  const actual = jest.requireActual('@/app/learn/_explorer/run-engine');
  return {
    ...actual,
    prepareChange: () => {
      mockPrepared.calls += 1;
      actual.prepareChange();
    },
  };
});

beforeEach(() => {
  window.history.replaceState(null, '', '/learn/explorer');
  mockPrepared.calls = 0;
});

it('readies the engine when the controls first get focus', async () => {
  await renderExplorer(<Explorer />);
  expect(mockPrepared.calls).toBe(0);
  screen.getByRole('radio', { name: 'Local' }).focus();
  expect(mockPrepared.calls).toBe(1);
});

it('readies the engine when a pointer presses a control, before its click', async () => {
  await renderExplorer(<Explorer />);
  fireEvent.pointerDown(screen.getByRole('radio', { name: 'Cluster' }));
  expect(mockPrepared.calls).toBe(1);
});
