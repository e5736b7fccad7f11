/**
 * The popup's state as the background words it: the rule wording in the browser's language (the popup
 * carries no translations).
 */
import { describe, expect, it } from 'vitest';
import { makeCheckoutSnapshot, withEnteredCode } from './builders.ts';
import { createHarness } from './harness.ts';

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
});
