/**
 * Picking a code to suggest instead of a failing one. Candidates are `ctx.fittingNow`: real catalog codes
 * (never examples) that pass the five checks for this cart now, best saving first.
 */
import type { PromoCode } from './schemas/catalog.ts';
import type { CheckContext } from './types.ts';

function others(ctx: CheckContext, promo: PromoCode | null): readonly PromoCode[] {
  return ctx.fittingNow.map((match) => match.promo).filter((candidate) => candidate.code !== promo?.code);
}

/** The best-saving fitting code of the same ladder, else the best-saving fitting code of any ladder. */
export function suggestFromLadder(ctx: CheckContext, promo: PromoCode): string | null {
  const candidates = others(ctx, promo);
  const ladder = promo.tier?.ladder;
  const sameLadder = ladder === undefined ? undefined : candidates.find((c) => c.tier?.ladder === ladder);
  return (sameLadder ?? candidates[0])?.code ?? null;
}

/** For an expired or not-yet-started code: the fitting code of the same ladder nearest in rank, else any. */
export function suggestNearestTier(ctx: CheckContext, promo: PromoCode): string | null {
  const candidates = others(ctx, promo);
  const tier = promo.tier;
  if (tier) {
    let nearest: PromoCode | null = null;
    for (const candidate of candidates) {
      if (candidate.tier?.ladder !== tier.ladder) continue;
      const distance = Math.abs(candidate.tier.rank - tier.rank);
      if (nearest === null || distance < Math.abs((nearest.tier?.rank ?? 0) - tier.rank)) nearest = candidate;
    }
    if (nearest) return nearest.code;
  }
  return candidates[0]?.code ?? null;
}

/** For a region-locked code: the best-saving fitting code that works in every region. */
export function suggestGlobal(ctx: CheckContext, promo: PromoCode): string | null {
  return others(ctx, promo).find((candidate) => candidate.regions === 'GLOBAL')?.code ?? null;
}

/** Any other fitting code, best saving first. */
export function suggestAnother(ctx: CheckContext, promo: PromoCode): string | null {
  return others(ctx, promo)[0]?.code ?? null;
}
