import type { RouteObject } from 'react-router';
import { PageLoading } from '../components/query-state';
import { accountRoutes } from '../pages/accounts/account-routes';
import { formRoutes } from '../forms/form-routes';
import { Layout } from '../layout/layout';
import { RouteError } from '../layout/route-error';

/**
 * Every page of the application, each loaded on demand as its own chunk (so the home page does not carry
 * the code of the others, and the map library travels only with the pages that draw maps). To add a page:
 * create `pages/<area>/<name>-page.tsx` exporting a component, and add one line here.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    HydrateFallback: PageLoading,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../pages/home/home-page')).HomePage }) },
      {
        path: 'search',
        lazy: async () => ({ Component: (await import('../pages/search/search-page')).SearchPage }),
      },
      {
        path: 'organisations',
        lazy: async () => ({
          Component: (await import('../pages/organisations/organisations-page')).OrganisationsPage,
        }),
      },
      {
        path: 'organisations/:slug',
        lazy: async () => ({
          Component: (await import('../pages/organisations/organisation-page')).OrganisationPage,
        }),
      },
      {
        path: 'projects',
        lazy: async () => ({ Component: (await import('../pages/projects/projects-page')).ProjectsPage }),
      },
      {
        path: 'projects/:slug',
        lazy: async () => ({ Component: (await import('../pages/projects/project-page')).ProjectPage }),
      },
      {
        path: 'initiatives',
        lazy: async () => ({
          Component: (await import('../pages/initiatives/initiatives-page')).InitiativesPage,
        }),
      },
      {
        path: 'initiatives/new',
        lazy: async () => ({
          Component: (await import('../pages/initiatives/initiative-form')).NewInitiativePage,
        }),
      },
      {
        path: 'initiatives/:id',
        lazy: async () => ({
          Component: (await import('../pages/initiatives/initiative-page')).InitiativePage,
        }),
      },
      {
        path: 'initiatives/:id/edit',
        lazy: async () => ({
          Component: (await import('../pages/initiatives/initiative-form')).EditInitiativePage,
        }),
      },
      {
        path: 'partnerships/:id',
        lazy: async () => ({
          Component: (await import('../pages/partnerships/partnership-page')).PartnershipPage,
        }),
      },
      {
        path: 'activities',
        lazy: async () => ({
          Component: (await import('../pages/activities/activities-page')).ActivitiesPage,
        }),
      },
      {
        path: 'activities/:id',
        lazy: async () => ({ Component: (await import('../pages/activities/activity-page')).ActivityPage }),
      },
      {
        path: 'themes',
        lazy: async () => ({ Component: (await import('../pages/themes/themes-page')).ThemesPage }),
      },
      {
        path: 'themes/:code',
        lazy: async () => ({ Component: (await import('../pages/themes/theme-page')).ThemePage }),
      },
      {
        path: 'places/:geonamesId',
        lazy: async () => ({ Component: (await import('../pages/places/place-page')).PlacePage }),
      },
      ...formRoutes,
      ...accountRoutes,
      {
        path: '*',
        lazy: async () => ({ Component: (await import('../pages/not-found-page')).NotFoundPage }),
      },
    ],
  },
];
