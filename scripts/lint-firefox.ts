/**
 * `npm run lint:firefox`: Mozilla's addons-linter (through web-ext, the same checks AMO runs on upload) on
 * dist/firefox. Fails on any error, and on any warning not explained in EXPLAINED_WARNINGS below and in
 * docs/release.md, so a new warning is either fixed or written down before release.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LinterReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LinterMessage[];
  notices: LinterMessage[];
  warnings: LinterMessage[];
}

/**
 * Warning code -> why it is acceptable. Keep in step with docs/release.md. Empty today: the Firefox build
 * lints with no warnings (zod 4.6's JIT probe aliases `Function`, so the linter does not flag it).
 */
const EXPLAINED_WARNINGS: Readonly<Record<string, string>> = {};

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

const where = (m: LinterMessage): string => (m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '');
for (const m of report.errors) console.error(`error    ${m.code}: ${m.message}${where(m)}`);
for (const m of report.warnings) {
  const reason = EXPLAINED_WARNINGS[m.code];
  console.log(
    `warning  ${m.code}: ${m.message}${where(m)}${reason ? `\n         explained: ${reason}` : ''}`,
  );
}
for (const m of report.notices) console.log(`notice   ${m.code}: ${m.message}${where(m)}`);

const unexplained = report.warnings.filter((m) => EXPLAINED_WARNINGS[m.code] === undefined);
const { errors, warnings, notices } = report.summary;
console.log(
  `web-ext lint ${relative(root, sourceDir) || sourceDir}: ${errors} errors, ${warnings} warnings (${unexplained.length} unexplained), ${notices} notices`,
);
if (errors > 0 || unexplained.length > 0) {
  if (unexplained.length > 0) {
    console.error(
      'Fix each unexplained warning, or explain it in scripts/lint-firefox.ts and docs/release.md.',
    );
  }
  process.exit(1);
}
