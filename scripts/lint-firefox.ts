/**
 * `npm run lint:firefox`: Mozilla's addons-linter (through web-ext, the same checks AMO runs on upload) on
 * dist/firefox. Fails on any error, and on any warning not explained in EXPLAINED_WARNINGS below and in
 * docs/release.md, so a new warning is either fixed or written down before release.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LinterReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LinterMessage[];
  notices: LinterMessage[];
  warnings: LinterMessage[];
}

/**
 * A warning we have looked at and accept: its code, why, and a test on the flagged source (the text just
 * before and at the flagged column), so the explanation covers that one known spot and never a new
 * occurrence elsewhere. Keep in step with docs/release.md.
 */
interface Explanation {
  code: string;
  reason: string;
  /** Files it may be in: the shared chunks, not the content script, which must stay free of zod. */
  files: RegExp;
  covers: (sourceAround: string) => boolean;
}

const EXPLAINED_WARNINGS: readonly Explanation[] = [
  {
    code: 'DANGEROUS_EVAL',
    reason:
      "zod's JIT probe `Function('')`, bundled into background and popup only. It never runs: " +
      'src/rules/zod.ts sets `jitless` before any schema is built and the probe checks that first; ' +
      "the manifest CSP (script-src 'self') would block it anyway.",
    files: /^assets\//,
    // The minifier inlines zod's `const F = Function; new F("")` into
    // `if(<config>.jitless||...Cloudflare...)return!1;try{return Function(``),!0}`.
    covers: (around) =>
      /jitless[^{}]{0,160}Cloudflare[^{}]{0,80}\)\)return!1;try\{return Function\(``\)/.test(around),
  },
];

const root = fileURLToPath(new URL('..', import.meta.url));
// An argument lints another unpacked build (used to try the linter on a modified copy).
const sourceDir = process.argv[2] ?? `${root}dist/firefox`;
if (!existsSync(`${sourceDir}/manifest.json`)) {
  console.error(`${sourceDir}/manifest.json is missing: run \`npm run build\` first.`);
  process.exit(1);
}

const run = spawnSync(
  `${root}node_modules/.bin/web-ext`,
  ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8' },
);
let report: LinterReport;
try {
  report = JSON.parse(run.stdout) as LinterReport;
} catch {
  console.error(run.stdout, run.stderr);
  console.error('web-ext lint did not print a JSON report.');
  process.exit(1);
}

/** The flagged line from a little before the column to just after it: enough to recognise a known spot. */
function sourceAround(m: LinterMessage): string {
  if (m.file === undefined || m.line === undefined) return '';
  const path = join(sourceDir, m.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[m.line - 1] ?? '';
  const column = m.column ?? 0;
  return line.slice(Math.max(0, column - 300), column + 40);
}

const explanationOf = (m: LinterMessage): Explanation | undefined =>
  EXPLAINED_WARNINGS.find(
    (e) => e.code === m.code && e.files.test(m.file ?? '') && e.covers(sourceAround(m)),
  );

const where = (m: LinterMessage): string => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
for (const m of report.errors) console.error(`error    ${m.code}: ${m.message}${where(m)}`);
for (const m of report.warnings) {
  const reason = explanationOf(m)?.reason;
  console.log(
    `warning  ${m.code}: ${m.message}${where(m)}${reason ? `\n         explained: ${reason}` : ''}`,
  );
}
for (const m of report.notices) console.log(`notice   ${m.code}: ${m.message}${where(m)}`);

const unexplained = report.warnings.filter((m) => explanationOf(m) === undefined);
const { errors, warnings, notices } = report.summary;
console.log(
  `web-ext lint ${relative(root, sourceDir) || sourceDir}: ${errors} errors, ${warnings} warnings ` +
    `(${warnings - unexplained.length} explained, ${unexplained.length} unexplained), ${notices} notices`,
);
if (errors > 0 || unexplained.length > 0) {
  if (unexplained.length > 0) {
    console.error(
      'Fix each unexplained warning, or explain it in scripts/lint-firefox.ts and docs/release.md.',
    );
  }
  process.exit(1);
}
