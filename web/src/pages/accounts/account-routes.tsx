import type { RouteObject } from 'react-router';

/**
 * Signing in and out, invitations, password resets, the reader's own account and the administrators'
 * pages, each loaded on demand like the other pages. `routes.tsx` spreads these among its children.
 */
export const accountRoutes: RouteObject[] = [
  {
    path: 'sign-in',
    lazy: async () => ({ Component: (await import('./sign-in-page')).SignInPage }),
  },
  {
    path: 'reset-password',
    lazy: async () => ({ Component: (await import('./reset-password-page')).ResetPasswordPage }),
  },
  {
    path: 'invitation',
    lazy: async () => ({ Component: (await import('./invitation-page')).InvitationPage }),
  },
  {
    path: 'account',
    lazy: async () => ({ Component: (await import('./account-page')).AccountPage }),
  },
  {
    path: 'admin/users',
    lazy: async () => ({ Component: (await import('../admin/users-page')).UsersPage }),
  },
  {
    path: 'admin/outbox',
    lazy: async () => ({ Component: (await import('../admin/outbox-page')).OutboxPage }),
  },
  {
    path: 'admin/backup',
    lazy: async () => ({ Component: (await import('../admin/backup-page')).BackupPage }),
  },
  {
    path: 'admin/settings',
    lazy: async () => ({ Component: (await import('../admin/settings-page')).SettingsPage }),
  },
];
