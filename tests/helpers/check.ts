/**
 * Running one check in isolation. `runCheck(check, overrides)` builds a context around `makeSnapshot()`
 * and `makePromo()` (overrides replace whole context fields), runs the check, and asserts that the
 * result is declared in the check's `outcomes` and words cleanly in every locale (no `{placeholder}` left),
 * so every table row is also a wording test.
 */
import { expect } from 'vitest';
import { createMessages, SUPPORTED_LOCALES } from '../../src/rules/messages.ts';
import type { Money } from '../../src/rules/money.ts';
import type { PromoCode } from '../../src/rules/schemas/catalog.ts';
import type { Check, CheckResult, CodeMatch, TermsCheckContext } from '../../src/rules/types.ts';
import { makeCatalog, makePromo, makeSnapshot, usd } from './snapshot.ts';

/** The tests' "now": Tuesday 2026-11-24, 10:00 in Los Angeles. */
export const NOW = new Date('2026-11-24T18:00:00Z');

export function checkContext(overrides: Partial<TermsCheckContext> = {}): TermsCheckContext {
  const promo = overrides.promo ?? makePromo();
  return {
    snapshot: makeSnapshot(),
    enteredCode: promo.code,
    catalog: makeCatalog([promo]),
    history: [],
    now: NOW,
    accountId: '2201234567',
    fittingNow: [],
    earlier: [],
    ...overrides,
    promo,
  };
}

const everyLocale = SUPPORTED_LOCALES.map((locale) => createMessages(locale));

export function expectWorded(result: CheckResult): void {
  for (const messages of everyLocale) {
    const texts = [messages.summary(result), messages.fix(result) ?? ''];
    for (const text of texts) expect(text, `${messages.locale} ${result.code}`).not.toMatch(/\{\w+\}/);
    expect(messages.summary(result), `${messages.locale} has a summary for ${result.code}`).not.toBe(
      result.code,
    );
  }
}

export function runCheck(check: Check, overrides: Partial<TermsCheckContext> = {}): CheckResult {
  const result = check.run(checkContext(overrides));
  expect(check.outcomes[result.code], `${result.code} is declared`).toBe(result.status);
  expectWorded(result);
  return result;
}

/** A code that fits now, as `diagnose` hands it to the checks for suggestions. */
export function fitting(promo: PromoCode, saving: Money = usd(0)): CodeMatch {
  return { promo, source: 'remote-feed', saving, shortfall: null };
}

/** The money value of a fact, for assertions. */
export function moneyFact(result: CheckResult, name: string): Money | undefined {
  const value = result.facts[name];
  return value?.kind === 'money' ? value.value : undefined;
}
