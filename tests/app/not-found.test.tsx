/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { NAV_ITEMS } from '@/app/_components/nav-items';
import NotFound from '@/app/not-found';

describe('404 page', () => {
  it('says the page was not found', () => {
    render(<NotFound />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
  });

  it.each<[string, string]>([['Home', '/'], ...NAV_ITEMS.map((i): [string, string] => [i.label, i.href])])(
    'offers a link to %s (%s)',
    (label, href) => {
      render(<NotFound />);
      expect(screen.getByRole('link', { name: label })).toHaveAttribute('href', href);
    },
  );
});
