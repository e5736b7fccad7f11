/**
 * `rankTenThousandCodesMs`: the rule engine's `diagnose` + `matchingCodes` for one entered code against a
 * 10,000-code feed, in Node, as the background runs them when a snapshot arrives.
 */
import { generateCart } from './cart-generator.ts';
import { generateCodes, generateHistory, snapshotOf } from './feed-generator.ts';
import { median, must } from './stats.ts';
import type { Catalog, Feed, PromoCode } from '../src/rules/schemas/catalog.ts';
import type { CartSnapshot } from '../src/rules/schemas/snapshot.ts';
import type { UsageHistory } from '../src/rules/schemas/history.ts';

interface Engine {
  diagnose(
    snapshot: CartSnapshot,
    enteredCode: string,
    catalog: Catalog,
    history: UsageHistory,
    now: Date,
  ): unknown;
  matchingCodes(
    snapshot: CartSnapshot,
    catalog: Catalog,
    history: UsageHistory,
    now: Date,
  ): { fitting: readonly unknown[]; nearMisses: readonly unknown[] };
  mergeCatalog(bundled: Feed, remote: Feed | null, mine: readonly PromoCode[]): Catalog;
}

async function loadEngine(): Promise<Engine> {
  // The public entry point; fall back to the module that defines the functions while index.ts is missing.
  try {
    return (await import('../src/rules/index.ts')) as unknown as Engine;
  } catch {
    return (await import('../src/rules/diagnose.ts')) as unknown as Engine;
  }
}

export interface RankingResult {
  /** Median ms of diagnose + matchingCodes, per scenario. */
  readonly byScenario: Record<
    string,
    { medianMs: number; samplesMs: number[]; fitting: number; nearMisses: number }
  >;
  readonly codeCount: number;
  readonly feedParseMs: number;
  /** Set when the time budget cut the runs short, saying how far. */
  readonly truncated: string | null;
}

/**
 * Median of `runs` timed runs after `warmUp` untimed ones, per scenario. When one run takes so long that
 * all of them would exceed `budgetMs`, fewer are taken (at least 3) and `truncated` says so: a figure
 * that far over its goal needs a design change, not more decimals.
 */
export async function measureRanking(
  codeCount: number,
  runs: number,
  warmUp: number,
  budgetMs: number,
): Promise<RankingResult> {
  const engine = await loadEngine();
  const { FeedSchema } = await import('../src/rules/schemas/catalog.ts');
  const now = new Date('2026-11-20T18:00:00Z');
  const codes = generateCodes(codeCount, now);
  const rawFeed = {
    version: 1,
    publisher: 'Benchmark feed',
    generatedAt: now.toISOString(),
    fxRates: {
      base: 'USD',
      date: '2026-11-19',
      rates: { EUR: 0.92, GBP: 0.79, BRL: 5.6, PLN: 3.98, ILS: 3.7 },
      uncertainty: 0.02,
    },
    codes,
  };
  const parseStart = performance.now();
  const feed = FeedSchema.parse(rawFeed);
  const feedParseMs = performance.now() - parseStart;
  const bundled = FeedSchema.parse({
    version: 1,
    publisher: 'bundled',
    generatedAt: now.toISOString(),
    codes: [],
  });
  const catalog = engine.mergeCatalog(bundled, feed, []);
  const history = generateHistory(feed.codes, now);
  const cart = generateCart(500);
  // The code a shopper pastes: a real feed code with the trailing space coupon sites leave behind.
  const entered = `${must(feed.codes[Math.floor(codeCount / 2)], 'middle code').code} `;
  const scenarios: Record<string, CartSnapshot> = {
    'checkout, 3 lines': snapshotOf(cart, 'checkout', entered, now, 3),
    'cart, 500 lines': snapshotOf(cart, 'cart', entered, now),
  };
  const byScenario: RankingResult['byScenario'] = {};
  let truncated: string | null = null;
  const scenarioBudgetMs = budgetMs / Object.keys(scenarios).length;
  for (const [name, snapshot] of Object.entries(scenarios)) {
    const samplesMs: number[] = [];
    let fitting = 0;
    let nearMisses = 0;
    let planned = warmUp + runs;
    let warm = warmUp;
    for (let i = 0; i < planned; i++) {
      // Each paste reaches the background as a new message: a fresh snapshot object, so the engine's
      // last-answer cache (keyed by object identity) helps within one call pair, as in the background,
      // but never across runs. Same order as the background: matchingCodes, then diagnose.
      const fresh = structuredClone(snapshot);
      const at = new Date(now.getTime());
      const start = performance.now();
      const matches = engine.matchingCodes(fresh, catalog, history, at);
      engine.diagnose(fresh, entered, catalog, history, at);
      const ms = performance.now() - start;
      fitting = matches.fitting.length;
      nearMisses = matches.nearMisses.length;
      if (i === 0 && ms * (warmUp + runs) > scenarioBudgetMs) {
        // Far over the goal: 3 runs in all (the first one counted too) say that well enough.
        const affordable = Math.max(3, Math.floor(scenarioBudgetMs / ms));
        warm = affordable >= 6 ? Math.min(warmUp, affordable - 5) : 0;
        planned = Math.min(warmUp + runs, affordable);
        truncated = `${name}: first run ${Math.round(ms)} ms, so ${planned - warm} timed runs after ${warm} warm-up instead of ${runs} after ${warmUp}`;
      }
      if (i >= warm) samplesMs.push(ms);
    }
    byScenario[name] = { medianMs: median(samplesMs), samplesMs, fitting, nearMisses };
  }
  return { byScenario, codeCount, feedParseMs, truncated };
}
