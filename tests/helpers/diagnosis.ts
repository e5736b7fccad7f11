/**
 * `outline(diagnosis)`: the parts of a diagnosis a shopper notices (verdict, matched code, culprit,
 * every failure, unreadable fields), as one plain object to compare with `toEqual`.
 */
import type { Diagnosis } from '../../src/rules/types.ts';

export function outline(diagnosis: Diagnosis) {
  return {
    verdict: diagnosis.verdict,
    promo: diagnosis.promo?.code ?? null,
    culprit: diagnosis.culprit?.code ?? null,
    failures: diagnosis.failures.map((failure) => failure.code),
    unreadable: diagnosis.unreadable.map((entry) => entry.field),
  };
}
