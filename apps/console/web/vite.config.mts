/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// No @vitejs/plugin-react (peer conflict): Vite 8's oxc transform compiles TSX with the automatic
// runtime itself; there is no fast refresh, a full reload does instead.
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // Plain-TypeScript contracts shared with the services (the QA scoring function); import a module by
  // its path (`@app/contracts/qa/score-form`), not the index, so the bundle takes only what it uses.
  resolve: { alias: [{ find: /^@app\/contracts\/(.*)$/, replacement: `${resolve(here, '../../../libs/contracts/src')}/$1` }] },
  build: {
    outDir: resolve(here, '../../../dist/apps/console/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in an SPA bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // `vite` alone during UI work: the API and sign-in through a running console on :3000.
    proxy: { '/api': 'http://localhost:3000', '/auth': 'http://localhost:3000' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    globals: true,
    environment: 'node',
  },
});
