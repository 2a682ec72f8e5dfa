import type { Role } from '@touchline/contract';

/** Where each role starts after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  admin: '/admin',
  operator: '/console',
  judge: '/judge',
  captain: '/captain',
  fan: '/',
};

/** The navigation each role sees, besides the public pages. */
export const STAFF_NAV: { path: string; label: string; roles: readonly Role[] }[] = [
  { path: '/console', label: 'nav.console', roles: ['operator', 'admin'] },
  { path: '/judge', label: 'nav.judge', roles: ['judge', 'admin'] },
  { path: '/captain', label: 'nav.captain', roles: ['captain'] },
  { path: '/admin', label: 'nav.admin', roles: ['admin'] },
];
