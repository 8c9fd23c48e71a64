import { build, type AnySchema, type Schema as SerializerSchema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import type { LazyCompilation } from './lazy-compilation.js';

/** A JSON Schema as this module reads it: an object whose `$ref`s it follows. */
type Schema = Record<string, unknown>;

/** The `$id`s a schema refers to (`Organisation`, `Organisation#/properties/...`), anywhere within it. */
function referencedIds(schema: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) referencedIds(item, found);
  } else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string') {
        const id = value.split('#')[0]!;
        if (id !== '') found.add(id);
      } else {
        referencedIds(value, found);
      }
    }
  }
  return found;
}

/**
 * The shared schemas a response schema needs: those it refers to, and those they refer to in turn.
 * Fastify's own compiler hands every shared schema to every response's serializer, which checks each
 * of them against the JSON Schema meta-schema again: with about a hundred shared schemas and as many
 * routes, that was most of the server's start-up (two seconds on a 2-core machine).
 */
function schemasNeededBy(schema: Schema, shared: ReadonlyMap<string, Schema>): Record<string, Schema> {
  const needed: Record<string, Schema> = {};
  const pending = [...referencedIds(schema, new Set())];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const found = shared.get(id);
    if (!found || id in needed || id === schema.$id) continue;
    needed[id] = found;
    pending.push(...referencedIds(found, new Set()));
  }
  return needed;
}

/**
 * Fastify serializer compiler: fast-json-stringify with only the shared schemas each response refers to,
 * compiled on first use or by `compilation.compileAll()`.
 * What a response may contain is unchanged: fields outside its schema are still left out.
 */
export function createSerializerCompiler(
  sharedSchemas: readonly { $id: string }[],
  compilation: LazyCompilation,
): FastifySerializerCompiler<unknown> {
  const shared = new Map(sharedSchemas.map((schema) => [schema.$id, schema as unknown as Schema]));
  return ({ schema }) =>
    compilation.wrap(() => {
      const needed = schemasNeededBy(schema as Schema, shared);
      return build(schema as AnySchema, { schema: needed as unknown as Record<string, SerializerSchema> });
    });
}
