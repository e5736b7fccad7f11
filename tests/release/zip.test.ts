/**
 * The store packages are written by scripts/zip.ts; the stores unpack them with ordinary ZIP readers. These
 * tests read the archives back with Info-ZIP's `unzip` (Debian's), not with our own code.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipArchive, type ZipEntry } from '../../scripts/zip.ts';

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'pcd-zip-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const manifest = JSON.stringify(
  { manifest_version: 3, name: 'Promo Code Doctor', version: '0.1.0' },
  null,
  2,
);
// Hash output does not compress: exercises the stored (uncompressed) path, as an optimised PNG would.
const noise = Buffer.concat(
  Array.from({ length: 128 }, (_, i) => createHash('sha256').update(`block ${i}`).digest()),
);
const entries: ZipEntry[] = [
  { path: 'src/content/index.js', data: text('console.log("cart");\n'.repeat(200)) },
  { path: 'manifest.json', data: text(manifest) },
  { path: 'icons/icon-16.png', data: noise },
  { path: 'assets/empty.js', data: new Uint8Array(0) },
  {
    path: '_locales/pt_BR/messages.json',
    data: text('{"extName":{"message":"Doutor de cupons — promoção"}}'),
  },
];

function writeArchive(name: string, archive: Buffer): string {
  const path = join(work, name);
  writeFileSync(path, archive);
  return path;
}

describe.skipIf(!hasUnzip)('zipArchive read back by unzip', () => {
  const path = writeArchive('store.zip', zipArchive(entries));

  it('passes unzip’s integrity test (CRCs and sizes)', () => {
    const check = spawnSync('unzip', ['-tq', path], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('No errors detected');
    expect(check.status).toBe(0);
  });

  it('lists every file with the manifest at the root, sorted, no folders or leading ./', () => {
    const listing = spawnSync('unzip', ['-Z1', path], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(listing).toEqual([
      '_locales/pt_BR/messages.json',
      'assets/empty.js',
      'icons/icon-16.png',
      'manifest.json',
      'src/content/index.js',
    ]);
  });

  it.each(entries.map((entry) => [entry.path, entry] as const))('%s comes back byte for byte', (_, entry) => {
    const extracted = spawnSync('unzip', ['-p', path, entry.path]);
    expect(extracted.status).toBe(0);
    expect(Buffer.compare(extracted.stdout, Buffer.from(entry.data))).toBe(0);
  });

  it('compresses text and stores incompressible files', () => {
    const verbose = spawnSync('unzip', ['-v', path], { encoding: 'utf8' }).stdout;
    expect(verbose).toMatch(/Defl:.*src\/content\/index\.js/);
    expect(verbose).toMatch(/Stored.*icons\/icon-16\.png/);
  });
});

describe('zipArchive', () => {
  it('is reproducible: the same files in any order give identical bytes', () => {
    const once = zipArchive(entries);
    const again = zipArchive([...entries].reverse());
    expect(Buffer.compare(once, again)).toBe(0);
    expect(readFileSync(writeArchive('again.zip', again)).length).toBe(once.length);
  });

  it.each(['../escape.js', '/etc/passwd', 'a//b.js', 'win\\path.js', './manifest.json', ''])(
    'refuses the unsafe path "%s" that an unzip could write outside its folder',
    (path) => {
      expect(() => zipArchive([{ path, data: text('x') }])).toThrow(/unsafe path/);
    },
  );

  it('refuses two files with one path, which stores reject', () => {
    const twice = { path: 'manifest.json', data: text(manifest) };
    expect(() => zipArchive([twice, twice])).toThrow(/duplicate path/);
  });
});

if (!hasUnzip) console.warn('zip.test.ts: `unzip` not installed; skipping the read-back tests.');
