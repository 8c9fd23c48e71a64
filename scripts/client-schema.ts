/**
 * Renders the web client's TypeScript types from an OpenAPI document, exactly as `npm run generate:client`
 * writes them to web/src/api/schema.d.ts; a test compares the two so the committed file never goes stale.
 */
import openapiTS, { COMMENT_HEADER, astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the generated types live, relative to the project root. */
export const clientSchemaPath = 'web/src/api/schema.d.ts';

/** The text of schema.d.ts for an OpenAPI document. */
export async function renderClientSchema(document: unknown): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3);
  return COMMENT_HEADER + astToString(ast);
}
