import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** Server state for the whole app: a record read once is shared by every page that shows it. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30 * 1000,
        // A missing record or a refused request will not appear by asking again.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
