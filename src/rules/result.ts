/**
 * How a check declares its outcomes: one table of `outcome -> status`, from which it builds results.
 * A check can only return a code it declared, and the meta-test can list every code to find its message.
 */
import type { CheckId, CheckResult, CheckStatus, Fact } from './types.ts';

export interface OutcomeTable<Outcome extends string> {
  /** Full result codes (`<check id>.<outcome>`) with their status. */
  readonly outcomes: Readonly<Record<string, CheckStatus>>;
  result(outcome: Outcome, facts?: Readonly<Record<string, Fact>>, suggestion?: string | null): CheckResult;
}

export function defineOutcomes<Outcome extends string>(
  id: CheckId,
  statuses: Readonly<Record<Outcome, CheckStatus>>,
): OutcomeTable<Outcome> {
  const outcomes: Record<string, CheckStatus> = {};
  for (const [outcome, status] of Object.entries(statuses) as [Outcome, CheckStatus][]) {
    outcomes[`${id}.${outcome}`] = status;
  }
  return {
    outcomes,
    result(outcome, facts = {}, suggestion = null) {
      const base = { id, status: statuses[outcome], code: `${id}.${outcome}`, facts };
      return suggestion === null ? base : { ...base, suggestion };
    },
  };
}

/** Fact constructors, so checks read as data. */
export const fact = {
  money: (value: import('./money.ts').Money): Fact => ({ kind: 'money', value }),
  instant: (value: string, timeZone: string): Fact => ({ kind: 'instant', value, timeZone }),
  duration: (ms: number): Fact => ({ kind: 'duration', ms }),
  text: (value: string): Fact => ({ kind: 'text', value }),
  count: (value: number): Fact => ({ kind: 'count', value }),
  list: (value: readonly string[]): Fact => ({ kind: 'list', value }),
  country: (value: string): Fact => ({ kind: 'country', value }),
};
