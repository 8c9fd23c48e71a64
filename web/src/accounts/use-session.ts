import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { writeScopeQuery } from '../api/access';
import { sessionQuery, type SessionUser } from '../api/session';
import { isCoordinator, mayAdminister, mayEditFor, mayRecord } from './permissions';

export interface SessionState {
  /** The signed-in user, or null for a visitor (and while the session loads). */
  user: SessionUser | null;
  /** Whether the session is still being read: wait before telling a visitor to sign in. */
  isLoading: boolean;
  isAdmin: boolean;
  /** Whether to offer changes to a record of these organisations (any one of them being the user's). */
  mayEditFor: (organisationIds: readonly string[]) => boolean;
  /** Whether to offer recording new things at all. */
  mayRecord: boolean;
}

/**
 * The signed-in user and what the interface may offer them, from `GET /api/session` (one query shared by
 * every component). The server remains the authority on every write.
 */
export function useSession(): SessionState {
  const { data, isPending } = useQuery(sessionQuery());
  const user = data?.user ?? null;
  // Only a coordinator needs the server's word on whom it acts for (its association's members).
  const { data: scope } = useQuery({
    ...writeScopeQuery(user?.id ?? ''),
    enabled: user !== null && isCoordinator(user),
  });
  const writeScope = scope?.organisationIds;
  return useMemo(
    () => ({
      user,
      isLoading: isPending,
      isAdmin: mayAdminister(user),
      mayEditFor: (organisationIds: readonly string[]) => mayEditFor(user, organisationIds, writeScope),
      mayRecord: mayRecord(user),
    }),
    [user, isPending, writeScope],
  );
}
