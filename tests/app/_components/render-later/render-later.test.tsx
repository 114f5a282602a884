/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import { RENDER_LATER, RenderLater } from '@/app/_components/render-later';

let mockPathname = '/learn/external-traffic-policy';
jest.mock('next/navigation', () => ({ usePathname: () => mockPathname }));

type Step = (deadline: IdleDeadline) => void;
let queued: Step[] = [];
let handles = 0;
const cancelled: number[] = [];

beforeEach(() => {
  queued = [];
  handles = 0;
  cancelled.length = 0;
  window.requestIdleCallback = (step: Step) => {
    queued.push(step);
    return (handles += 1);
  };
  window.cancelIdleCallback = (handle: number) => void cancelled.push(handle);
  document.body.innerHTML = `${[0, 1, 2, 3].map((i) => `<section class="${RENDER_LATER}" id="s${i}"></section>`).join('')}<p>not marked</p>`;
  // Every block below the view unless a test says otherwise (jsdom lays nothing out).
  for (const el of document.querySelectorAll<HTMLElement>(`.${RENDER_LATER}`)) placeAt(el, window.innerHeight + 100);
});

function placeAt(el: Element, top: number) {
  el.getBoundingClientRect = () => ({ top, bottom: top + 480, height: 480 }) as DOMRect;
}

/** Runs the next idle callback with `budgets` as what successive timeRemaining() calls report. */
function idle(...budgets: number[]) {
  const step = queued.shift();
  if (!step) throw new Error('nothing was scheduled');
  step({ didTimeout: false, timeRemaining: () => budgets.shift() ?? 0 });
}
const rendered = () => [...document.querySelectorAll(`.${RENDER_LATER}`)].map((s) => s.hasAttribute('data-rendered'));
const mount = () => render(<RenderLater />, { container: document.body.appendChild(document.createElement('div')) });

test('renders the marked blocks top to bottom, as many per idle period as its time allows, at least one each', () => {
  mount();
  expect(rendered()).toEqual([false, false, false, false]);
  idle(20, 3); // time for a second block, not a third
  expect(rendered()).toEqual([true, true, false, false]);
  idle(0); // a busy period still renders one
  expect(rendered()).toEqual([true, true, true, false]);
  idle(50, 50, 50);
  expect(rendered()).toEqual([true, true, true, true]);
  expect(queued).toHaveLength(0); // done: nothing more scheduled
  expect(document.querySelector('p')?.hasAttribute('data-rendered')).toBe(false);
});

test('starts no more blocks in a task once it has worked 8 ms, however long the idle period', () => {
  let now = 0;
  const clock = jest.spyOn(performance, 'now').mockImplementation(() => now);
  mount();
  const step = queued.shift()!;
  // The first block takes 9 ms to lay out; the period still offers 40.
  Object.defineProperty(document.getElementById('s0')!, 'offsetHeight', { get: () => ((now += 9), 0) });
  step({ didTimeout: false, timeRemaining: () => 40 });
  expect(rendered()).toEqual([true, false, false, false]);
  expect(queued).toHaveLength(1);
  clock.mockRestore();
});

test('leaves the blocks in or above the view to the browser (a script rendering them moved the text in view)', () => {
  placeAt(document.getElementById('s0')!, -900); // above: a deep link skipped it
  placeAt(document.getElementById('s1')!, 200); // in view
  mount();
  idle(50, 50, 50, 50);
  expect(rendered()).toEqual([false, false, true, true]);
  expect(queued).toHaveLength(0);
});

test('stops when the page goes away before it has finished', () => {
  const { unmount } = mount();
  idle(0);
  expect(rendered()).toEqual([true, false, false, false]);
  unmount();
  expect(cancelled).toEqual([2]); // the second period's request, not yet run
});

test('on the next page the app navigates to, renders the blocks that page brought', () => {
  const { rerender } = mount();
  idle(50, 50, 50, 50);
  expect(rendered()).toEqual([true, true, true, true]);
  document.body.insertAdjacentHTML('beforeend', `<div class="${RENDER_LATER}" id="new"></div>`);
  placeAt(document.getElementById('new')!, window.innerHeight + 100);
  mockPathname = '/learn/explorer';
  rerender(<RenderLater />);
  idle(0);
  expect(document.getElementById('new')?.hasAttribute('data-rendered')).toBe(true);
  expect(queued).toHaveLength(0);
});

test('without requestIdleCallback (Safari) it renders one block per timeout', () => {
  jest.useFakeTimers();
  // @ts-expect-error: a browser without it
  delete window.requestIdleCallback;
  mount();
  jest.advanceTimersByTime(50);
  expect(rendered()).toEqual([true, false, false, false]);
  jest.advanceTimersByTime(150);
  expect(rendered()).toEqual([true, true, true, true]);
  jest.useRealTimers();
});
