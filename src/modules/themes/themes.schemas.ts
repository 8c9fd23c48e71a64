import { Type, type Static } from '@sinclair/typebox';
import { themeTaxonomies } from '../../domain/vocabulary.js';
import { LocalisedText, Nullable, PageQuery, Uuid, Version, sortQuery } from '../../platform/http/schemas.js';
import { SourceSummary } from '../sources/sources.schemas.js';

export const ThemeTaxonomy = Type.Union(themeTaxonomies.map((taxonomy) => Type.Literal(taxonomy)));

const languagePattern = '^[a-z]{2,3}(-[A-Z][a-z]{3})?$';

const editableFields = {
  code: Type.String({
    pattern: '^[a-z0-9][a-z0-9-]*$',
    maxLength: 80,
    description: 'Stable code records use to name the theme: `zg-culture`, `sdg-11`.',
  }),
  taxonomy: ThemeTaxonomy,
  position: Type.Integer({
    minimum: 0,
    maximum: 10000,
    description: 'Place within its taxonomy; lists sort by it.',
  }),
  labels: Type.Record(Type.String({ pattern: languagePattern }), Type.String({ maxLength: 300 }), {
    description: 'The label per language tag, e.g. `{"en": "Culture", "hr": "Kultura"}`; `en` is required.',
    // A key that is no language tag is refused (it would otherwise pass unchecked, with any value).
    additionalProperties: false,
  }),
  sourceId: Nullable(Uuid),
};

export const ThemeCreate = Type.Object(
  {
    code: editableFields.code,
    taxonomy: editableFields.taxonomy,
    position: Type.Optional(editableFields.position),
    labels: editableFields.labels,
    sourceId: Type.Optional(editableFields.sourceId),
  },
  { additionalProperties: false, $id: 'ThemeCreate', title: 'New theme' },
);
export type ThemeCreate = Static<typeof ThemeCreate>;

export const ThemeUpdate = Type.Object(
  { ...Type.Partial(Type.Object(editableFields)).properties, version: Version },
  { additionalProperties: false, $id: 'ThemeUpdate', title: 'Changes to a theme' },
);
export type ThemeUpdate = Static<typeof ThemeUpdate>;

export const Theme = Type.Object(
  {
    id: Uuid,
    code: Type.String(),
    taxonomy: Type.String(),
    position: Type.Integer(),
    labels: LocalisedText,
    label: Type.String({ description: "The label in the reader's language (`lang`), or a fallback." }),
    labelLanguage: Type.String({
      description: 'The language `label` is in; when it differs from `lang`, show that it is a fallback.',
    }),
    source: Nullable(Type.Ref(SourceSummary)),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Theme', title: 'Theme' },
);
export type Theme = Static<typeof Theme>;

/** The reader's language, for labels and names. */
export const LanguageQuery = {
  lang: Type.Optional(
    Type.String({
      pattern: languagePattern,
      default: 'en',
      description:
        "The reader's language (`hr`, `sr-Cyrl`); texts fall back to English, then to any language.",
    }),
  ),
};

export const ThemeGetQuery = Type.Object({ ...LanguageQuery }, { additionalProperties: false });
export type ThemeGetQuery = Static<typeof ThemeGetQuery>;

export const themeSortFields = ['position', 'code'] as const;

export const ThemeListQuery = Type.Object(
  {
    taxonomy: Type.Optional(ThemeTaxonomy),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Words of any label or the code; case, diacritics and script do not matter.',
      }),
    ),
    sort: sortQuery(themeSortFields, 'position'),
    ...LanguageQuery,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ThemeListQuery = Static<typeof ThemeListQuery>;
