/**
 * Browser launch for the benchmark: the e2e harness's Chromium resolution and project-local temp folder,
 * but any set of extensions (none, the empty control, ours), which the harness's launcher does not offer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, resolveChromium, useLocalTmp } from '../tests/e2e/harness.ts';

export { resolveChromium };

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  /** Service workers of the loaded extensions, in load order (empty without extensions). */
  readonly extensionWorkers: readonly Worker[];
  close(): Promise<void>;
}

/** A fresh profile in its own temporary folder, with the given unpacked extensions (absolute paths). */
export async function launchFresh(extensionDirs: readonly string[]): Promise<LaunchedBrowser> {
  const profileDir = mkdtempSync(path.join(useLocalTmp(), 'bench-profile-'));
  const args = [...CHROMIUM_ARGS];
  if (extensionDirs.length > 0) {
    const list = extensionDirs.join(',');
    args.push(`--disable-extensions-except=${list}`, `--load-extension=${list}`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: resolveChromium(),
    headless: true,
    args,
  });
  const extensionWorkers: Worker[] = [];
  const close = async (): Promise<void> => {
    await context.close().catch(() => {});
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };
  if (extensionDirs.length > 0) {
    const deadline = Date.now() + 30_000;
    while (context.serviceWorkers().length < extensionDirs.length && Date.now() < deadline) {
      await context
        .waitForEvent('serviceworker', { timeout: Math.max(1, deadline - Date.now()) })
        .catch(() => {});
    }
    extensionWorkers.push(...context.serviceWorkers());
    // A worker shows before its first run has finished installing it, and a newly installed worker misses
    // the tab events of that moment: measure pages with the extension running, as a shopper has it.
    for (const worker of extensionWorkers) {
      while (Date.now() < deadline) {
        const active = await worker
          .evaluate(
            "(self.registration && self.registration.active && self.registration.active.state) === 'activated'",
          )
          .catch(() => false);
        if (active) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
  return { context, extensionWorkers, close };
}

export function extensionIdOf(worker: Worker): string {
  return new URL(worker.url()).host;
}
