/**
 * `npm run test:firefox-smoke`: installs dist/firefox into Debian's firefox-esr (headless) as a temporary
 * add-on with `web-ext run`, lets its background script start, and fails on an install error or any script
 * error reported from the add-on. Skips, saying so, where firefox-esr is not installed (CI does not install
 * it; `apt-get install -y firefox-esr` to run it locally).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const firefox = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
// An argument smoke-tests another unpacked build (used to prove a broken build fails).
const sourceDir = process.argv[2] ?? `${root}dist/firefox`;
/** web-ext normally installs within ~10 s here; the rest is headroom for a slow CI machine. */
const INSTALL_TIMEOUT_MS = 90_000;
/** After install, how long the background script gets to throw before we call it healthy. */
const SETTLE_MS = 5_000;

if (!existsSync(firefox)) {
  console.log(`firefox smoke: SKIPPED: ${firefox} not found (apt-get install -y firefox-esr to run it).`);
  console.log('0 passed, 0 failed, 1 skipped');
  process.exit(0);
}
if (!existsSync(`${sourceDir}/manifest.json`)) {
  console.error(`${sourceDir}/manifest.json is missing: run \`npm run build\` first.`);
  process.exit(1);
}

// web-ext's temporary profiles go here rather than the system /tmp, so an interrupted run leaves no litter.
const tmp = `${root}.tmp/firefox-smoke`;
mkdirSync(tmp, { recursive: true });

const child = spawn(
  `${root}node_modules/.bin/web-ext`,
  [
    'run',
    '--source-dir',
    sourceDir,
    '--firefox',
    firefox,
    '--arg=--headless',
    '--no-reload',
    '--no-input',
    '--verbose',
    // Copies extension console errors to stdout, where this script reads them.
    '--pref',
    'devtools.console.stdout.chrome=true',
  ],
  { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
);

const log: string[] = [];
const problems: string[] = [];
let installedAt: number | undefined;

/** Errors that name our add-on's own files; Firefox's own offline noise (remote settings, region) is ignored. */
const isAddonError = (line: string): boolean =>
  /moz-extension:\/\//.test(line) && /error|exception|uncaught/i.test(line);

const onOutput = (chunk: Buffer): void => {
  for (const line of chunk.toString('utf8').split('\n')) {
    if (line.trim() === '') continue;
    log.push(line);
    if (installedAt === undefined && /Installed .* as a temporary add-on/.test(line))
      installedAt = Date.now();
    if (/\]\[error\]|WebExtError|Error: Installing/.test(line) || isAddonError(line)) problems.push(line);
  }
};
child.stdout.on('data', onOutput);
child.stderr.on('data', onOutput);

const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
const started = Date.now();
let verdict: 'installed' | 'exited' | 'timeout' = 'timeout';
while (Date.now() - started < INSTALL_TIMEOUT_MS) {
  const early = await Promise.race([exited, new Promise<'tick'>((r) => setTimeout(() => r('tick'), 250))]);
  if (early !== 'tick') {
    verdict = 'exited';
    break;
  }
  if (installedAt !== undefined && Date.now() - installedAt >= SETTLE_MS) {
    verdict = 'installed';
    break;
  }
}

// web-ext shuts Firefox down and removes its temporary profile on SIGINT; SIGKILL the group if it hangs.
if (child.exitCode === null && child.pid !== undefined) {
  process.kill(-child.pid, 'SIGINT');
  const stopped = await Promise.race([
    exited,
    new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000)),
  ]);
  if (stopped === 'hung') process.kill(-child.pid, 'SIGKILL');
}

const seconds = (((installedAt ?? Date.now()) - started) / 1000).toFixed(1);
if (verdict === 'installed' && problems.length === 0) {
  console.log(
    `firefox smoke: ${sourceDir} installed in ${firefox} as a temporary add-on in ${seconds} s, no errors`,
  );
  console.log('1 passed, 0 failed');
} else {
  console.error(log.slice(-40).join('\n'));
  const why =
    verdict === 'exited'
      ? 'web-ext exited before the add-on was installed'
      : verdict === 'timeout'
        ? `not installed within ${INSTALL_TIMEOUT_MS / 1000} s`
        : `errors from the add-on:\n${problems.join('\n')}`;
  console.error(`firefox smoke: FAILED: ${why}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
}
