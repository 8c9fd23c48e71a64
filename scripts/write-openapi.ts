/**
 * Writes the OpenAPI document the server serves at /api/openapi.json to a file, for linting and for
 * generating the web client. Uses an in-memory database: nothing is read from or written to ./data.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../src/platform/db/database.js';
import { createServer } from '../src/server.js';

const output = process.argv[2] ?? 'build/openapi.json';
const database = await openDatabase({ dataDir: 'memory://' });
const app = await createServer({ database });
const response = await app.inject({ url: '/api/openapi.json' });
await fs.mkdir(path.dirname(output), { recursive: true });
await fs.writeFile(output, `${JSON.stringify(response.json(), null, 2)}\n`);
await app.close();
await database.close();
console.log(`OpenAPI document written to ${output}`);
