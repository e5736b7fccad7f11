/**
 * 2. Expiry. Compared as instants, so DST never shifts the answer; the facts carry the code's IANA zone so
 * messages can show the local date the campaign states. `validUntil` is exclusive: at that very instant
 * the code has expired (a campaign "ending 23:59:59 PT" is published as the instant it stops working).
 */
import { defineOutcomes, fact } from '../result.ts';
import { suggestNearestTier } from '../suggest.ts';
import type { TermsCheck } from '../types.ts';

/** Warn when less than this is left: long enough to matter if the shopper is still filling the cart. */
export const EXPIRING_SOON_MS = 24 * 60 * 60 * 1000;

const table = defineOutcomes('expiry', {
  valid: 'pass',
  'expiring-soon': 'warn',
  'not-started': 'fail',
  expired: 'fail',
});

export const expiry: TermsCheck = {
  id: 'expiry',
  needsTerms: true,
  outcomes: table.outcomes,
  run(ctx) {
    const { promo } = ctx;
    const now = ctx.now.getTime();
    const starts = Date.parse(promo.validFrom);
    const ends = Date.parse(promo.validUntil);
    if (now < starts) {
      return table.result(
        'not-started',
        { startsAt: fact.instant(promo.validFrom, promo.timeZone), startsIn: fact.duration(starts - now) },
        suggestNearestTier(ctx, promo),
      );
    }
    if (now >= ends) {
      return table.result(
        'expired',
        { endedAt: fact.instant(promo.validUntil, promo.timeZone), endedAgo: fact.duration(now - ends) },
        suggestNearestTier(ctx, promo),
      );
    }
    const facts = {
      endsAt: fact.instant(promo.validUntil, promo.timeZone),
      endsIn: fact.duration(ends - now),
    };
    return ends - now <= EXPIRING_SOON_MS
      ? table.result('expiring-soon', facts)
      : table.result('valid', facts);
  },
};
