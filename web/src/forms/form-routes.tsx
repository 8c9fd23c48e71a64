import type { RouteObject } from 'react-router';

/**
 * The create and edit pages of every kind of record, each loaded on demand like the other pages.
 * `routes.tsx` spreads these among its children.
 */
export const formRoutes: RouteObject[] = [
  {
    path: 'organisations/new',
    lazy: async () => ({
      Component: (await import('./organisations/organisation-form')).NewOrganisationPage,
    }),
  },
  {
    path: 'organisations/:slug/edit',
    lazy: async () => ({
      Component: (await import('./organisations/organisation-form')).EditOrganisationPage,
    }),
  },
  {
    path: 'memberships/new',
    lazy: async () => ({ Component: (await import('./memberships/membership-form')).NewMembershipPage }),
  },
  {
    path: 'memberships/:id/edit',
    lazy: async () => ({ Component: (await import('./memberships/membership-form')).EditMembershipPage }),
  },
  {
    path: 'partnerships/new',
    lazy: async () => ({ Component: (await import('./partnerships/partnership-form')).NewPartnershipPage }),
  },
  {
    path: 'partnerships/:id/edit',
    lazy: async () => ({ Component: (await import('./partnerships/partnership-form')).EditPartnershipPage }),
  },
  {
    path: 'projects/new',
    lazy: async () => ({ Component: (await import('./projects/project-form')).NewProjectPage }),
  },
  {
    path: 'projects/:slug/edit',
    lazy: async () => ({ Component: (await import('./projects/project-form')).EditProjectPage }),
  },
  {
    path: 'activities/new',
    lazy: async () => ({ Component: (await import('./activities/activity-form')).NewActivityPage }),
  },
  {
    path: 'activities/:id/edit',
    lazy: async () => ({ Component: (await import('./activities/activity-form')).EditActivityPage }),
  },
  {
    path: 'programmes/new',
    lazy: async () => ({ Component: (await import('./programmes/programme-form')).NewProgrammePage }),
  },
  {
    path: 'programmes/:id/edit',
    lazy: async () => ({ Component: (await import('./programmes/programme-form')).EditProgrammePage }),
  },
  {
    path: 'themes/new',
    lazy: async () => ({ Component: (await import('./themes/theme-form')).NewThemePage }),
  },
  {
    path: 'themes/:code/edit',
    lazy: async () => ({ Component: (await import('./themes/theme-form')).EditThemePage }),
  },
  {
    path: 'sources/new',
    lazy: async () => ({ Component: (await import('./sources/source-form')).NewSourcePage }),
  },
  {
    path: 'sources/:id/edit',
    lazy: async () => ({ Component: (await import('./sources/source-form')).EditSourcePage }),
  },
];
