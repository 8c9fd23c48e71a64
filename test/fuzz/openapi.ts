import type { Random } from './random.js';

/**
 * The operations of an OpenAPI 3.1 document, and valid-looking values for their parameters and bodies
 * drawn from the schemas, which the fuzzer then breaks one part at a time.
 */

export type JsonSchema = { [keyword: string]: unknown };

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The path template, e.g. `/api/organisations/{id}`. */
  path: string;
  operationId: string;
  pathParams: Parameter[];
  query: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.includes(method)) continue;
      const parameters = (operation.parameters ?? []).map((parameter) => ({
        in: parameter.in,
        name: parameter.name,
        required: parameter.required ?? false,
        schema: parameter.schema ?? {},
      }));
      const body = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        query: parameters.filter((parameter) => parameter.in === 'query'),
        ...(body ? { body } : {}),
      });
    }
  }
  return operations;
}

/** Follows `$ref`s into the document's components. */
export function resolve(schema: JsonSchema, document: OpenApiDocument): JsonSchema {
  let current = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops += 1) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolved $ref ${current.$ref}`);
    const { $ref: _ref, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

/** The kinds of record a path id or an id field can name; the fuzzer keeps real ids of each. */
export type RecordKind =
  | 'organisation'
  | 'membership'
  | 'partnership'
  | 'project'
  | 'activity'
  | 'programme'
  | 'theme'
  | 'source'
  | 'contact'
  | 'initiative'
  | 'interest'
  | 'notification'
  | 'user';

/** The kind of record a path parameter names, from the path's first segment after /api. */
export function kindOfPathParam(path: string, name: string): RecordKind {
  if (name === 'organisationId') return 'organisation';
  const segment = path.split('/')[2] ?? '';
  const kinds: Record<string, RecordKind> = {
    organisations: 'organisation',
    memberships: 'membership',
    partnerships: 'partnership',
    projects: 'project',
    activities: 'activity',
    programmes: 'programme',
    themes: 'theme',
    sources: 'source',
    contacts: 'contact',
    initiatives: 'initiative',
    interests: 'interest',
    notifications: 'notification',
    users: 'user',
  };
  return kinds[segment] ?? 'organisation';
}

/** The kind of record a body or query field with a UUID names, from its name. */
export function kindOfField(name: string): RecordKind {
  const rules: [RegExp, RecordKind][] = [
    [/source/i, 'source'],
    [/programme/i, 'programme'],
    [/theme/i, 'theme'],
    [/project/i, 'project'],
    [/activit/i, 'activity'],
    [/initiative/i, 'initiative'],
    [/interest/i, 'interest'],
    [/membership/i, 'membership'],
    [/partnership/i, 'partnership'],
    [/user/i, 'user'],
  ];
  return rules.find(([pattern]) => pattern.test(name))?.[1] ?? 'organisation';
}

export interface SampleContext {
  random: Random;
  document: OpenApiDocument;
  /** A real id of a record of this kind, if there is one. */
  idOf(kind: RecordKind): string | undefined;
}

/** Where a value sits in a generated body, and what its schema wants there. */
export interface FieldSite {
  path: (string | number)[];
  type: string;
}

/** Strings tried against a `pattern`, first match wins. */
const patternCandidates = [
  'HR',
  'en',
  'sr-Cyrl',
  '2021-12-10',
  '2007-05',
  '2003',
  'EUR',
  '72075.00',
  'urbact_iv',
  'test-theme',
  'place',
  'organisation',
  'place,organisation',
  'organisation_memberships',
  '123456',
  'abc',
  'a',
  'A',
  '1',
  'x-1',
];

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

function sampleString(schema: JsonSchema, fieldName: string, context: SampleContext): string {
  const format = schema.format;
  if (format === 'uuid')
    return context.idOf(kindOfField(fieldName)) ?? '0190a0a0-0000-7000-8000-000000000000';
  if (format === 'email') return `fuzz-${context.random.int(1, 1e6)}@example.org`;
  if (format === 'date-time') return '2024-05-01T10:00:00.000Z';
  if (format === 'date') return '2024-05-01';
  if (format === 'uri' || format === 'url') return 'https://example.org/fuzz';
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : 40;
  if (typeof schema.pattern === 'string') {
    const pattern = schema.pattern;
    const fits = patternCandidates.filter(
      (candidate) =>
        matches(pattern, candidate) && candidate.length >= minLength && candidate.length <= maxLength,
    );
    if (fits.length > 0) return context.random.pick(fits);
  }
  const text = context.random.pick(['Fuzz text', 'Zagreb', 'Ниш', 'Beč', 'x']);
  return text.padEnd(minLength, 'x').slice(0, Math.max(minLength, Math.min(maxLength, text.length)));
}

/**
 * A value the schema accepts, or close to it (patterns are matched from a short list), recording every
 * field it makes in `sites` so that the fuzzer can break one of them.
 */
export function sample(
  schema: JsonSchema,
  context: SampleContext,
  sites: FieldSite[] = [],
  path: (string | number)[] = [],
  depth = 0,
): unknown {
  const resolved = resolve(schema, context.document);
  const { random } = context;
  const fieldName = String(path.findLast((segment) => typeof segment === 'string') ?? '');
  const record = (type: string) => sites.push({ path, type });

  if ('const' in resolved) {
    record(typeof resolved.const);
    return resolved.const;
  }
  if (Array.isArray(resolved.enum)) {
    const value: unknown = random.pick(resolved.enum);
    record(typeof value);
    return value;
  }
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const concrete = branches.filter((branch) => resolve(branch, context.document).type !== 'null');
    const branch =
      concrete.length > 0 && (concrete.length === branches.length || random.chance(0.85))
        ? random.pick(concrete)
        : random.pick(branches);
    return sample(branch, context, sites, path, depth);
  }
  const type = Array.isArray(resolved.type)
    ? (random.pick(resolved.type.filter((item) => item !== 'null')) as string)
    : (resolved.type as string | undefined);

  switch (type) {
    case 'string':
      record('string');
      return sampleString(resolved, fieldName, context);
    case 'integer':
    case 'number': {
      record(type);
      const minimum = typeof resolved.minimum === 'number' ? resolved.minimum : 1;
      const maximum = typeof resolved.maximum === 'number' ? resolved.maximum : Math.max(minimum, 100);
      return random.int(minimum, Math.min(maximum, minimum + 100));
    }
    case 'boolean':
      record('boolean');
      return random.chance(0.5);
    case 'null':
      record('null');
      return null;
    case 'array': {
      record('array');
      const minItems = typeof resolved.minItems === 'number' ? resolved.minItems : 0;
      const maxItems = typeof resolved.maxItems === 'number' ? resolved.maxItems : 3;
      const count = depth > 4 ? minItems : random.int(minItems, Math.min(maxItems, minItems + 2));
      const items: unknown[] = [];
      for (let index = 0; index < count; index += 1) {
        const item = sample(
          (resolved.items as JsonSchema) ?? {},
          context,
          sites,
          [...path, index],
          depth + 1,
        );
        if (resolved.uniqueItems && items.some((other) => JSON.stringify(other) === JSON.stringify(item)))
          continue;
        items.push(item);
      }
      return items;
    }
    case 'object':
    case undefined: {
      if (type === undefined && !resolved.properties && !resolved.patternProperties) {
        record('any');
        return 'anything';
      }
      record('object');
      const value: Record<string, unknown> = {};
      const required = new Set((resolved.required as string[] | undefined) ?? []);
      const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
      for (const [name, property] of Object.entries(properties)) {
        if (!required.has(name) && (depth > 3 || !random.chance(0.5))) continue;
        value[name] = sample(property, context, sites, [...path, name], depth + 1);
      }
      const patterns = (resolved.patternProperties ?? {}) as Record<string, JsonSchema>;
      for (const [pattern, property] of Object.entries(patterns)) {
        const key = patternCandidates.find((candidate) => matches(pattern, candidate)) ?? 'en';
        value[key] = sample(property, context, sites, [...path, key], depth + 1);
      }
      if (
        Object.keys(properties).length === 0 &&
        Object.keys(patterns).length === 0 &&
        typeof resolved.additionalProperties === 'object'
      ) {
        value.en = sample(
          resolved.additionalProperties as JsonSchema,
          context,
          sites,
          [...path, 'en'],
          depth + 1,
        );
      }
      return value;
    }
    default:
      record('any');
      return null;
  }
}
