import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every answer (Helmet): a Content-Security-Policy the built web app and the API
 * docs work with, frame denial (`frame-ancestors 'none'`, `X-Frame-Options: DENY`), `nosniff`, no referrer
 * across origins, and, when served over https, HSTS and upgrading insecure requests.
 *
 * - Scripts only from this origin: the built app has no inline script.
 * - Styles may be inline: Mantine and MapLibre set style attributes and inject style tags.
 * - MapLibre runs its workers from `blob:` URLs and draws from `data:`/`blob:` images; map tiles may come
 *   from a tile server configured at build time (`VITE_TILE_URL`), hence `https:` for images and fetches.
 */
export async function registerSecurityHeaders(
  fastify: FastifyInstance,
  options: { https: boolean },
): Promise<void> {
  await fastify.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'https:'],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
}
