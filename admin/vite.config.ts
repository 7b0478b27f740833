// Build: `vite build --config admin/vite.config.ts` from the project root; the API serves
// admin/dist at /admin/ (any /admin/* path falls back to index.html; the app uses a hash router).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes a .br (brotli, quality 11) and a .gz (gzip -9) beside every script, stylesheet and page of
 * the build: compressed once here at the best ratio, and the API sends them as they are
 * (api/compression.ts), instead of compressing the same bytes on every request.
 */
const precompress = (): Plugin => ({
  name: 'kesos-precompress',
  apply: 'build',
  writeBundle(options, bundle) {
    const outDir = options.dir ?? '';
    for (const fileName of Object.keys(bundle)) {
      if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
      const file = path.join(outDir, fileName);
      const raw = fs.readFileSync(file);
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
    }
  },
});

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // react-admin + MUI (+ the icons the portal uses) weigh ~910 kB minified (~290 kB gzipped)
    // together; they go in one cacheable vendor chunk (splitting MUI from react-admin creates
    // circular chunks).
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          // The dashboard's charts (@mui/x-charts and its d3 parts, ~260 kB) in a chunk of their own: only the
          // lazy Dashboard imports it, so the login form and the task list never load it (tests/e2e/loading.test.ts).
          if (/node_modules\/(@mui\/x-[^/]+|d3-[^/]+|internmap|flatqueue|bezier-easing)\//.test(id)) return 'charts';
          // zod (~80 kB), pulled in by the domain/ modules the portal reads its vocabularies from.
          if (/node_modules\/zod\//.test(id)) return 'zod';
          return 'vendor';
        },
      },
    },
  },
  server: {
    // `vite --config admin/vite.config.ts` during development: forward API calls to a running API.
    proxy: { '/api': process.env.KESOS_API_URL ?? 'http://localhost:3000' },
  },
});
