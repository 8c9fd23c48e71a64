import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web application's build. `npm run build:web` writes web/dist (with a manifest that
 * scripts/check-bundle.ts reads); `npm run dev:web` serves it with the API proxied to a running server.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // Minifying drops the bundled libraries' licence comments (MapLibre's BSD licence asks for its
    // notice in copies); this file, served at /third-party-licences.md, keeps them all.
    license: { fileName: 'third-party-licences.md' },
    target: 'es2022',
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
