/**
 * Ranking the catalog for a cart: which codes fit now and which miss only for want of a little spend.
 *
 * `rankCodesByChecks` is the definition: it runs the fit checks on every code and reads their results.
 * `rankCodes` is what the engine uses: the same decisions from plain numbers (an index built once per
 * catalog, the history and cart lines indexed once per call), with no result objects, facts or
 * suggestions built for codes that are then thrown away. tests/rules/ranking.equivalence.test.ts holds the
 * two to the same answers on random carts, codes and histories.
 */
import {
  APP_ONLY,
  catalogIndex,
  EXAMPLE,
  FIRST_ORDER_ONLY,
  ONCE_PER_ACCOUNT,
  SAFE_AMOUNT,
  type CatalogIndex,
  type ExcludingIds,
  type IndexedExclusions,
  type MinSpendThresholds,
} from './catalog-index.ts';
import { codeKey } from './code-match.ts';
import { addMoney, money, type Money } from './money.ts';
import { accountIdOf, FIT_CHECKS, isFiveCheck, runChecks } from './run-checks.ts';
import type { Catalog, CatalogEntry } from './schemas/catalog.ts';
import { UNKNOWN_ACCOUNT, type UsageHistory } from './schemas/history.ts';
import type { CartLine, CartSnapshot } from './schemas/snapshot.ts';
import { savingOn, spendBase } from './spend.ts';
import type { CheckResult, CodeMatch, MatchingCodes } from './types.ts';

/** Results that only say "add a little more": what a near miss may fail on. */
const SHORTFALL_CODES = new Set(['min-spend.below', 'ineligible-items.eligible-below']);

function shortfallOf(results: readonly CheckResult[]): Money | null {
  let largest: Money | null = null;
  for (const result of results) {
    const fact = result.facts['shortfall'];
    if (fact?.kind === 'money' && (largest === null || fact.value.amountMinor > largest.amountMinor))
      largest = fact.value;
  }
  return largest;
}

function bySavingThenThreshold(a: CodeMatch, b: CodeMatch): number {
  return (
    b.saving.amountMinor - a.saving.amountMinor ||
    a.promo.minSpend.amountMinor - b.promo.minSpend.amountMinor ||
    a.promo.code.localeCompare(b.promo.code)
  );
}

function byShortfallThenSaving(a: CodeMatch, b: CodeMatch): number {
  return (a.shortfall?.amountMinor ?? 0) - (b.shortfall?.amountMinor ?? 0) || bySavingThenThreshold(a, b);
}

function sorted(fitting: CodeMatch[], nearMisses: CodeMatch[]): MatchingCodes {
  fitting.sort(bySavingThenThreshold);
  nearMisses.sort(byShortfallThenSaving);
  return { fitting, nearMisses };
}

/**
 * The definition of a match, check by check: a code fits when none of the fit checks fails and none of
 * the five is unknown; it is a near miss when its only failures are shortfalls (the largest is what to
 * add). A code without a computable saving is left out.
 */
export function rankCodesByChecks(
  snapshot: CartSnapshot,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
): MatchingCodes {
  const base = spendBase(snapshot);
  if (!snapshot.ready || !base.ok) return { fitting: [], nearMisses: [] };
  const accountId = accountIdOf(snapshot);
  const fitting: CodeMatch[] = [];
  const nearMisses: CodeMatch[] = [];
  for (const { promo, source } of catalog.entries) {
    const context = { snapshot, enteredCode: promo.code, catalog, history, now, accountId, fittingNow: [] };
    const results = runChecks(FIT_CHECKS, context, promo);
    if (results.some((result) => isFiveCheck(result) && result.status === 'unknown')) continue;
    const failures = results.filter((result) => result.status === 'fail');
    if (failures.length === 0) {
      const saving = savingOn(base.base, promo, catalog.fxRates);
      if (saving) fitting.push({ promo, source, saving, shortfall: null });
    } else if (failures.every((failure) => SHORTFALL_CODES.has(failure.code))) {
      const shortfall = shortfallOf(failures);
      if (shortfall === null) continue;
      const saving = savingOn(addMoney(base.base, shortfall), promo, catalog.fxRates);
      if (saving) nearMisses.push({ promo, source, saving, shortfall });
    }
  }
  return sorted(fitting, nearMisses);
}

/**
 * One check's say on a code: it neither fails nor is unknown (`passes`); it fails for a reason other than
 * a shortfall or is a five-check unknown, so the code is neither a match nor a near miss (`left-out`); or
 * it fails short of the minimum by this many minor units.
 */
type Decision = 'passes' | 'left-out' | number;

/** `min-spend` for an amount in the cart currency: met passes, below falls short, fx-uncertain and no-rate are unknown. */
function decideMinSpend(amount: number, thresholds: MinSpendThresholds, position: number): Decision {
  // NaN bounds (no rate) are neither met nor fallen below.
  if (amount >= (thresholds.upper[position] ?? Number.NaN)) return 'passes';
  if (amount < (thresholds.lower[position] ?? Number.NaN)) {
    return (thresholds.toClear[position] ?? Number.NaN) - amount;
  }
  return 'left-out';
}

/** The lines one exclusion keyword matches, and what a code excluding only those lines needs to know. */
interface KeywordLines {
  readonly lines: readonly number[];
  /** Their total, or null when one has no readable price or quantity. */
  readonly total: number | null;
  /** Whether every line without a store id / product id is among them (else one might be excluded). */
  readonly coversWithoutStore: boolean;
  readonly coversWithoutProduct: boolean;
}

/**
 * The selected cart lines, indexed for `ineligible-items` decisions on thousands of codes: which codes'
 * store and product lists hit which lines (looked up from the lines' side, in the catalog's inverted
 * lists), the lines each keyword matches (once per keyword), and line totals.
 */
class SelectedLines {
  private readonly titles: readonly string[];
  private readonly withoutStore: readonly number[];
  private readonly withoutProduct: readonly number[];
  /** Line totals in minor units, null where the price or quantity is unreadable. */
  private readonly totals: readonly (number | null)[];
  /** Lines excluded by store or product id, per code position (a line may repeat). */
  private readonly idHits = new Map<number, number[]>();
  private readonly byKeyword: (KeywordLines | undefined)[] = [];
  /** Marks the lines already counted as excluded for the code being decided (its stamp). */
  private readonly marks: Uint32Array;
  private stamp = 0;
  private readonly excluded: number[] = [];
  /** Every total and their sum are far inside the safe-integer range: no money arithmetic can throw. */
  readonly safe: boolean;

  constructor(
    all: readonly CartLine[],
    private readonly index: CatalogIndex,
  ) {
    // Unticked cart lines are not part of the order; checkout lines are always selected.
    const lines = all.filter((line) => line.selected !== false);
    this.titles = lines.map((line) => line.title.toLowerCase());
    this.marks = new Uint32Array(lines.length);
    const withoutStore: number[] = [];
    const withoutProduct: number[] = [];
    const totals: (number | null)[] = [];
    const excludingStore = index.excludingStore();
    const excludingProduct = index.excludingProduct();
    let sum = 0;
    let safe = true;
    lines.forEach((line, lineIndex) => {
      if (line.storeId === null) withoutStore.push(lineIndex);
      else this.hit(excludingStore, line.storeId, lineIndex);
      if (line.productId === null) withoutProduct.push(lineIndex);
      else this.hit(excludingProduct, line.productId, lineIndex);
      const { unitPriceMinor: price, quantity } = line;
      if (price === null || quantity === null) {
        totals.push(null);
        return;
      }
      const total = price * quantity;
      if (!Number.isSafeInteger(price) || !Number.isSafeInteger(quantity)) safe = false;
      sum += Math.abs(total);
      totals.push(total);
    });
    this.withoutStore = withoutStore;
    this.withoutProduct = withoutProduct;
    this.totals = totals;
    this.safe = safe && sum <= SAFE_AMOUNT;
  }

  private hit(excluding: ExcludingIds, id: string, lineIndex: number): void {
    for (let link = excluding.first.get(id) ?? -1; link !== -1; link = excluding.next[link] ?? -1) {
      const position = excluding.position[link] ?? -1;
      const lines = this.idHits.get(position);
      if (lines) lines.push(lineIndex);
      else this.idHits.set(position, [lineIndex]);
    }
  }

  private keywordLines(keywordId: number): KeywordLines {
    // The lookup stays free of closures: it runs once per code, the search once per keyword.
    return this.byKeyword[keywordId] ?? this.findKeyword(keywordId);
  }

  private findKeyword(keywordId: number): KeywordLines {
    const keyword = this.index.keywords[keywordId] ?? '';
    const lines: number[] = [];
    const matched = new Uint8Array(this.titles.length);
    let total: number | null = 0;
    this.titles.forEach((title, lineIndex) => {
      if (!title.includes(keyword)) return;
      lines.push(lineIndex);
      matched[lineIndex] = 1;
      const lineTotal = this.totals[lineIndex] ?? null;
      total = total === null || lineTotal === null ? null : total + lineTotal;
    });
    const found = {
      lines,
      total,
      coversWithoutStore: this.withoutStore.every((lineIndex) => matched[lineIndex] === 1),
      coversWithoutProduct: this.withoutProduct.every((lineIndex) => matched[lineIndex] === 1),
    };
    this.byKeyword[keywordId] = found;
    return found;
  }

  /** `ineligible-items` for the code at `position`; a shortfall is the eligible subtotal's. */
  decide(
    position: number,
    exclusions: IndexedExclusions,
    base: number,
    thresholds: MinSpendThresholds,
  ): Decision {
    const idHits = this.idHits.get(position);
    const { keywordIds } = exclusions;
    // The usual case, a keyword and no listed store or product in the cart: its lines, worked out once.
    if (idHits === undefined && keywordIds.length === 1) {
      const only = this.keywordLines(keywordIds[0] ?? 0);
      const excludedTotal = only.lines.length === 0 ? 0 : only.total;
      return this.decideExcluded(
        only.lines.length,
        excludedTotal,
        exclusions,
        only,
        base,
        thresholds,
        position,
      );
    }
    this.stamp++;
    this.excluded.length = 0;
    this.count(idHits);
    for (const keywordId of keywordIds) this.count(this.keywordLines(keywordId).lines);
    let excludedTotal: number | null = 0;
    for (const lineIndex of this.excluded) {
      const lineTotal = this.totals[lineIndex] ?? null;
      excludedTotal = excludedTotal === null || lineTotal === null ? null : excludedTotal + lineTotal;
    }
    const covers = {
      coversWithoutStore: this.allCounted(this.withoutStore),
      coversWithoutProduct: this.allCounted(this.withoutProduct),
    };
    return this.decideExcluded(
      this.excluded.length,
      excludedTotal,
      exclusions,
      covers,
      base,
      thresholds,
      position,
    );
  }

  private decideExcluded(
    excludedCount: number,
    excludedTotal: number | null,
    exclusions: IndexedExclusions,
    covers: Pick<KeywordLines, 'coversWithoutStore' | 'coversWithoutProduct'>,
    base: number,
    thresholds: MinSpendThresholds,
    position: number,
  ): Decision {
    // One excluded line is enough to reject.
    if (exclusions.reject && excludedCount > 0) return 'left-out';
    // A line whose store or product id could not be read might be on the list: unknown.
    if (exclusions.hasStoreIds && !covers.coversWithoutStore) return 'left-out';
    if (exclusions.hasProductIds && !covers.coversWithoutProduct) return 'left-out';
    if (excludedCount === 0) return 'passes';
    // A price or quantity unreadable on an excluded line: unknown.
    if (excludedTotal === null) return 'left-out';
    return decideMinSpend(Math.max(0, base - excludedTotal), thresholds, position);
  }

  private count(lines: readonly number[] | undefined): void {
    if (lines === undefined) return;
    for (const lineIndex of lines) {
      if (this.marks[lineIndex] === this.stamp) continue;
      this.marks[lineIndex] = this.stamp;
      this.excluded.push(lineIndex);
    }
  }

  private allCounted(lines: readonly number[]): boolean {
    return lines.every((lineIndex) => this.marks[lineIndex] === this.stamp);
  }
}

interface Wanted {
  readonly nearMisses: boolean;
  /** Leave out this code and examples: the candidates for suggestions instead of this code. */
  readonly suggestable: string | null;
}

/**
 * `rankCodesByChecks`, decided from numbers: each test below mirrors one fit check's pass, fail and
 * unknown outcomes (see the check's file). A failure that is not a shortfall and a five-check unknown
 * both leave the code out, so the cheapest tests run first. Amounts outside the safe range, where the
 * checks' money arithmetic would throw, take the check-by-check path so that it throws the same.
 */
function rank(
  snapshot: CartSnapshot,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
  wanted: Wanted,
): MatchingCodes {
  const read = spendBase(snapshot);
  if (!snapshot.ready || !read.ok) return { fitting: [], nearMisses: [] };
  const base = read.base;
  const fx = catalog.fxRates;
  const index = catalogIndex(catalog);
  const thresholds = index.minSpendIn(base.currency);
  const lines = snapshot.lines.known ? new SelectedLines(snapshot.lines.value, index) : null;
  if (!thresholds.safe || !(base.amountMinor <= SAFE_AMOUNT) || (lines !== null && !lines.safe)) {
    return rankCodesByChecks(snapshot, catalog, history, now);
  }

  const accountId = accountIdOf(snapshot);
  const accountKnown = accountId !== UNKNOWN_ACCOUNT;
  const usedCodes = new Set<string>();
  let hasOrdered = false;
  for (const entry of history) {
    if (entry.accountId !== accountId) continue;
    hasOrdered = true;
    usedCodes.add(codeKey(entry.code));
  }
  // app-only always fails on the website; first-order fails once this known account has ordered.
  const failingFlags = APP_ONLY | (hasOrdered && accountKnown ? FIRST_ORDER_ONLY : 0);
  const { shipTo, account } = snapshot.region;
  const nowMs = now.getTime();

  const fitting: CodeMatch[] = [];
  const nearMisses: CodeMatch[] = [];
  const { entries, starts, ends, flags, regions, historyKeys, exclusions } = index;
  for (let position = 0; position < entries.length; position++) {
    // expiry: not started or expired fails.
    if (nowMs < (starts[position] ?? 0) || nowMs >= (ends[position] ?? 0)) continue;
    const codeFlags = flags[position] ?? 0;
    if ((codeFlags & failingFlags) !== 0) continue;
    // already-used: a recorded use fails; with no member id, finding no record proves nothing (unknown).
    if ((codeFlags & ONCE_PER_ACCOUNT) !== 0 && (!accountKnown || usedCodes.has(historyKeys[position] ?? '')))
      continue;
    // region-lock: both countries known and in the list, or it fails or is unknown.
    const allowed = regions[position];
    if (allowed) {
      if (!shipTo.known || !account.known) continue;
      if (!allowed.includes(shipTo.value) || !allowed.includes(account.value)) continue;
    }
    const minSpend = decideMinSpend(base.amountMinor, thresholds, position);
    if (minSpend === 'left-out') continue;
    let shortfall = minSpend === 'passes' ? null : minSpend;
    // ineligible-items: unknown without the lines.
    const excludes = exclusions[position];
    if (excludes) {
      if (lines === null) continue;
      const eligible = lines.decide(position, excludes, base.amountMinor, thresholds);
      if (eligible === 'left-out') continue;
      // The larger shortfall is what to add; on a tie min-spend's is kept (the same amount).
      if (eligible !== 'passes' && (shortfall === null || eligible > shortfall)) shortfall = eligible;
    }
    const { promo, source } = entries[position] as CatalogEntry;
    if (shortfall === null) {
      if (wanted.suggestable !== null && ((codeFlags & EXAMPLE) !== 0 || promo.code === wanted.suggestable))
        continue;
      const saving = savingOn(base, promo, fx);
      if (saving) fitting.push({ promo, source, saving, shortfall: null });
    } else if (wanted.nearMisses) {
      const toAdd = money(shortfall, base.currency);
      const saving = savingOn(addMoney(base, toAdd), promo, fx);
      if (saving) nearMisses.push({ promo, source, saving, shortfall: toAdd });
    }
  }
  return sorted(fitting, nearMisses);
}

/** What `matchingCodes` answers: the same as `rankCodesByChecks`. */
export function rankCodes(
  snapshot: CartSnapshot,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
): MatchingCodes {
  return rank(snapshot, catalog, history, now, { nearMisses: true, suggestable: null });
}

/**
 * What diagnose suggests from for `enteredCode`: `rankCodes(...).fitting` without that code and without
 * examples, and without working out the near misses.
 */
export function suggestableCodes(
  snapshot: CartSnapshot,
  catalog: Catalog,
  history: UsageHistory,
  now: Date,
  enteredCode: string,
): readonly CodeMatch[] {
  return rank(snapshot, catalog, history, now, { nearMisses: false, suggestable: enteredCode }).fitting;
}
