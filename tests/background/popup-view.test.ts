/**
 * The popup's state as the background words and keeps it: the rule wording in the browser's language
 * (the popup carries no translations), and an evaluation reused on a popup opened again only while its
 * inputs and the clock still give the same answer.
 */
import { describe, expect, it } from 'vitest';
import { makeFeed, makeCheckoutSnapshot, makePromo, withEnteredCode } from './builders.ts';
import { createHarness } from './harness.ts';
import { REUSE_MS } from '../../src/background/popup-view.ts';

const checkout = makeCheckoutSnapshot();

describe('the popup’s state', () => {
  it('comes worded in the browser’s language: verdict, checks, codes and amounts', async () => {
    const harness = createHarness({ uiLanguage: 'de-DE' });
    await harness.snapshot(7, 'promo-input', withEnteredCode(checkout, 'SAVE18'));
    const { wording, diagnosis, matches } = await harness.tabState(7);
    expect(wording.locale).toBe('de');
    expect(wording.verdict?.headline).toContain('SAVE18');
    expect(wording.verdict?.headline).not.toMatch(/will be rejected/);
    // One wording per check, in the diagnosis's (checklist) order; the culprit's fix quotes the numbers.
    expect(wording.verdict?.checks).toHaveLength(diagnosis?.results.length ?? -1);
    expect(wording.verdict?.checks[0]?.name).toBe('Mindestbestellwert');
    expect(wording.verdict?.fix).toMatch(/11,60/);
    // Later checks that passed fold away; the checklist's five never do.
    expect(wording.verdict?.checks.slice(0, 5).map((check) => check.folded)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(wording.fitting.map((code) => code.terms)).toHaveLength(matches?.fitting.length ?? -1);
    expect(wording.fitting[0]?.terms).toMatch(/8\s?\$/);
    expect(wording.amounts?.itemsSubtotal?.replace(/\s/g, ' ')).toBe('87,40 $');
  });

  it('answers a popup opened again with the same evaluation, and a new one once something changed', async () => {
    const harness = createHarness();
    await harness.snapshot(7, 'promo-input', withEnteredCode(checkout, 'SAVE18'));
    const first = await harness.tabState(7);
    const again = await harness.tabState(7);
    expect(again.diagnosis).toBe(first.diagnosis);
    await harness.snapshot(7, 'promo-input', withEnteredCode(checkout, 'SAVE8'));
    const changed = await harness.tabState(7);
    expect(changed.diagnosis?.enteredCode).toBe('SAVE8');
    expect(changed.wording.verdict?.headline).toMatch(/SAVE8/);
  });

  it('never shows a code the clock has expired since: a kept evaluation lives a few seconds only', async () => {
    const endsSoon = makePromo({ code: 'LAST5', validUntil: '2026-11-24T18:00:05Z', usage: 'unlimited' });
    const harness = createHarness({ bundledFeed: makeFeed([endsSoon]) });
    await harness.snapshot(7, 'load', checkout);
    const codes = async () => (await harness.tabState(7)).matches?.fitting.map((match) => match.promo.code);
    expect(await codes()).toEqual(['LAST5']);
    harness.clock = new Date(harness.clock.getTime() + REUSE_MS + 1000);
    expect(await codes()).toEqual([]);
  });
});
