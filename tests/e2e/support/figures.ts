import type { Page } from '@playwright/test';

/** One problem found in a drawn cluster diagram, with the figure and the texts involved. */
export interface FigureProblem {
  figure: string;
  variant: string;
  problem: string;
}

/**
 * Checks every visible cluster diagram on the page, as laid out now, and returns what is wrong:
 * - two text boxes overlap;
 * - a text box leaves the SVG, or the box (node, Pod, load balancer, client) it is written in;
 * - a line (an arrow, the highlighted flow) runs across a text box;
 * - the smallest text is drawn below `minFontPx` px;
 * - the SVG sticks out of the viewport (so part of it, maybe the highlighted flow, would be out of view).
 * - the figure keeps moving or changing size once scrolled into view.
 * Figures below the fold are scrolled to first: `content-visibility: auto` skips their layout until then.
 */
export async function figureProblems(page: Page, minFontPx = 9.5): Promise<FigureProblem[]> {
  const count = await page.locator('figure[data-diagram]').count();
  const problems: FigureProblem[] = [];
  for (let i = 0; i < count; i += 1) {
    const figure = page.locator('figure[data-diagram]').nth(i);
    // Scrolled here rather than with scrollIntoViewIfNeeded, whose wait for a stable box once held a CI run for
    // its whole timeout with no frame to show for it: a figure that does keep moving is reported, with its boxes.
    const moving = await figure.evaluate(async (fig) => {
      fig.scrollIntoView({ block: 'nearest' });
      const boxes: string[] = [];
      // The box is compared frame to frame, and still means the same box over three drawn frames in a row: an
      // animation moves only when a frame is drawn, and may hold still for a frame or two as it starts, so two
      // readings can match while it runs (CI under load twice passed a figure that grows forever as still). A page
      // that draws no frame for a second is not moving; at most 60 frames or 6 s in all are read.
      let waits = 0;
      for (let tries = 0; tries < 60 && boxes.length < 60; tries += 1) {
        const drawn = await new Promise<boolean>((resolve) => {
          requestAnimationFrame(() => resolve(true));
          setTimeout(() => resolve(false), 100);
        });
        if (!drawn) {
          waits += 1;
          if (waits === 10) return null;
          continue;
        }
        waits = 0;
        const r = fig.getBoundingClientRect();
        const box = `${r.top.toFixed(1)}+${r.height.toFixed(1)}`;
        if (box === boxes[boxes.length - 1] && box === boxes[boxes.length - 2]) return null;
        boxes.push(box);
      }
      return boxes.slice(-4).join(', ');
    });
    if (moving)
      problems.push({
        figure: `figure ${i + 1}`,
        variant: '-',
        problem: `keeps moving once scrolled into view (top+height: ${moving})`,
      });
    problems.push(
      ...(await figure.evaluate((fig, minFont) => {
        const out: { figure: string; variant: string; problem: string }[] = [];
        const name = fig.querySelector('figcaption span')?.textContent?.slice(0, 60) ?? '(figure)';
        const svgs = [...fig.querySelectorAll<SVGSVGElement>('svg[data-variant]')].filter(
          (s) => s.getBoundingClientRect().width > 0,
        );
        if (svgs.length !== 1)
          out.push({
            figure: name,
            variant: '-',
            problem: `${svgs.length} arrangements visible, expected 1`,
          });
        for (const svg of svgs) {
          const variant = svg.dataset.variant ?? '?';
          const report = (problem: string) => out.push({ figure: name, variant, problem });
          const view = svg.viewBox.baseVal;
          const rect = svg.getBoundingClientRect();
          const scale = rect.width / view.width;
          if (rect.right > document.documentElement.clientWidth + 0.5 || rect.left < -0.5)
            report(`SVG sticks out of the viewport (${rect.left}–${rect.right})`);
          const texts = [...svg.querySelectorAll<SVGTextElement>('text')].filter(
            (t) => (t.textContent ?? '').trim() !== '',
          );
          const boxes = texts.map((t) => ({
            t,
            b: t.getBBox(),
            label: (t.lastChild?.textContent ?? t.textContent ?? '').trim(),
          }));
          const fonts = texts.map((t) => parseFloat(getComputedStyle(t).fontSize));
          const smallest = Math.min(...fonts) * scale;
          if (smallest < minFont) report(`smallest text is ${smallest.toFixed(1)} px (< ${minFont})`);
          const eps = 0.5;
          for (const { b, label, t } of boxes) {
            if (
              b.x < view.x - eps ||
              b.y < view.y - eps ||
              b.x + b.width > view.x + view.width + eps ||
              b.y + b.height > view.y + view.height + eps
            ) {
              report(`"${label}" leaves the SVG`);
            }
            const container = t.closest('g[data-box]')?.querySelector('rect');
            if (container) {
              const c = container.getBBox();
              if (
                b.x < c.x - eps ||
                b.y < c.y - eps ||
                b.x + b.width > c.x + c.width + eps ||
                b.y + b.height > c.y + c.height + eps
              ) {
                report(`"${label}" leaves its ${t.closest('g[data-box]')?.getAttribute('data-box')} box`);
              }
            }
          }
          for (let a = 0; a < boxes.length; a += 1) {
            for (let z = a + 1; z < boxes.length; z += 1) {
              const p = boxes[a]!.b;
              const q = boxes[z]!.b;
              const w = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
              const h = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
              if (w > 1 && h > 1) report(`"${boxes[a]!.label}" overlaps "${boxes[z]!.label}"`);
            }
          }
          for (const line of svg.querySelectorAll<SVGPathElement>('path[data-line]')) {
            const length = line.getTotalLength();
            for (let s = 0; s <= length; s += 2) {
              const pt = line.getPointAtLength(s);
              const hit = boxes.find(
                ({ b }) =>
                  pt.x > b.x + 1 && pt.x < b.x + b.width - 1 && pt.y > b.y + 1 && pt.y < b.y + b.height - 1,
              );
              if (hit) {
                report(`a line crosses "${hit.label}"`);
                break;
              }
            }
          }
        }
        return out;
      }, minFontPx)),
    );
  }
  return problems;
}
