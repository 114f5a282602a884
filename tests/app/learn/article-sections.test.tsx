/** @jest-environment jsdom */
import type { ComponentType } from 'react';
import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { ARTICLE_SECTION, RENDER_LATER } from '@/app/_components/render-later';
import { TextEncoder } from 'node:util';
import ExternalTrafficPolicy from '@/content/external-traffic-policy.mdx';
import InsideTheCluster from '@/content/inside-the-cluster.mdx';
import Troubleshooting from '@/content/troubleshooting.mdx';

// jsdom has no TextEncoder; the engine's reader uses it to measure the text.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;

const ARTICLES: [string, ComponentType][] = [
  ['external-traffic-policy', ExternalTrafficPolicy],
  ['inside-the-cluster', InsideTheCluster],
  ['troubleshooting', Troubleshooting],
];

describe.each(ARTICLES)('the %s article, as compiled (lib/build/mdx-sections.js)', (name, Article) => {
  it('holds each h2 and the text after it, up to the next h2, in a section of its own; the introduction outside', () => {
    const { container } = render(<Article />);
    // The article's own h2s, in order (a component inside it, such as the explorer, may bring one more).
    const headings = [...readFileSync(`content/${name}.mdx`, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const sections = [...container.querySelectorAll(`:scope > section.${ARTICLE_SECTION}.${RENDER_LATER}`)];
    expect(headings.length).toBeGreaterThan(5);
    expect(sections).toHaveLength(headings.length);
    sections.forEach((section, i) => {
      // The section starts with its heading (AnchoredHeading wraps the h2 in a box), and the next one starts the next.
      const h2 = section.firstElementChild?.matches('h2') ? section.firstElementChild : section.firstElementChild?.querySelector('h2');
      expect(h2?.textContent?.replace(/`/g, '')).toContain(headings[i]!.replace(/`/g, '').replace(/\\/g, ''));
    });
    // The title and the introduction come before the first section, outside any.
    const h1 = container.querySelector('h1');
    expect(h1?.closest(`section.${ARTICLE_SECTION}`)).toBeNull();
    expect(container.firstElementChild?.closest('section')).toBeNull();
  });
});
