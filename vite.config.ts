import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, parseBuildTarget } from './scripts/manifests.ts';

// One config, two stores: `TARGET=firefox vite build` writes dist/firefox, plain `vite build` dist/chrome.
const target = parseBuildTarget(process.env['TARGET']);

export default defineConfig({
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    // Small bundles load fast on every cart page; AMO reviewers get the source zip (npm run package).
    minify: true,
    sourcemap: false,
  },
  plugins: [
    crx({
      manifest: manifestFor(target) as Parameters<typeof crx>[0]['manifest'],
      browser: target,
      // One self-contained content script: no loader chunk, so nothing is web-accessible to the site.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] } as never,
    }),
  ],
});
