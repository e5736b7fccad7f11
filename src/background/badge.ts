/**
 * The toolbar badge per tab: red "!" when the entered code will be rejected, green check when it will
 * apply, otherwise how many codes fit this cart (blank when none, or when the tab is not a cart/checkout).
 */
import type { CartSnapshot } from '../rules/schemas/snapshot.ts';
import type { Diagnosis, MatchingCodes } from '../rules/types.ts';
import type { BrowserLike } from './browser-like.ts';

export interface Badge {
  readonly text: string;
  readonly color: string;
}

export const BADGE_COLORS = {
  rejected: '#B3261E',
  applies: '#1E7B34',
  count: '#3558A8',
} as const;

export const NO_BADGE: Badge = { text: '', color: BADGE_COLORS.count };

export function badgeFor(
  snapshot: CartSnapshot | null,
  diagnosis: Diagnosis | null,
  matches: MatchingCodes | null,
): Badge {
  if (snapshot === null || (snapshot.pageKind !== 'cart' && snapshot.pageKind !== 'checkout'))
    return NO_BADGE;
  if (diagnosis?.verdict === 'will-be-rejected') return { text: '!', color: BADGE_COLORS.rejected };
  if (diagnosis?.verdict === 'will-apply') return { text: '✓', color: BADGE_COLORS.applies };
  const fitting = matches?.fitting.length ?? 0;
  if (fitting === 0) return NO_BADGE;
  return { text: fitting > 99 ? '99+' : String(fitting), color: BADGE_COLORS.count };
}

/** Best effort: the tab may have closed since the snapshot arrived, which makes the call reject. */
export async function showBadge(action: BrowserLike['action'], tabId: number, badge: Badge): Promise<void> {
  try {
    await action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await action.setBadgeText({ tabId, text: badge.text });
  } catch (error) {
    console.warn('[promo-code-doctor] badge not set', tabId, error);
  }
}
