import { Type, type Static } from '@sinclair/typebox';
import { initiativeStatuses } from '../../domain/initiative.js';
import { notificationKinds } from '../../domain/notification.js';
import { LocalisedText, Nullable, Uuid } from '../../platform/http/schemas.js';

const Status = Type.Union(initiativeStatuses.map((status) => Type.Literal(status)));

export const NotificationPayload = Type.Object(
  {
    initiativeId: Uuid,
    initiativeTitle: LocalisedText,
    organisationName: Type.Optional(
      Type.String({ description: 'The organisation that expressed interest.' }),
    ),
    interestId: Type.Optional(Uuid),
    answer: Type.Optional(Type.Union([Type.Literal('accepted'), Type.Literal('declined')])),
    from: Type.Optional(Status),
    to: Type.Optional(Status),
    deadline: Type.Optional(Type.String({ description: 'A calendar day, `YYYY-MM-DD`.' })),
  },
  { description: 'The facts of the notice; the reader words it in their language.' },
);

export const Notification = Type.Object(
  {
    id: Uuid,
    kind: Type.Union(
      notificationKinds.map((kind) => Type.Literal(kind)),
      {
        description:
          '`interest_received`: an organisation expressed interest in your initiative; `interest_answered`: ' +
          'your interest was accepted or declined; `initiative_status_changed`; `deadline_approaching`: ' +
          'seven days or less remain.',
      },
    ),
    payload: NotificationPayload,
    readAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Notification', title: 'Notification' },
);
export type Notification = Static<typeof Notification>;

export const NotificationList = Type.Object(
  {
    items: Type.Array(Type.Ref(Notification), { description: 'Newest first.' }),
    unread: Type.Integer({ minimum: 0, description: 'How many of all the notifications are unread.' }),
  },
  { $id: 'NotificationList', title: 'Notifications' },
);
export type NotificationList = Static<typeof NotificationList>;

export const NotificationListQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ default: false, description: 'Only the unread ones.' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type NotificationListQuery = Static<typeof NotificationListQuery>;
