/** `npm run diagnose` on saved pages: the exit code and what it prints. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PAGES_DIR, readMeta } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function diagnose(name: string, ...extra: string[]) {
  const meta = readMeta(name);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/diagnose.ts',
      `${PAGES_DIR}${name}.html`,
      '--url',
      meta.url,
      '--cookie',
      meta.cookie,
      ...extra,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('diagnose CLI', { timeout: 90_000 }, () => {
  it('reads the e2e checkout and rejects a US $99 code for US $87.40 of items, naming the shortfall', () => {
    const run = diagnose('checkout-us-8740', '--code', 'DEMOSUMMER12', '--now', '2026-06-20T10:00:00Z');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Items subtotal\s+US \$87\.40/);
    expect(run.stdout).toContain('Diagnosis of "DEMOSUMMER12": will-be-rejected');
    expect(run.stdout).toContain('US $11.60');
  });

  it('prints the snapshot and diagnosis as JSON with --json', () => {
    const run = diagnose('cart-sek', '--json', '--now', '2026-06-20T10:00:00Z');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      snapshot: { currency: unknown; amounts: { itemsSubtotal: unknown } };
      problem: null;
    };
    expect(out.problem).toBeNull();
    expect(out.snapshot.currency).toMatchObject({ known: true, value: 'SEK' });
    expect(out.snapshot.amounts.itemsSubtotal).toMatchObject({ known: true, value: 238801 });
  });

  it('on a page it cannot read, says what it could not read and exits 2 without a stack trace', () => {
    const run = diagnose('cart-loading');
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Could not read:');
    expect(run.stdout).toContain('lines: the cart is still loading');
    expect(run.stdout).toContain('This page cannot be diagnosed');
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('explains bad usage and exits 1', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/diagnose.ts', 'page.html'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--url is required');
  });
});
