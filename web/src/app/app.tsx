import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { installSessionMiddleware } from '../api/session';
import { LocaleProvider } from '../i18n/locale-provider';
import { createQueryClient } from './query-client';
import { routes } from './routes';
import { cssVariablesResolver, theme } from './theme';

const router = createBrowserRouter(routes);

/** The application: theme, server state, interface language and the pages. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  // Signed-in writes carry the session's CSRF token; an ended session is read again.
  useEffect(() => installSessionMiddleware(queryClient), [queryClient]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <LocaleProvider>
          <RouterProvider router={router} />
        </LocaleProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
