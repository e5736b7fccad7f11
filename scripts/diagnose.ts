/**
 * `npm run diagnose -- <saved-page.html> --url <page url> [--code CODE] [--cookie "aep_usuc_f=..."]
 *   [--feed file] [--now ISO] [--json]`
 *
 * Reads a saved AliExpress page with the content script's own extractors (in happy-dom), validates the
 * snapshot with the schema the background uses, and diagnoses the code against the bundled feed (plus
 * --feed). For shoppers and maintainers debugging a page, and for tests.
 *
 * Exit codes: 0 the page was read; 2 the page could not be read (what could not is printed); 1 bad usage,
 * an unreadable file or feed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CartSnapshot, Diagnosis, Feed, MatchingCodes } from '../src/rules/index.ts';

// happy-dom, the extractors and the engine are imported once the arguments are known good, so a usage
// error answers at once.
type Rules = typeof import('../src/rules/index.ts');

const USAGE = `usage: npm run diagnose -- <saved-page.html> --url <page url> [--code CODE] [--cookie "aep_usuc_f=..."] [--feed file] [--now ISO] [--json]`;
const EXIT_UNREADABLE = 2;
const EXIT_USAGE = 1;

class UsageError extends Error {}

interface Options {
  readonly page: string;
  readonly url: string;
  readonly code: string | null;
  readonly cookie: string;
  readonly feed: string | null;
  readonly now: Date;
  readonly json: boolean;
}

function readOptions(argv: readonly string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        code: { type: 'string' },
        cookie: { type: 'string' },
        feed: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const page = positionals[0];
  if (!page || positionals.length > 1) throw new UsageError('give exactly one saved page');
  if (!values.url) throw new UsageError('--url is required: the address the page was saved from');
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${values.now}" is not an ISO date`);
  // Accept the cookie header ("aep_usuc_f=site=glo&…; other=1") or the bare aep_usuc_f value.
  const rawCookie = values.cookie ?? '';
  const cookie = rawCookie && !/(^|;\s*)aep_usuc_f=/.test(rawCookie) ? `aep_usuc_f=${rawCookie}` : rawCookie;
  return {
    page,
    url: values.url,
    code: values.code ?? null,
    cookie,
    feed: values.feed ?? null,
    now,
    json: values.json,
  };
}

async function readPage(options: Options): Promise<CartSnapshot> {
  const html = readFileSync(options.page, 'utf8');
  const { Window } = await import('happy-dom');
  const { extractSnapshot } = await import('../src/content/extract/index.ts');
  const { NO_CAPTURE } = await import('../src/content/promo-capture.ts');
  const window = new Window({
    url: options.url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  try {
    window.document.write(html);
    const document = window.document as unknown as Document;
    const snapshot = extractSnapshot(document, options.url, options.cookie, NO_CAPTURE, options.now);
    if (options.code === null) return snapshot;
    return {
      ...snapshot,
      promo: {
        ...snapshot.promo,
        enteredCode: { known: true, value: options.code, source: 'command line --code' },
      },
    };
  } finally {
    await window.happyDOM.close();
  }
}

function readFeed(FeedSchema: Rules['FeedSchema'], path: string): Feed {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`feed ${path}: ${(error as Error).message}`);
  }
  const result = FeedSchema.safeParse(json);
  if (!result.success) {
    throw new UsageError(
      `feed ${path} is not a valid feed: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return result.data;
}

/** Every field of the snapshot that could not be read, with its reason. */
function unreadableFields(snapshot: CartSnapshot): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if (record['known'] === false && typeof record['reason'] === 'string') {
      out.push({ field: path, reason: record['reason'] });
      return;
    }
    if (record['known'] === true) return;
    for (const [key, child] of Object.entries(record)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(snapshot, '');
  return out;
}

/** The page could not be read well enough to diagnose anything. */
function pageUnreadable(snapshot: CartSnapshot): string | null {
  if (snapshot.pageKind === 'other')
    return 'this is not an AliExpress cart, checkout or payment-result page (check --url)';
  if (!snapshot.ready) return 'the page was not ready (still loading, or its layout is not one we know)';
  if (snapshot.pageKind === 'order-placed') return null;
  if (!snapshot.currency.known) return 'the currency could not be read';
  if (!snapshot.amounts.itemsSubtotal.known) return 'the items subtotal could not be read';
  return null;
}

function printText(
  createMessages: Rules['createMessages'],
  snapshot: CartSnapshot,
  unreadable: readonly { field: string; reason: string }[],
  problem: string | null,
  diagnosis: Diagnosis | null,
  matches: MatchingCodes | null,
): void {
  const messages = createMessages('en');
  const currency = snapshot.currency.known ? snapshot.currency.value : null;
  const money = (minor: number) =>
    currency ? messages.formatMoney({ amountMinor: minor, currency }) : `${minor} (minor units)`;
  const field = <T>(
    value:
      | CartSnapshot['accountId']
      | { known: true; value: T; source: string }
      | { known: false; reason: string },
    show: (v: T) => string,
  ) => (value.known ? `${show(value.value as T)}  (${value.source})` : `unknown: ${value.reason}`);
  const lines: string[] = [];
  const row = (label: string, text: string) => lines.push(`${label.padEnd(17)}${text}`);

  row('Page', `${snapshot.pageKind} (${snapshot.platform})${snapshot.ready ? '' : ', NOT READY'}`);
  row('URL', snapshot.url);
  row('Currency', field<string>(snapshot.currency, String));
  const amountLabels: Record<keyof CartSnapshot['amounts'], string> = {
    itemsSubtotal: 'Items subtotal',
    storeDiscounts: 'Store discounts',
    coins: 'Coins and bonus',
    shipping: 'Shipping',
    tax: 'Tax',
    total: 'Total',
  };
  for (const [key, label] of Object.entries(amountLabels) as [keyof CartSnapshot['amounts'], string][]) {
    row(label, field<number>(snapshot.amounts[key], money));
  }
  if (snapshot.lines.known) {
    row('Lines', `${snapshot.lines.value.length}  (${snapshot.lines.source})`);
    for (const line of snapshot.lines.value) {
      const tick = line.selected === null ? '[?]' : line.selected ? '[x]' : '[ ]';
      const price = line.unitPriceMinor === null ? 'price ?' : money(line.unitPriceMinor);
      const store = line.storeName ? `, ${line.storeName}${line.storeId ? ` #${line.storeId}` : ''}` : '';
      lines.push(
        `  ${tick} ${line.quantity ?? '?'} × ${price}  ${line.title.slice(0, 70)}  (item ${line.productId ?? '?'}${store})`,
      );
    }
  } else {
    row('Lines', `unknown: ${snapshot.lines.reason}`);
  }
  row('Ship to', field<string>(snapshot.region.shipTo, String));
  row('Site', field<string>(snapshot.region.site, String));
  row('Account country', field<string>(snapshot.region.account, String));
  row('Account id', field<string>(snapshot.accountId, String));
  row('Promo field', snapshot.promo.fieldPresent ? 'present' : 'not on this page');
  row(
    'Entered code',
    field<string>(snapshot.promo.enteredCode, (code) => JSON.stringify(code)),
  );
  row(
    'Applied code',
    field<{ code: string | null; discountMinor: number | null } | null>(snapshot.promo.applied, (applied) =>
      applied === null
        ? 'none'
        : `${applied.code ?? '(code not shown)'} −${applied.discountMinor === null ? '?' : money(applied.discountMinor)}`,
    ),
  );
  row(
    'AliExpress error',
    field<{ text: string; kind: string } | null>(snapshot.promo.error, (error) =>
      error === null ? 'none' : `"${error.text}" (${error.kind})`,
    ),
  );

  if (unreadable.length > 0) {
    lines.push('', 'Could not read:');
    for (const entry of unreadable) lines.push(`  - ${entry.field}: ${entry.reason}`);
  }
  if (problem) lines.push('', `This page cannot be diagnosed: ${problem}.`);
  if (!snapshot.accountId.known && !snapshot.region.site.known) {
    lines.push('Tip: pass the aep_usuc_f cookie with --cookie (browser devtools, Application, Cookies).');
  }

  if (diagnosis) {
    lines.push(
      '',
      `Diagnosis of ${JSON.stringify(diagnosis.enteredCode)}: ${diagnosis.verdict}`,
      `  ${messages.verdictHeadline(diagnosis)}`,
    );
    for (const result of diagnosis.results) {
      lines.push(`  ${result.status.padEnd(8)}${messages.checkName(result.id)}: ${messages.summary(result)}`);
      const fix = result.status === 'fail' ? messages.fix(result) : null;
      if (fix) lines.push(`          Fix: ${fix}`);
    }
    for (const entry of diagnosis.unreadable) lines.push(`  unreadable: ${messages.unreadableLine(entry)}`);
  } else if (!problem && snapshot.pageKind !== 'order-placed') {
    lines.push('', 'No code entered on the page: pass --code CODE to diagnose one.');
  }
  if (matches && (matches.fitting.length > 0 || matches.nearMisses.length > 0)) {
    lines.push('', 'Codes that fit now:');
    for (const match of matches.fitting)
      lines.push(
        `  ${match.promo.code.padEnd(16)}${messages.codeTerms(match.promo)}, ${messages.savingLine(match)}`,
      );
    if (matches.fitting.length === 0) lines.push('  none');
    if (matches.nearMisses.length > 0) {
      lines.push('Codes within reach:');
      for (const match of matches.nearMisses)
        lines.push(
          `  ${match.promo.code.padEnd(16)}${messages.codeTerms(match.promo)}, ${messages.unlockLine(match)}`,
        );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = readOptions(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    const snapshot = await readPage(options);
    const { CartSnapshotSchema, FeedSchema, createMessages, diagnose, matchingCodes, mergeCatalog } =
      await import('../src/rules/index.ts');
    const checked = CartSnapshotSchema.safeParse(snapshot);
    if (!checked.success) {
      // A snapshot the background would refuse is a bug in the extractors: say exactly where.
      process.stderr.write(
        `the snapshot does not validate:\n${checked.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n')}\n`,
      );
      return EXIT_UNREADABLE;
    }
    const bundledPath = new URL('../src/data/bundled-feed.json', import.meta.url);
    const bundled = FeedSchema.parse(JSON.parse(readFileSync(bundledPath, 'utf8')));
    const catalog = mergeCatalog(bundled, options.feed ? readFeed(FeedSchema, options.feed) : null, []);
    const problem = pageUnreadable(snapshot);
    const code = snapshot.promo.enteredCode.known ? snapshot.promo.enteredCode.value : null;
    const diagnosis = code !== null && !problem ? diagnose(snapshot, code, catalog, [], options.now) : null;
    const matches = problem ? null : matchingCodes(snapshot, catalog, [], options.now);
    const unreadable = unreadableFields(snapshot);

    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ snapshot, unreadable, problem, diagnosis, matches }, null, 2)}\n`,
      );
    } else {
      printText(createMessages, snapshot, unreadable, problem, diagnosis, matches);
    }
    return problem || diagnosis?.verdict === 'cannot-read-page' ? EXIT_UNREADABLE : 0;
  } catch (error) {
    process.stderr.write(
      `${error instanceof UsageError ? '' : 'could not diagnose: '}${(error as Error).message}\n`,
    );
    return EXIT_USAGE;
  }
}

process.exitCode = await main(process.argv.slice(2));
