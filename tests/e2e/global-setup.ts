/**
 * Test a frozen copy of the build: `vite build` empties dist/chrome first, so a rebuild during the run
 * (watch mode, another terminal) would otherwise pull files out from under a running Chromium.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function setup(): () => void {
  const source = path.resolve(ROOT, process.env.E2E_EXTENSION_DIR ?? 'dist/chrome');
  if (!existsSync(path.join(source, 'manifest.json'))) {
    throw new Error(`${source}/manifest.json is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const copy = mkdtempSync(path.join(ROOT, '.tmp', 'e2e-extension-'));
  cpSync(source, copy, { recursive: true });
  process.env.E2E_EXTENSION_DIR = copy;
  return () => rmSync(copy, { recursive: true, force: true });
}
