import { Type, type Static } from '@sinclair/typebox';
import { LocalisedText, Nullable, Uuid, Version } from '../../platform/http/schemas.js';

const editableFields = {
  name: Type.String({ minLength: 1, maxLength: 200, description: "The person's full name." }),
  position: LocalisedText,
  email: Nullable(Type.String({ format: 'email', maxLength: 320 })),
  phone: Nullable(Type.String({ minLength: 1, maxLength: 50, pattern: '^[0-9+() ./-]+$' })),
  notes: Nullable(Type.String({ maxLength: 2000 })),
};

export const ContactCreate = Type.Object(
  {
    name: editableFields.name,
    position: Type.Optional({ ...editableFields.position, description: 'Position or title, per language.' }),
    email: Type.Optional(editableFields.email),
    phone: Type.Optional(editableFields.phone),
    notes: Type.Optional(editableFields.notes),
  },
  { additionalProperties: false, $id: 'ContactCreate', title: 'New contact person' },
);
export type ContactCreate = Static<typeof ContactCreate>;

export const ContactUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'ContactUpdate', title: 'Changes to a contact person' },
);
export type ContactUpdate = Static<typeof ContactUpdate>;

export const Contact = Type.Object(
  {
    id: Uuid,
    organisationId: Uuid,
    name: Type.String(),
    position: LocalisedText,
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    erasedAt: Nullable(
      Type.String({
        format: 'date-time',
        description: "When the person's data was erased on request; the record stays, anonymised.",
      }),
    ),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Contact', title: 'Contact person' },
);
export type Contact = Static<typeof Contact>;

export const ContactList = Type.Object(
  { items: Type.Array(Type.Ref(Contact)) },
  { $id: 'ContactList', title: "An organisation's contact persons" },
);

/** Everything held about a person: the contact record and the audit events about it. */
export const ContactExport = Type.Object(
  {
    exportedAt: Type.String({ format: 'date-time' }),
    contact: Type.Ref(Contact),
    auditEvents: Type.Array(
      Type.Object({
        occurredAt: Type.String({ format: 'date-time' }),
        action: Type.String(),
        actor: Type.String({ description: '`user:<id>`, `system:<name>`: who made the change.' }),
        before: Type.Unknown(),
        after: Type.Unknown(),
      }),
    ),
  },
  { $id: 'ContactExport', title: 'Personal data held about a contact person' },
);
export type ContactExport = Static<typeof ContactExport>;
