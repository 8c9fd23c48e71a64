import { Type, type Static } from '@sinclair/typebox';
import { sourceKinds } from '../../domain/vocabulary.js';
import { Nullable, PageQuery, PartialDate, Uuid, Version, sortQuery } from '../../platform/http/schemas.js';

/** Where a fact comes from, as records show it. */
export const SourceSummary = Type.Object(
  {
    id: Uuid,
    title: Type.String(),
    url: Nullable(Type.String()),
  },
  { $id: 'SourceSummary', title: 'Source (summary)' },
);
export type SourceSummary = Static<typeof SourceSummary>;

const SourceKind = Type.Union(sourceKinds.map((kind) => Type.Literal(kind)));

const editableFields = {
  kind: SourceKind,
  title: Type.String({ minLength: 1, maxLength: 500 }),
  url: Nullable(Type.String({ format: 'uri', maxLength: 1000 })),
  language: Nullable(Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?$' })),
  publisher: Nullable(Type.String({ maxLength: 300 })),
  publishedOn: Nullable(PartialDate),
  notes: Nullable(Type.String({ maxLength: 5000 })),
};

export const SourceCreate = Type.Object(
  {
    kind: editableFields.kind,
    title: editableFields.title,
    url: Type.Optional(editableFields.url),
    language: Type.Optional(editableFields.language),
    publisher: Type.Optional(editableFields.publisher),
    publishedOn: Type.Optional(editableFields.publishedOn),
    notes: Type.Optional(editableFields.notes),
  },
  { additionalProperties: false, $id: 'SourceCreate', title: 'New source' },
);
export type SourceCreate = Static<typeof SourceCreate>;

export const SourceUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'SourceUpdate', title: 'Changes to a source' },
);
export type SourceUpdate = Static<typeof SourceUpdate>;

export const Source = Type.Object(
  {
    id: Uuid,
    key: Nullable(
      Type.String({ description: 'Stable key of sources the product ships (demo data, reference data).' }),
    ),
    kind: Type.String(),
    title: Type.String(),
    url: Nullable(Type.String()),
    language: Nullable(Type.String()),
    publisher: Nullable(Type.String()),
    publishedOn: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Source', title: 'Source' },
);
export type Source = Static<typeof Source>;

export const SourceListQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Words of the title or publisher.' }),
    ),
    kind: Type.Optional(SourceKind),
    sort: sortQuery(['title', 'createdAt'], 'title'),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SourceListQuery = Static<typeof SourceListQuery>;
