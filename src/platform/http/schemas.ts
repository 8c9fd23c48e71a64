import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { partialDatePatternSource } from '../../domain/partial-date.js';

/**
 * Schemas shared by every feature's routes. Each feature declares its own in `<feature>.schemas.ts`
 * from these parts, so that validation, handler types and the OpenAPI document come from one place.
 */

export const Uuid = Type.String({ format: 'uuid', description: 'Public identifier (UUID v7).' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** An organisation is addressed by its id or its slug. */
export const IdOrSlugParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100, description: 'Id (UUID) or slug.' }) },
  { additionalProperties: false },
);

export const PartialDate = Type.String({
  pattern: partialDatePatternSource,
  description: 'ISO 8601 date of year, month or day precision: `2003`, `2007-05` or `2021-12-10`.',
  examples: ['2007-05'],
});

export const LanguageTag = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?$',
  description: 'Language (ISO 639-1), optionally with script: `en`, `hr`, `sr-Cyrl`.',
});

export const LocalisedText = Type.Record(
  Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?$' }),
  Type.String({ maxLength: 20000 }),
  {
    description: 'Text per language tag, e.g. `{"en": "Vienna", "hr": "Beč"}`.',
    additionalProperties: false,
  },
);

export const Country = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code (XK for Kosovo).',
});

/** An exact decimal amount as a string, never a float: `72075.00`. */
export const Decimal = Type.String({
  pattern: '^\\d{1,14}(\\.\\d{1,2})?$',
  description: 'Exact decimal amount as a string, e.g. `72075.00`.',
});

export const Currency = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 currency code.',
  default: 'EUR',
});

export const ThemeCodes = Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), {
  maxItems: 50,
  uniqueItems: true,
  description: 'Theme codes (see /api/themes).',
});

/**
 * The largest value of PostgreSQL's `integer`. Integer inputs (ids, versions, pages, counts) stay within
 * it, so that a number past it gets 400 from validation rather than failing in SQL.
 */
export const maxInteger = 2_147_483_647;

export const Version = Type.Integer({
  minimum: 1,
  maximum: maxInteger,
  description: 'The version you read; a write based on an older version gets 409.',
});

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Query parameters every list takes. */
export const PageQuery = {
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: maxInteger, default: 1, description: 'Page number, from 1.' }),
  ),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 200, default: 20, description: 'Items per page.' }),
  ),
};

/** A page of a list with the total number of matching items. */
export const Page = <T extends TSchema>(item: T, name: string) =>
  Type.Object(
    {
      items: Type.Array(item),
      total: Type.Integer({ minimum: 0 }),
      page: Type.Integer({ minimum: 1 }),
      pageSize: Type.Integer({ minimum: 1 }),
    },
    { $id: `${name}Page`, title: `${name} page` },
  );

export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'Where the problem is: `body.since`, `query.page`.' }),
  code: Type.String(),
  message: Type.String(),
});

/** RFC 9457 problem details, with a stable machine code and field-level messages. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable machine code, e.g. `partnership.not_found`.' }),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { $id: 'Problem', title: 'Problem details (RFC 9457)' },
);
export type ProblemBody = Static<typeof Problem>;

/** The error responses every route may give, referencing the shared Problem schema. */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  const descriptions: Record<number, string> = {
    400: 'Invalid input',
    401: 'Sign in first',
    403: 'Not allowed for your account',
    404: 'Not found',
    409: 'Conflict: stale version or duplicate',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { ...Type.Ref(Problem), description: descriptions[status] ?? 'Problem' },
    ]),
  );
}

/** Sort parameter: a field name, descending with a leading minus. */
export const sortQuery = (fields: readonly string[], defaultSort: string) =>
  Type.Optional(
    Type.Union(
      fields.flatMap((field) => [Type.Literal(field), Type.Literal(`-${field}`)]),
      { default: defaultSort, description: 'Sort field; prefix with `-` for descending.' },
    ),
  );

/** Parses a sort parameter into column and direction. */
export function parseSort<F extends string>(
  sort: string | undefined,
  fallback: F,
): { field: F; direction: 'asc' | 'desc' } {
  const value = sort ?? fallback;
  return value.startsWith('-')
    ? { field: value.slice(1) as F, direction: 'desc' }
    : { field: value as F, direction: 'asc' };
}
