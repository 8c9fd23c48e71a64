import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client';

export type Confirmation = Schemas['Confirmation'];

/** A relation the other side confirms: which one, and the version the reader saw. */
export type ConfirmableRelation =
  | { kind: 'partnership'; id: string; version: number }
  | { kind: 'membership'; id: string; version: number }
  | { kind: 'projectPartner'; projectId: string; organisationId: string; version: number };

export interface ConfirmationAnswer {
  relation: ConfirmableRelation;
  /** With a reason, the answer disputes the relation; without one, it confirms it. */
  reason?: string;
}

async function answer({ relation, reason }: ConfirmationAnswer): Promise<void> {
  const version = relation.version;
  const action = reason === undefined ? 'confirm' : 'dispute';
  const body = reason === undefined ? { version } : { version, reason };
  switch (relation.kind) {
    case 'partnership':
      await unwrap(
        api.POST(`/api/partnerships/{id}/${action}`, { params: { path: { id: relation.id } }, body }),
      );
      return;
    case 'membership':
      await unwrap(
        api.POST(`/api/memberships/{id}/${action}`, { params: { path: { id: relation.id } }, body }),
      );
      return;
    case 'projectPartner':
      await unwrap(
        api.POST(`/api/projects/{id}/partners/{organisationId}/${action}`, {
          params: { path: { id: relation.projectId, organisationId: relation.organisationId } },
          body,
        }),
      );
  }
}

/**
 * Confirms or disputes a relation for the user's side, then refreshes everything that shows it (the
 * record, both organisations' relations, the record's history).
 */
export function useAnswerConfirmation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: answer,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Whether a writer of these organisations may confirm or dispute the relation (not the claiming side). */
export function mayAnswer(
  scope: { all: boolean; organisationIds: readonly string[] },
  parties: readonly string[],
  confirmation: Confirmation,
): boolean {
  if (scope.all) return true;
  return parties.some((party) => party !== confirmation.claimedBy && scope.organisationIds.includes(party));
}
