'use client';

import { useEffect } from 'react';
import { usePathname } from 'next/navigation';
import { RENDER_LATER } from './class-names';

type Idle = (step: (deadline: IdleDeadline) => void) => number;

/** The most work one task starts (ms): an idle period may offer 50, and a long task would delay the reader's input. */
const SLICE_MS = 8;

/**
 * Blocks marked RENDER_LATER (figures, tables, the packet walk, the explorer's rules panel and commands) start
 * skipped while far from the viewport (`content-visibility: auto`), so a page's first frame is only what is in
 * view (issue 18). Until a block has been rendered its height is an estimate. So once the page is idle, this
 * renders the blocks still below the view, top to bottom, marking each `data-rendered` (rendered from then on)
 * and laying it out at once: at least one per idle period, and no more once a task has worked SLICE_MS. Blocks
 * below the view move nothing the reader sees when they take their real height. Blocks above it (a deep link
 * skipped them) are left to the browser: rendering them from a script moved the text in view on a slow CPU,
 * where the browser's scroll anchoring did not compensate. Runs again on each page the app navigates to.
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
        if (block.getBoundingClientRect().top < window.innerHeight) continue; // in or above the view
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
