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

/** Shared schemas (`$id`) are known to both validators. */
export function addSharedSchema(schema: { $id: string }): void {
  for (const ajv of [bodyAjv, textAjv]) if (!ajv.getSchema(schema.$id)) ajv.addSchema(schema);
}

/**
 * Fastify validator compiler: strict types for bodies, coercion for the parts of a request that are text.
 * Each validator is compiled on first use, or by `compilation.compileAll()`.
 */
export function createValidatorCompiler(compilation: LazyCompilation): FastifySchemaCompiler<unknown> {
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : textAjv;
    let validate: ValidateFunction | undefined;
    const call = compilation.wrap(() => (validate = ajv.compile(schema as object)));
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
