import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientSchemaPath, renderClientSchema } from '../scripts/client-schema.js';
import { createTestApp } from './test-app.js';

describe('the web client', () => {
  it('has types generated from the current OpenAPI document (run `npm run generate:client` if not)', async () => {
    const { app, close } = await createTestApp();
    try {
      const document = (await app.inject({ url: '/api/openapi.json' })).json();
      const expected = await renderClientSchema(document);
      const committed = fs.readFileSync(clientSchemaPath, 'utf8');
      expect(
        committed === expected,
        `${clientSchemaPath} is out of date: run \`npm run generate:client\``,
      ).toBe(true);
    } finally {
      await close();
    }
  });
});
