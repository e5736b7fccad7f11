import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../src/background/orders.ts';
import { known, missing } from '../../src/rules/schemas/field.ts';
import { POPUP_TO_BACKGROUND } from '../../src/shared/protocol.ts';
import { senders } from './fake-browser.ts';
import { makeCheckoutSnapshot, makePaymentResultSnapshot, withEnteredCode } from './builders.ts';
import { createHarness, type Harness } from './harness.ts';

const PAY_AT = new Date('2026-11-24T18:00:00Z');

/** The checkout as it looks after SAVE8 applied: the field cleared, the summary shows the code. */
const appliedCheckout = makeCheckoutSnapshot({
  promo: {
    enteredCode: known('', 'promo input'),
    applied: known({ code: 'SAVE8', discountMinor: 800 }, 'order summary'),
  },
});

/** Everything recorded, across accounts: what the already-used check will read. */
function history(harness: Harness) {
  return harness.service.store.read('history');
}

function minutesAfterPay(minutes: number): Date {
  return new Date(PAY_AT.getTime() + minutes * 60_000);
}

describe('order recording', () => {
  it('Pay with a code applied, then the payment result: the code is used on that account, once', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'pay-click', appliedCheckout);
    harness.clock = minutesAfterPay(2);
    await harness.snapshot(5, 'load', makePaymentResultSnapshot());
    await harness.snapshot(5, 'mutation', makePaymentResultSnapshot());
    expect(await history(harness)).toEqual([
      { accountId: '4465986603', code: 'SAVE8', usedAt: minutesAfterPay(2).toISOString(), source: 'order' },
    ]);
  });

  it('records the order when the payment result arrives before the Pay click was fully handled', async () => {
    const harness = createHarness({ clock: PAY_AT });
    // The click and the next page's first read reach the worker back to back.
    await Promise.all([
      harness.snapshot(5, 'pay-click', appliedCheckout),
      harness.snapshot(5, 'load', makePaymentResultSnapshot()),
    ]);
    expect((await history(harness)).map((entry) => entry.code)).toEqual(['SAVE8']);
  });

  it('uses the code the shopper applied when the page shows only the discount amount', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'apply-click', withEnteredCode(makeCheckoutSnapshot(), 'save8'));
    const amountOnly = makeCheckoutSnapshot({
      promo: { applied: known({ code: null, discountMinor: 800 }, 'order summary') },
    });
    await harness.snapshot(5, 'pay-click', amountOnly);
    harness.clock = minutesAfterPay(1);
    await harness.snapshot(5, 'load', makePaymentResultSnapshot());
    expect((await history(harness)).map((entry) => entry.code)).toEqual(['SAVE8']);
  });

  it('records nothing for a payment result without a Pay before it', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'load', appliedCheckout);
    await harness.snapshot(5, 'load', makePaymentResultSnapshot());
    expect(await history(harness)).toEqual([]);
  });

  it('records nothing when the page said no code was applied (a rejected code was not used)', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'promo-input', withEnteredCode(makeCheckoutSnapshot(), 'SAVE18'));
    await harness.snapshot(
      5,
      'pay-click',
      makeCheckoutSnapshot({ promo: { applied: known(null, 'order summary') } }),
    );
    await harness.snapshot(5, 'load', makePaymentResultSnapshot());
    expect(await history(harness)).toEqual([]);
  });

  it('records nothing when the payment result comes more than 30 minutes after Pay', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'pay-click', appliedCheckout);
    harness.clock = minutesAfterPay(31);
    await harness.snapshot(5, 'load', makePaymentResultSnapshot());
    expect(await history(harness)).toEqual([]);
  });

  it('records nothing for a payment result in another tab', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'pay-click', appliedCheckout);
    await harness.snapshot(6, 'load', makePaymentResultSnapshot());
    expect(await history(harness)).toEqual([]);
  });

  it('survives the worker being stopped between Pay and the payment result', async () => {
    const first = createHarness({ clock: PAY_AT });
    await first.snapshot(5, 'pay-click', appliedCheckout);
    const second = first.restart();
    second.clock = minutesAfterPay(3);
    await second.snapshot(5, 'load', makePaymentResultSnapshot());
    expect((await history(second)).map((entry) => [entry.code, entry.source])).toEqual([['SAVE8', 'order']]);
  });

  it('takes the account from the payment result when checkout did not show it', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'pay-click', {
      ...appliedCheckout,
      accountId: missing('no member id on this page'),
    });
    await harness.snapshot(5, 'load', makePaymentResultSnapshot('2210001234'));
    expect((await history(harness)).map((entry) => entry.accountId)).toEqual(['2210001234']);
  });

  it('two tabs recording 100 orders each at once: 200 entries', async () => {
    const harness = createHarness({ clock: PAY_AT });
    const order = async (tabId: number, index: number) => {
      const code = `T${tabId}CODE${index}`;
      const checkout = makeCheckoutSnapshot({
        promo: { applied: known({ code, discountMinor: 500 }, 'order summary') },
      });
      await harness.snapshot(tabId, 'pay-click', checkout);
      await harness.snapshot(tabId, 'load', makePaymentResultSnapshot());
    };
    const run = async (tabId: number) => {
      for (let index = 0; index < 100; index += 1) await order(tabId, index);
    };
    await Promise.all([run(1), run(2)]);
    const entries = await history(harness);
    expect(entries).toHaveLength(200);
    expect(new Set(entries.map((entry) => entry.code)).size).toBe(200);
  });

  it('the shopper can unmark a recorded order by hand', async () => {
    const harness = createHarness({ clock: PAY_AT });
    await harness.snapshot(5, 'pay-click', appliedCheckout);
    await harness.snapshot(5, 'load', makePaymentResultSnapshot());
    await harness.send(
      { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: '4465986603', code: 'SAVE8', used: false },
      senders.popup(),
    );
    expect(await history(harness)).toEqual([]);
  });
});

describe('normaliseCode', () => {
  it.each([
    [' save8 ', 'SAVE8'],
    ['SAVE\u200B8', 'SAVE8'],
    ['\u202ESAVE8', 'SAVE8'],
    ['', null],
    ['   ', null],
    ['A'.repeat(41), null],
  ])('%j -> %j', (typed, code) => {
    expect(normaliseCode(typed)).toBe(code);
  });
});
