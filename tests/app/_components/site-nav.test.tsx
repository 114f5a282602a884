/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NAV_ITEMS } from '@/app/_components/nav-items';
import { currentEntry, currentFor, SiteNav } from '@/app/_components/site-nav';

let mockPathname: string | null = '/';
const mockPrefetch = jest.fn();
jest.mock('next/navigation', () => ({
  usePathname: () => mockPathname,
  useRouter: () => ({ prefetch: mockPrefetch }),
}));

beforeEach(() => mockPrefetch.mockClear());

function renderAt(pathname: string | null) {
  mockPathname = pathname;
  render(<SiteNav />);
  return within(screen.getByRole('navigation', { name: 'Main' }));
}

describe('currentFor', () => {
  it.each([
    ['/practice', '/practice', 'page'],
    ['/practice', '/practice/', 'page'],
    ['/practice', '/practice/session/abc', true],
    ['/practice', '/practiceX', undefined],
    ['/practice', '/drills', undefined],
    ['/learn/explorer', '/learn/external-traffic-policy', undefined],
    ['/learn/external-traffic-policy', '/learn/external-traffic-policy', 'page'],
    ['/', '/', 'page'],
    ['/', '/practice', undefined],
    ['/practice', null, undefined],
  ] as const)('marks %s as %p when the path is %p', (href, pathname, expected) => {
    expect(currentFor(href, pathname)).toBe(expected);
  });
});

describe('currentEntry', () => {
  it('marks the most specific entry only', () => {
    const hrefs = NAV_ITEMS.map((i) => i.href);
    expect(currentEntry(hrefs, '/learn/explorer')).toEqual({ href: '/learn/explorer', current: 'page' });
    expect(currentEntry(hrefs, '/learn/inside-the-cluster')).toEqual({ href: '/learn', current: true });
    expect(currentEntry(hrefs, '/learn')).toEqual({ href: '/learn', current: 'page' });
    expect(currentEntry(hrefs, '/nowhere')).toBeNull();
  });
});

describe('SiteNav', () => {
  it('lists every feature as a link, in order', () => {
    const nav = renderAt('/');
    const links = nav.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual(
      NAV_ITEMS.map((i) => [i.label, i.href]),
    );
  });

  it.each(NAV_ITEMS.map((i) => [i.label, i.href] as const))(
    'marks only %s as the current page at %s',
    (label, href) => {
      const nav = renderAt(href);
      const current = nav.getAllByRole('link').filter((a) => a.hasAttribute('aria-current'));
      expect(current).toHaveLength(1);
      expect(current[0]).toHaveAccessibleName(label);
      expect(current[0]).toHaveAttribute('aria-current', 'page');
    },
  );

  it('marks the section (aria-current="true") on a page inside it', () => {
    const nav = renderAt('/drills/abc123/host');
    expect(nav.getByRole('link', { name: 'Drills' })).toHaveAttribute('aria-current', 'true');
  });

  it.each(NAV_ITEMS.map((i) => [i.label, i.href] as const))(
    'prefetches %s only when its link is hovered or focused',
    async (label, href) => {
      const user = userEvent.setup();
      const nav = renderAt('/');
      expect(mockPrefetch).not.toHaveBeenCalled();
      await user.hover(nav.getByRole('link', { name: label }));
      expect(mockPrefetch).toHaveBeenLastCalledWith(href);
      mockPrefetch.mockClear();
      nav.getByRole('link', { name: label }).focus();
      expect(mockPrefetch).toHaveBeenCalledWith(href);
    },
  );

  it('marks nothing on the home page', () => {
    const nav = renderAt('/');
    expect(nav.getAllByRole('link').filter((a) => a.hasAttribute('aria-current'))).toEqual([]);
  });
});
