/**
 * 3. Region lock. A country-locked code needs BOTH the account and the ship-to address in one of its
 * countries (a USA-only code: a US account with a US address). An unreadable country is never a pass.
 */
import { defineOutcomes, fact } from '../result.ts';
import { suggestGlobal } from '../suggest.ts';
import type { TermsCheck } from '../types.ts';

const table = defineOutcomes('region-lock', {
  global: 'pass',
  match: 'pass',
  'ship-to-outside': 'fail',
  'account-outside': 'fail',
  'ship-to-unknown': 'unknown',
  /** Ship-to is in the list but the account's country could not be read. */
  'account-unknown': 'unknown',
});

export const regionLock: TermsCheck = {
  id: 'region-lock',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    const { promo } = ctx;
    if (promo.regions === 'GLOBAL') return table.result('global');
    const allowed = promo.regions;
    const { shipTo, account } = ctx.snapshot.region;
    const facts = { allowed: fact.list(allowed) };
    const global = suggestGlobal(ctx, promo);
    // A country that is known and outside the list decides, whatever the other one is.
    if (shipTo.known && !allowed.includes(shipTo.value)) {
      return table.result('ship-to-outside', { ...facts, shipTo: fact.country(shipTo.value) }, global);
    }
    if (account.known && !allowed.includes(account.value)) {
      return table.result('account-outside', { ...facts, account: fact.country(account.value) }, global);
    }
    if (!shipTo.known)
      return table.result('ship-to-unknown', { ...facts, reason: fact.text(shipTo.reason) }, global);
    if (!account.known) {
      return table.result(
        'account-unknown',
        { ...facts, shipTo: fact.country(shipTo.value), reason: fact.text(account.reason) },
        global,
      );
    }
    return table.result('match', {
      ...facts,
      shipTo: fact.country(shipTo.value),
      account: fact.country(account.value),
    });
  },
};
