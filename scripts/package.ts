/**
 * `npm run package` (after `npm run build`): store-ready archives in artifacts/
 *   promo-code-doctor-<version>-chrome.zip   Chrome Web Store and Edge Add-ons (dist/chrome)
 *   promo-code-doctor-<version>-firefox.zip  addons.mozilla.org (dist/firefox)
 *   promo-code-doctor-<version>-source.zip   the source AMO asks for when the add-on is bundled/minified
 * Refuses to package a dist whose manifest version is not package.json's (a stale build).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { manifestFor, type BuildTarget, type ExtensionManifest } from './manifests.ts';
import { zipArchive, type ZipEntry } from './zip.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** Never part of the source archive: installed, built or local-only. */
const NOT_SOURCE = ['node_modules/', 'dist/', 'artifacts/', '.tmp/', '.git/', 'test-results/', 'bench/runs/'];

const REVIEW_README_PATH = 'BUILD-FOR-REVIEWERS.md';
const REVIEW_README = `# Building ${name} ${version} from this source

Requirements: Node.js 20.19 or newer with npm 10 or newer, on Linux, macOS or Windows.

    npm ci
    npm run build

The Firefox add-on is then in dist/firefox/ (the Chrome build in dist/chrome/); its files are identical to
those in ${name}-${version}-firefox.zip. The build bundles TypeScript from src/ with Vite and
@crxjs/vite-plugin (vite.config.ts; the Firefox manifest is derived in scripts/manifests.ts). No code is
downloaded or generated at run time.
`;

/** Relative paths of the files under dir, with forward slashes; `skip` prunes folders (as `name/` prefixes). */
function filesUnder(dir: string, skip: readonly string[] = [], prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((item) => {
    const path = `${prefix}${item.name}`;
    if (item.isDirectory()) return skip.includes(`${path}/`) ? [] : filesUnder(dir, skip, `${path}/`);
    return item.isFile() ? [path] : [];
  });
}

function entriesOf(dir: string, paths: readonly string[]): ZipEntry[] {
  return paths.map((path) => ({ path, data: readFileSync(join(dir, path)) }));
}

/** What a store reviewer and the shopper's install prompt see; tests/release/manifest.test.ts snapshots it. */
function grants(manifest: ExtensionManifest): unknown {
  return {
    permissions: manifest.permissions,
    host_permissions: manifest.host_permissions,
    optional_permissions: manifest.optional_permissions,
    optional_host_permissions: manifest.optional_host_permissions,
    matches: manifest.content_scripts?.map((script) => script.matches),
    content_security_policy: manifest.content_security_policy,
    web_accessible_resources: manifest.web_accessible_resources,
    gecko: manifest.browser_specific_settings,
  };
}

/**
 * The built manifest must be the one the tests checked: the right version, and no grant the bundler added
 * on its way (crxjs adds web-accessible resources for a content script that is not built standalone).
 */
function checkBuild(target: BuildTarget): string {
  const dir = join(root, 'dist', target);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`dist/${target} is missing: run \`npm run build\` first.`);
  const built = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExtensionManifest;
  if (built.version !== version) {
    throw new Error(
      `dist/${target}/manifest.json has version ${built.version}, package.json ${version}: rebuild.`,
    );
  }
  const expected = grants(manifestFor(target));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(grants(built))), JSON.parse(JSON.stringify(expected)))) {
    throw new Error(
      `dist/${target}/manifest.json grants differ from scripts/manifests.ts:\n` +
        `built:    ${JSON.stringify(grants(built))}\nexpected: ${JSON.stringify(expected)}`,
    );
  }
  return dir;
}

/** Tracked files (so local scratch never ships); a plain walk where there is no git checkout. */
function sourceFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  const listed =
    git.status === 0 ? git.stdout.split('\0').filter((path) => path !== '') : filesUnder(root, NOT_SOURCE);
  return listed.filter(
    (path) =>
      !NOT_SOURCE.some((prefix) => path.startsWith(prefix)) &&
      !path.endsWith('.zip') &&
      existsSync(join(root, path)),
  );
}

function uncommittedChanges(): number {
  try {
    return execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim() !== '').length;
  } catch {
    return 0;
  }
}

const outDir = join(root, 'artifacts');
mkdirSync(outDir, { recursive: true });
const written: string[] = [];
const write = (suffix: string, entries: ZipEntry[]): void => {
  const path = join(outDir, `${name}-${version}-${suffix}.zip`);
  writeFileSync(path, zipArchive(entries));
  written.push(path);
};

for (const target of ['chrome', 'firefox'] as const) {
  const dir = checkBuild(target);
  write(target, entriesOf(dir, filesUnder(dir)));
}
const source = sourceFiles();
write('source', [
  ...entriesOf(root, source),
  { path: REVIEW_README_PATH, data: Buffer.from(REVIEW_README, 'utf8') },
]);

for (const path of written) {
  const kib = (statSync(path).size / 1024).toFixed(1);
  console.log(`${relative(root, path)}  ${kib} KiB`);
}
const dirty = uncommittedChanges();
if (dirty > 0) {
  console.warn(
    `note: ${dirty} uncommitted change(s); the source zip holds tracked files as they are on disk.`,
  );
}
