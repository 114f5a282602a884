/**
 * @jest-environment node
 *
 * The articles' rehype plugin: one <section> per h2 (the browser renders only the sections near the viewport).
 * tests/app/learn/article-sections.test.tsx checks the compiled articles.
 */
import { ARTICLE_SECTION, RENDER_LATER } from '@/app/_components/render-later';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rehypeArticleSections = require('../../../lib/build/mdx-sections') as (() => (tree: Root) => void) & { SECTION_CLASSES: string[] };

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}
interface Root {
  type: 'root';
  children: Node[];
}

const el = (tagName: string, text: string): Node => ({ type: 'element', tagName, properties: {}, children: [{ type: 'text', value: text }] });
const nl: Node = { type: 'text', value: '\n' };
const esm = (value: string): Node => ({ type: 'mdxjsEsm', value });
const jsx: Node = { type: 'mdxJsxFlowElement', children: [] };

function run(children: Node[]): Node[] {
  const tree: Root = { type: 'root', children };
  rehypeArticleSections()(tree);
  return tree.children;
}

/** The tree as nested [tag, …children] lists, for comparison. */
const shape = (nodes: Node[]): unknown[] =>
  nodes.map((n) => (n.type === 'element' ? [n.tagName, n.properties?.className ?? null, ...shape(n.children ?? [])] : n.type === 'text' ? n.value : n.type));

test('each h2 and what follows it, up to the next h2, go into a section; the introduction stays at the top', () => {
  const out = run([esm('import A'), nl, el('h1', 'Title'), nl, el('p', 'Intro'), nl, el('h2', 'First'), nl, el('p', 'One'), jsx, el('h3', 'Sub'), nl, el('h2', 'Second'), el('p', 'Two')]);
  const section = [ARTICLE_SECTION, RENDER_LATER];
  expect(shape(out)).toEqual([
    'mdxjsEsm',
    '\n',
    ['h1', null, 'Title'],
    '\n',
    ['p', null, 'Intro'],
    '\n',
    ['section', section, ['h2', null, 'First'], '\n', ['p', null, 'One'], 'mdxJsxFlowElement', ['h3', null, 'Sub'], '\n'],
    ['section', section, ['h2', null, 'Second'], ['p', null, 'Two']],
  ]);
  // The classes the page's stylesheet and RenderLater look for.
  expect(rehypeArticleSections.SECTION_CLASSES).toEqual([ARTICLE_SECTION, RENDER_LATER]);
});

test('imports and exports stay at the top level even after the first h2, where MDX compiles them', () => {
  const out = run([el('h2', 'First'), esm('export const n = 1'), el('p', 'One')]);
  expect(shape(out)).toEqual([['section', [ARTICLE_SECTION, RENDER_LATER], ['h2', null, 'First'], ['p', null, 'One']], 'mdxjsEsm']);
});

test('a document without h2 is left as it is', () => {
  const children = [el('h1', 'Only'), nl, el('p', 'Text'), el('h3', 'Small')];
  expect(shape(run([...children]))).toEqual(shape(children));
});
