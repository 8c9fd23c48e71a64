import { Type, type Static } from '@sinclair/typebox';
import { confirmationStates, requestableStates, type ConfirmationFacts } from '../../domain/confirmation.js';
import { Nullable, Uuid, Version } from '../../platform/http/schemas.js';

export const ConfirmationState = Type.Union(
  confirmationStates.map((state) => Type.Literal(state)),
  {
    description:
      '`claimed`: one side entered it; `confirmed`: the other side confirmed it; `disputed`: the other side ' +
      'disputes it (see `reason`); `reported_by_source`: an import or a published source reports it.',
  },
);

/** Where a relation (a partnership, a membership, a project partnership) stands with its sides. */
export const Confirmation = Type.Object(
  {
    state: ConfirmationState,
    claimedBy: Nullable({
      ...Uuid,
      description:
        'The organisation whose side entered the relation; null when neither side did (an administrator or a source), so either may confirm it.',
    }),
    reason: Nullable(Type.String({ description: 'Why the other side disputes it; null unless disputed.' })),
    changedAt: Nullable(Type.String({ format: 'date-time', description: 'When the state last changed.' })),
  },
  { $id: 'Confirmation', title: 'Confirmation by both sides' },
);
export type Confirmation = Static<typeof Confirmation>;

/** The state a writer may ask for when recording a relation. */
export const RequestedConfirmation = Type.Union(
  requestableStates.map((state) => Type.Literal(state)),
  {
    description:
      'Only a writer of every side (an administrator, an editor of both organisations) may record a relation ' +
      'as `confirmed` or `reported_by_source`; a writer of one side always records its claim (`claimed`).',
  },
);

export const ConfirmRelation = Type.Object(
  { version: Version },
  { additionalProperties: false, $id: 'ConfirmRelation', title: 'Confirmation of a relation' },
);
export type ConfirmRelation = Static<typeof ConfirmRelation>;

export const DisputeRelation = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 2000,
      pattern: '\\S',
      description: 'Why your side disputes the relation, shown with it.',
    }),
    version: Version,
  },
  { additionalProperties: false, $id: 'DisputeRelation', title: 'Dispute of a relation' },
);
export type DisputeRelation = Static<typeof DisputeRelation>;

/** The confirmation columns of a stored relation as the API shows them. */
export function presentConfirmation(row: ConfirmationFacts): Confirmation {
  return {
    state: row.confirmation,
    claimedBy: row.claimedBy,
    reason: row.confirmationNote,
    changedAt: row.confirmationChangedAt ? row.confirmationChangedAt.toISOString() : null,
  };
}
