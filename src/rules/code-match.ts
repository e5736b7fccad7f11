/**
 * Matching what the shopper typed to a catalog code. A pasted code often carries a trailing space or a
 * zero-width character from a coupon site, and a retyped one may have 0 for O or l for 1: AliExpress
 * rejects all of these, so we find the code that was meant and say exactly what differs.
 */
import type { CatalogEntry } from './schemas/catalog.ts';
import type { TypingProblem } from './types.ts';

/** Zero-width and other invisible characters that survive copy and paste (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen). */
// An alternation, not a character class: ZWJ inside a class reads as a joined sequence to linters.
export const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/gu;
const HAS_INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/u;
const WHITESPACE = /\s/gu;
const HAS_WHITESPACE = /\s/u;

/**
 * Characters people confuse when reading a code off a screen (0/O, 1/I/l, 5/S, 8/B), on upper-cased text:
 * each maps to one representative. Upper-case L joins 1 and I because lower-case l does; an exact catalog
 * match always wins before this looser match is tried.
 */
const LOOKALIKE_CLASS: Readonly<Record<string, string>> = {
  O: '0',
  I: '1',
  L: '1',
  S: '5',
  B: '8',
};

/** Removes whitespace and invisible characters; folds full-width forms (NFKC). Case is kept. */
export function cleanTypedCode(typed: string): string {
  return typed.normalize('NFKC').replace(INVISIBLE, '').replace(WHITESPACE, '');
}

/** A code as catalogs publish it: cleaning and upper-casing leave it as it is, so they can be skipped. */
const PLAIN_CODE = /^[A-Z0-9]*$/;

/** The code as usage history compares codes: cleaned and upper-cased (see `sameCode`). */
export function codeKey(typed: string): string {
  return PLAIN_CODE.test(typed) ? typed : cleanTypedCode(typed).toUpperCase();
}

/**
 * The lookalike-insensitive key of a code: cleaned, upper-cased, each lookalike replaced by its class.
 * Two codes a shopper could confuse have the same key. Idempotent.
 */
export function lookalikeKey(typed: string): string {
  let key = '';
  for (const char of codeKey(typed)) key += LOOKALIKE_CLASS[char] ?? char;
  return key;
}

/**
 * Catalog entries by exact code and by lookalike key, in catalog order: built once per entries array
 * (catalogs are never mutated; a changed length rebuilds them anyway), so resolving a code does not scan
 * or re-key the whole catalog. The lookalike keys are only worked out once a code needs them.
 */
interface EntryIndex {
  readonly length: number;
  readonly byCode: ReadonlyMap<string, CatalogEntry>;
  byLookalike: ReadonlyMap<string, readonly CatalogEntry[]> | null;
}
const entryIndexes = new WeakMap<readonly CatalogEntry[], EntryIndex>();

function entryIndex(entries: readonly CatalogEntry[]): EntryIndex {
  let index = entryIndexes.get(entries);
  if (index?.length !== entries.length) {
    const byCode = new Map<string, CatalogEntry>();
    // The first entry with a code wins, as a scan in catalog order would find it.
    for (const entry of entries) if (!byCode.has(entry.promo.code)) byCode.set(entry.promo.code, entry);
    index = { length: entries.length, byCode, byLookalike: null };
    entryIndexes.set(entries, index);
  }
  return index;
}

function entriesWithLookalikeKey(entries: readonly CatalogEntry[], key: string): readonly CatalogEntry[] {
  const index = entryIndex(entries);
  if (index.byLookalike === null) {
    const byKey = new Map<string, CatalogEntry[]>();
    for (const entry of entries) {
      const entryKey = lookalikeKey(entry.promo.code);
      const same = byKey.get(entryKey);
      if (same) same.push(entry);
      else byKey.set(entryKey, [entry]);
    }
    index.byLookalike = byKey;
  }
  return index.byLookalike.get(key) ?? [];
}

export interface CodeResolution {
  readonly entry: CatalogEntry;
  /** What differs between the typed text and the catalog code; empty for an exact match. */
  readonly problems: readonly TypingProblem[];
}

function countLookalikes(cleanedUpper: string, code: string): number {
  let count = 0;
  for (let i = 0; i < code.length; i++) if (cleanedUpper[i] !== code[i]) count++;
  return count;
}

/**
 * The catalog entry the shopper meant, or null. Preference: exact text; then the same letters apart from
 * spaces, invisible characters and case; then a lookalike match with the fewest substituted characters
 * (catalog order, i.e. the shopper's own codes first, breaks ties).
 */
export function resolveCode(typed: string, entries: readonly CatalogEntry[]): CodeResolution | null {
  const cleaned = cleanTypedCode(typed);
  if (cleaned === '') return null;
  const upper = cleaned.toUpperCase();
  const problems: TypingProblem[] = [];
  // U+FEFF also counts as \s in JavaScript: look for whitespace only once invisibles are gone.
  if (HAS_WHITESPACE.test(typed.replace(INVISIBLE, ''))) problems.push('whitespace');
  if (HAS_INVISIBLE.test(typed)) problems.push('invisible');

  const sameLetters = entryIndex(entries).byCode.get(upper);
  if (sameLetters) {
    if (cleaned !== upper) problems.push('case');
    return { entry: sameLetters, problems };
  }

  const key = lookalikeKey(cleaned);
  let best: { entry: CatalogEntry; substitutions: number } | null = null;
  for (const entry of entriesWithLookalikeKey(entries, key)) {
    if (entry.promo.code.length !== upper.length) continue;
    const substitutions = countLookalikes(upper, entry.promo.code);
    if (best === null || substitutions < best.substitutions) best = { entry, substitutions };
  }
  if (best === null) return null;
  // Case only counts as a problem where the letter itself was right (e.g. "save" for SAVE), not for the
  // lower-case l standing in for a 1.
  const code = best.entry.promo.code;
  const caseWrong = [...cleaned].some(
    (char, i) => char !== char.toUpperCase() && char.toUpperCase() === code[i],
  );
  if (caseWrong) problems.push('case');
  problems.push('lookalike');
  return { entry: best.entry, problems };
}

/** Whether two codes are the same code for usage history (case, spaces and invisible characters aside). */
export function sameCode(a: string, b: string): boolean {
  return codeKey(a) === codeKey(b);
}
