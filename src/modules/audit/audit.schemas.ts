import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../../platform/http/schemas.js';

export const HistoryQuery = Type.Object(
  {
    entity: Type.String({
      pattern: '^[a-z][a-z_]{0,49}$',
      description: 'What kind of record: `organisation`, `partnership`, `project`, `activity`, `contact`…',
      examples: ['organisation'],
    }),
    id: Type.String({ minLength: 1, maxLength: 100, description: "The record's id." }),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;

export const HistoryActor = Type.Object(
  {
    kind: Type.Union([Type.Literal('user'), Type.Literal('system'), Type.Literal('public')], {
      description:
        'A registered user, the system (a command, the demo loader, a job) or an anonymous visitor.',
    }),
    displayName: Type.Optional(
      Type.String({
        description:
          "The user's display name (only signed-in callers see it), or the system part that acted (`demo`, `cli`).",
      }),
    ),
  },
  { $id: 'HistoryActor', title: 'Who made a change' },
);

export const FieldChange = Type.Object(
  {
    field: Type.String({ description: 'The field as the API names it: `displayName`, `status`.' }),
    before: Type.Unknown({ description: 'The value before; null when the record did not exist.' }),
    after: Type.Unknown({ description: 'The value after; null when the record was removed.' }),
  },
  { $id: 'FieldChange', title: 'A changed field' },
);

export const HistoryEvent = Type.Object(
  {
    id: Type.Integer({ description: 'Position in the audit trail: later events have higher ids.' }),
    occurredAt: Type.String({ format: 'date-time' }),
    action: Type.Union([
      Type.Literal('insert'),
      Type.Literal('update'),
      Type.Literal('delete'),
      Type.Literal('erase'),
    ]),
    entity: Type.String({
      description: 'The kind of record changed: the record itself or one of its parts.',
    }),
    entityId: Type.String(),
    actor: Type.Ref(HistoryActor),
    changes: Type.Array(Type.Ref(FieldChange)),
  },
  { $id: 'HistoryEvent', title: 'A change in the history of a record' },
);
export type HistoryEvent = Static<typeof HistoryEvent>;
