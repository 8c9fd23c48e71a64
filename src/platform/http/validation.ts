import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { LazyCompilation } from './lazy-compilation.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const common: Options = {
  allErrors: true,
  // Unknown fields are refused (400), never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  keywords: ['example'],
};

/** Bodies are JSON and keep their types: `"12"` is not a number. */
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: false }));
/** Query strings, params and headers are text: numbers and booleans are read from it. */
const textAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

/**
 * A copy of a schema in which an array's items are checked only once the array is within its
 * `maxItems`. With `allErrors`, Ajv would otherwise check every item of a 400,000-item array (and report
 * each bad one, or compare them all for `uniqueItems`), which takes seconds of the event loop for one
 * request under the body limit; a too-long array gets its one `maxItems` error instead.
 */
export function guardArrays<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => guardArrays(item)) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (dataKeywords.has(key)) copy[key] = value;
    else if (schemaMaps.has(key) && typeof value === 'object' && value !== null)
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, item]) => [name, guardArrays(item)]));
    else copy[key] = guardArrays(value);
  }
  const { maxItems, items, uniqueItems, contains } = copy;
  if (typeof maxItems !== 'number' || (items === undefined && !uniqueItems && contains === undefined))
    return copy as T;
  const then: Record<string, unknown> = {};
  for (const key of ['items', 'prefixItems', 'uniqueItems', 'contains', 'minContains', 'maxContains']) {
    if (key in copy) {
      then[key] = copy[key];
      delete copy[key];
    }
  }
  return { ...copy, if: { maxItems }, then } as T;
}

/** Keywords whose values are data, not schemas. */
const dataKeywords = new Set(['const', 'default', 'enum', 'examples', 'example', 'required']);
/** Keywords whose values map names to schemas. */
const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Shared schemas (`$id`) are known to both validators. */
export function addSharedSchema(schema: { $id: string }): void {
  for (const ajv of [bodyAjv, textAjv]) if (!ajv.getSchema(schema.$id)) ajv.addSchema(guardArrays(schema));
}

/**
 * Fastify validator compiler: strict types for bodies, coercion for the parts of a request that are text.
 * Each validator is compiled on first use, or by `compilation.compileAll()`.
 */
export function createValidatorCompiler(compilation: LazyCompilation): FastifySchemaCompiler<unknown> {
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    let validate: ValidateFunction | undefined;
    const call = compilation.wrap(() => (validate = ajv.compile(guardArrays(schema as object))));
    // Fastify reads the errors off the function, and hands Ajv's functions (which have `schemaEnv`) the
    // request as the parent of the data, so that coercion can replace a whole part of the request.
    const lazy = Object.assign(
      (data: unknown, context?: Parameters<ValidateFunction>[1]) => {
        const valid = call(data, context);
        lazy.errors = validate!.errors;
        return valid;
      },
      { errors: null as ValidateFunction['errors'], schemaEnv: true },
    );
    return lazy;
  };
}
