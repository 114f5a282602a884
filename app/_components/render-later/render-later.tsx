'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';
import { RENDER_LATER } from './class-names';

type Idle = (step: (deadline: IdleDeadline) => void) => number;

/** The most work one task starts (ms): an idle period may offer 50, and a long task would delay the reader's input. */
const SLICE_MS = 8;

/**
 * Blocks marked RENDER_LATER (an article's sections, figures, tables, the explorer's walk, rules and commands)
 * start skipped while far from the viewport (`content-visibility: auto`), so a page's first frame is only what
 * is in view (issue 18). Until a block has been rendered its height is an estimate, and scrolling up from a deep
 * link jumped by up to 3,000 px as the blocks above rendered at their real heights. So once the page is idle,
 * this renders the blocks there, top to bottom, as many per idle period as fit in SLICE_MS (at least one; each
 * took 1–16 ms on our machine), marking each `data-rendered` (always rendered from then on) and laying it out at
 * once, so no frame has to lay out more than one. Scroll anchoring keeps what the reader sees in place. Runs
 * again on each page the app navigates to; blocks that appear later keep the browser's own behaviour.
 */
export function RenderLater() {
  const pathname = usePathname();
  useEffect(() => {
    const blocks = [...document.querySelectorAll<HTMLElement>(`.${RENDER_LATER}:not([data-rendered])`)];
    if (blocks.length === 0) return;
    // Safari has no requestIdleCallback: a short timeout stands in, one block per task.
    const idle: Idle = (step) =>
      typeof window.requestIdleCallback === 'function'
        ? window.requestIdleCallback(step, { timeout: 1000 })
        : window.setTimeout(() => step({ didTimeout: true, timeRemaining: () => 0 }), 50);
    const cancel = (handle: number) =>
      typeof window.cancelIdleCallback === 'function' ? window.cancelIdleCallback(handle) : window.clearTimeout(handle);
    let next = 0;
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      const started = performance.now();
      do {
        const block = blocks[next++]!;
        block.dataset.rendered = '';
        void block.offsetHeight; // lay it out now, inside this task
      } while (next < blocks.length && deadline.timeRemaining() > SLICE_MS && performance.now() - started < SLICE_MS);
      if (next < blocks.length) handle = idle(step);
    };
    handle = idle(step);
    return () => cancel(handle);
  }, [pathname]);
  return null;
}
