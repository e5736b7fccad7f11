/**
 * Picking a code to suggest instead of a failing one. Candidates are `ctx.fittingNow`: real catalog codes
 * (never examples) that pass the five checks for this cart now, best saving first. Each pick walks that
 * list once, without copying it: with a large feed it holds thousands of codes.
 */
import type { PromoCode } from './schemas/catalog.ts';
import type { CheckContext } from './types.ts';

/** The first fitting code other than `promo` for which `wanted` holds, best saving first. */
function firstOther(
  ctx: CheckContext,
  promo: PromoCode,
  wanted: (candidate: PromoCode) => boolean = () => true,
): PromoCode | null {
  for (const { promo: candidate } of ctx.fittingNow) {
    if (candidate.code !== promo.code && wanted(candidate)) return candidate;
  }
  return null;
}

/** The best-saving fitting code of the same ladder, else the best-saving fitting code of any ladder. */
export function suggestFromLadder(ctx: CheckContext, promo: PromoCode): string | null {
  const ladder = promo.tier?.ladder;
  const sameLadder =
    ladder === undefined ? null : firstOther(ctx, promo, (candidate) => candidate.tier?.ladder === ladder);
  return (sameLadder ?? firstOther(ctx, promo))?.code ?? null;
}

/** For an expired or not-yet-started code: the fitting code of the same ladder nearest in rank, else any. */
export function suggestNearestTier(ctx: CheckContext, promo: PromoCode): string | null {
  const tier = promo.tier;
  if (tier) {
    let nearest: PromoCode | null = null;
    for (const { promo: candidate } of ctx.fittingNow) {
      if (candidate.code === promo.code || candidate.tier?.ladder !== tier.ladder) continue;
      const distance = Math.abs(candidate.tier.rank - tier.rank);
      if (nearest === null || distance < Math.abs((nearest.tier?.rank ?? 0) - tier.rank)) nearest = candidate;
    }
    if (nearest) return nearest.code;
  }
  return firstOther(ctx, promo)?.code ?? null;
}

/** For a region-locked code: the best-saving fitting code that works in every region. */
export function suggestGlobal(ctx: CheckContext, promo: PromoCode): string | null {
  return firstOther(ctx, promo, (candidate) => candidate.regions === 'GLOBAL')?.code ?? null;
}

/** Any other fitting code, best saving first. */
export function suggestAnother(ctx: CheckContext, promo: PromoCode): string | null {
  return firstOther(ctx, promo)?.code ?? null;
}
