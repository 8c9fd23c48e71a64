#!/usr/bin/env node
// The `pobratim` command: runs the compiled CLI (npm run build makes dist/).
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('Pobratim is not built yet: run `npm run build` (npm ci does it too).');
    process.exit(1);
  }
  throw error;
});
