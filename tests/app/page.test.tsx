/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { NAV_ITEMS } from '@/app/_components/nav-items';
import HomePage from '@/app/page';
import { parseSettings } from '@/app/practice/settings';
import { QUESTION_KINDS } from '@/lib/scenarios';

describe('home page', () => {
  it('names the app in its only h1', () => {
    render(<HomePage />);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Service Traffic Trainer');
  });

  it.each(['Self-study', 'CKA and CKAD preparation', 'Instructors'])('speaks to %s', (audience) => {
    render(<HomePage />);
    expect(screen.getByRole('heading', { level: 3, name: audience })).toBeInTheDocument();
  });

  it.each(NAV_ITEMS.map((i) => [i.label, i.href] as const))(
    'has a described card linking to %s (%s)',
    (label, href) => {
      render(<HomePage />);
      const section = screen.getByRole('region', { name: 'Ways to work' });
      const link = within(section).getByRole('link', { name: label });
      expect(link).toHaveAttribute('href', href);
      const card = link.closest('li');
      expect(card?.querySelector('p')?.textContent?.length ?? 0).toBeGreaterThan(20);
    },
  );

  it('writes no routing figures by hand (numbers come from the engine)', () => {
    const { container } = render(<HomePage />);
    expect(container.textContent).not.toMatch(
      /\d+\s*%|\d+\/\d+|\b\d+(\.\d+)?\s*(ms|requests?|pods?|nodes?)\b/i,
    );
  });

  it('links every example question to a practice session of a real question kind', () => {
    render(<HomePage />);
    const section = screen.getByRole('region', { name: 'Questions you will be able to answer' });
    const links = within(section).getAllByRole('link');
    expect(links).toHaveLength(within(section).getAllByRole('listitem').length);
    for (const link of links) {
      const url = new URL(link.getAttribute('href') ?? '', 'http://x');
      expect(url.pathname).toBe('/practice');
      const parsed = parseSettings({ ...Object.fromEntries(url.searchParams), seed: 'check' });
      expect(parsed.ok).toBe(true);
      if (parsed.ok) for (const k of parsed.settings.kinds) expect(QUESTION_KINDS).toContain(k);
    }
  });
});
