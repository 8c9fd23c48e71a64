import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSession } from '../accounts/use-session';
import { api, unwrap, type Schemas } from './client';

export type WriteScope = Schemas['WriteScope'];

const nobody: WriteScope = { all: false, organisationIds: [] };

/** The organisations the signed-in user writes for, with the members of associations it coordinates. */
export const writeScopeQuery = (userId: string) =>
  queryOptions({
    queryKey: ['access', 'write-scope', userId] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/access/write-scope', { signal })),
    staleTime: 60 * 1000,
  });

/**
 * What the signed-in user writes for, as the server computes it (so a coordinator's members count);
 * nothing for visitors. It only decides which actions to offer: the server checks every write.
 */
export function useWriteScope(): WriteScope {
  const { user } = useSession();
  const { data } = useQuery({ ...writeScopeQuery(user?.id ?? ''), enabled: user !== null });
  return user && data ? data : nobody;
}
