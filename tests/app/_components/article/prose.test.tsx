/** @jest-environment jsdom */
import type { ComponentType, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { proseComponents } from '@/app/_components/article';

const block = (tag: keyof typeof proseComponents, children: ReactNode) => {
  const Tag = proseComponents[tag] as ComponentType<{ children?: ReactNode }>;
  const { container } = render(<Tag>{children}</Tag>);
  return container.firstElementChild as HTMLElement;
};
const lines = (el: HTMLElement) => Number(el.style.getPropertyValue('--later-lines'));

test('a paragraph far from the view may be skipped, its place held by lines of its text at a phone’s width', () => {
  const short = block('p', 'One line.');
  expect(short.className.split(' ')).toEqual(expect.arrayContaining(['my-3', 'later-prose']));
  expect(lines(short)).toBe(1);
  // 400 characters of text, part of it inside inline elements: ten lines of 40 characters.
  const long = block('p', [
    'a'.repeat(200),
    <code key="c">{'b'.repeat(100)}</code>,
    <strong key="s">{'c'.repeat(100)}</strong>,
  ]);
  expect(lines(long)).toBe(10);
});

test('a list counts a line or more per item; code counts its own lines, which do not wrap', () => {
  const list = block('ul', [
    <li key="1">short</li>,
    <li key="2">{'x'.repeat(80)}</li>,
    <li key="3">short</li>,
  ]);
  expect(list.className).toContain('later-prose');
  // 1 + 3 (80 characters, a little narrower beside the marker) + 1, and a little space between items.
  expect(lines(list)).toBe(6);
  const ordered = block('ol', [<li key="1">one</li>, <li key="2">two</li>]);
  expect(ordered.className.split(' ')).toEqual(expect.arrayContaining(['list-decimal', 'later-prose']));
  const code = block('pre', <code>{'kubectl get svc\nNAME   TYPE\nweb    NodePort\n'}</code>);
  expect(code.className).toContain('later-prose');
  expect(lines(code)).toBe(3);
  expect(code.tabIndex).toBe(0); // still reachable by keyboard to scroll
  expect(lines(block('blockquote', 'x'.repeat(81)))).toBe(3);
});

test('a class the MDX gives a block is kept beside the typography and the marker', () => {
  const Tag = proseComponents.p as ComponentType<{ className?: string; children?: ReactNode }>;
  const { container } = render(<Tag className="lead">Text</Tag>);
  expect((container.firstElementChild as HTMLElement).className).toBe('my-3 later-prose lead');
});

test('headings are not skipped: the table of contents and deep links land on them', () => {
  const heading = block('h2', 'Dropped is not refused');
  expect(heading.querySelector('h2')?.id).toBe('dropped-is-not-refused');
  expect(heading.outerHTML).not.toContain('later-prose');
});
