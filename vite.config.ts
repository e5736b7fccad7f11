import path from 'node:path';
import { build, defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import { manifestFor, parseBuildTarget } from './scripts/manifests.ts';
import { MAIN_CONTENT_SCRIPT } from './src/shared/page-reader.ts';

// One config, two stores: `TARGET=firefox vite build` writes dist/firefox, plain `vite build` dist/chrome.
const target = parseBuildTarget(process.env['TARGET']);

/**
 * The main content script, which the background injects with `scripting.executeScript({ files })` once a
 * page needs it (src/content/early-events.ts). The manifest does not name it, so it is built here: one
 * self-contained script, minified, with a source map when the build makes them (the bench's profiling).
 */
function mainContentScript(): Plugin {
  let outDir = '';
  let sourcemap = false;
  return {
    name: 'promo-code-doctor:main-content-script',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
      sourcemap = Boolean(config.build.sourcemap);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        // Its own build (no config file: not this one again), into the extension's output.
        await build({
          configFile: false,
          logLevel: 'error',
          // The extension's public files are copied once, by the build around this one.
          publicDir: false,
          build: {
            outDir: path.join(outDir, path.dirname(MAIN_CONTENT_SCRIPT)),
            emptyOutDir: false,
            minify: true,
            sourcemap,
            lib: {
              entry: path.resolve(import.meta.dirname, 'src/content/main.ts'),
              formats: ['iife'],
              name: 'promoCodeDoctorMain',
              fileName: () => path.basename(MAIN_CONTENT_SCRIPT),
            },
          },
        });
      },
    },
  };
}

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
      // Self-contained content scripts: no loader chunk, so nothing is web-accessible to the site.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] } as never,
    }),
    mainContentScript(),
  ],
});
