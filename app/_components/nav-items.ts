/** The site's main navigation: one entry per feature that exists. */
export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/learn', label: 'Learn' },
  { href: '/learn/explorer', label: 'Explorer' },
  { href: '/practice', label: 'Practice' },
  { href: '/drills', label: 'Drills' },
  { href: '/interview', label: 'Interview' },
  { href: '/review', label: 'Review' },
  { href: '/progress', label: 'Progress' },
];
