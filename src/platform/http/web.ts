import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The web application's build (`npm run build:web`), from src/ and from dist/ alike. */
export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Vite names every built asset by its content hash, so a browser may keep it for good. */
const immutableAssets = /^\/assets\//;

const notBuiltPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pobratim</title></head>
<body>
<main>
<h1>Pobratim</h1>
<p>The web application is not built. Run <code>npm run build</code> and restart the server.</p>
<p>The API is running: see <a href="/api/docs">/api/docs</a>.</p>
</main>
</body>
</html>
`;

/** Whether a path names a file (its last segment has an extension) rather than a page of the app. */
function looksLikeFile(urlPath: string): boolean {
  const last = urlPath.split('/').pop() ?? '';
  return last.includes('.');
}

/**
 * Serves the web application under `/`: its files with the right types and caching, and index.html for
 * every other GET outside `/api`, so deep links reach the app's router. Register after the API routes;
 * unknown `/api` routes still get the problem+json 404 of the not-found handler.
 */
export async function registerWebApp(app: FastifyInstance, root: string = defaultWebRoot): Promise<void> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(notBuiltPage),
    );
    return;
  }

  await app.register(async (web) => {
    await web.register(fastifyStatic, {
      root,
      prefix: '/',
      // One route per file of the build, found at start; everything else falls to the handler below.
      wildcard: false,
      cacheControl: false,
      schemaHide: true,
    });

    web.addHook('onSend', async (request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      // MapLibre's worker and strict MIME checking want the registered JavaScript type.
      if (type.startsWith('application/javascript')) {
        reply.header('content-type', 'text/javascript; charset=utf-8');
      }
      if (reply.statusCode === 200 && !reply.hasHeader('cache-control')) {
        const urlPath = request.url.split('?')[0] ?? '';
        reply.header(
          'cache-control',
          immutableAssets.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      }
      return payload;
    });

    const sendIndex = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html');

    web.get('/*', { schema: { hide: true } }, (request, reply) => {
      const urlPath = request.url.split('?')[0] ?? '';
      if (urlPath === '/api' || urlPath.startsWith('/api/')) return reply.callNotFound();
      // A file added by a build after the start: send it (a missing one answers 404, never index.html).
      if (looksLikeFile(urlPath)) return reply.sendFile((request.params as { '*': string })['*']);
      return sendIndex(reply);
    });
  });
}
