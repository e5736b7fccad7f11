/**
 * Every check, in checklist order: the order the popup lists them and the order that picks the culprit
 * (the first failure). No self-registration: a check exists when it is listed here.
 */
import type { Check } from '../types.ts';
import { alreadyUsed } from './already-used.ts';
import { appOnly } from './app-only.ts';
import { exactCode } from './exact-code.ts';
import { expiry } from './expiry.ts';
import { firstOrder } from './first-order.ts';
import { ineligibleItems } from './ineligible-items.ts';
import { lowerTier } from './lower-tier.ts';
import { minSpend } from './min-spend.ts';
import { oneCodePerOrder } from './one-code-per-order.ts';
import { platform } from './platform.ts';
import { regionLock } from './region-lock.ts';
import { wrongPage } from './wrong-page.ts';

export const CHECKS: readonly Check[] = [
  // Checklist reason 1, the most common: first, so a short cart is the culprit before anything subtler.
  minSpend,
  // Reason 2: a dated fact about the code, true whatever the cart holds.
  expiry,
  // Reason 3, "the single most common surprise": after expiry so an expired US code says "expired" first.
  regionLock,
  // Reason 4: needs the lines; after the code-level reasons because the fix (remove lines) costs more.
  ineligibleItems,
  // Reason 5: last of the five, since "use another code" is the fix of last resort.
  alreadyUsed,
  // "Still not working" 1: a mistyped code runs without terms, so it sits first among the extras.
  exactCode,
  // "Still not working" 2 and 3: where the code was entered, then on what.
  wrongPage,
  platform,
  // AliExpress's own rules from the terms page: one code per order, first order only, app only.
  oneCodePerOrder,
  firstOrder,
  appOnly,
  // Last: reads min-spend's result and offers a lower code that fits.
  lowerTier,
];
