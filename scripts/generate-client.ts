/**
 * Writes web/src/api/schema.d.ts from an OpenAPI document file (by default build/openapi.json, which
 * scripts/write-openapi.ts produces). Run both through `npm run generate:client`.
 */
import fs from 'node:fs/promises';
import { clientSchemaPath, renderClientSchema } from './client-schema.js';

const input = process.argv[2] ?? 'build/openapi.json';
const document: unknown = JSON.parse(await fs.readFile(input, 'utf8'));
await fs.writeFile(clientSchemaPath, await renderClientSchema(document));
console.log(`Web client types written to ${clientSchemaPath}`);
