/**
 * A paste in the promo field arrives as the code alone (content->background:promo-input): the background
 * applies it to the tab's latest snapshot and answers with the same hint a full page read would get.
 */
import { describe, expect, it } from 'vitest';
import type { HintModel } from '../../src/shared/protocol.ts';
import { makeCheckoutPageRead, pastedMessage } from '../background/builders.ts';
import { senders } from '../background/fake-browser.ts';
import { createHarness } from '../background/harness.ts';

describe('a paste sent as the code alone', () => {
  it('is diagnosed against the page the tab last sent, as a full read of it would be', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', makeCheckoutPageRead(null));
    const hint = (await harness.paste(7, 'SAVE18')) as HintModel;
    const other = createHarness();
    const fromFullRead = await other.pageRead(7, 'promo-input', makeCheckoutPageRead('SAVE18'));
    expect(hint.tone).toBe('bad');
    expect(hint).toEqual(fromFullRead);
    const state = await harness.tabState(7);
    expect(state.diagnosis?.enteredCode).toBe('SAVE18');
    expect(state.snapshot?.promo.enteredCode).toMatchObject({
      value: 'SAVE18',
      source: 'pasted into the promo field',
    });
    expect(state.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
  });

  it('gets no answer and changes nothing while the tab has sent no page yet', async () => {
    const harness = createHarness();
    expect(await harness.paste(7, 'SAVE18')).toBeNull();
    expect((await harness.tabState(7)).snapshot).toBeNull();
  });

  it('is refused from a sender that is not our content script in an AliExpress tab', () => {
    const harness = createHarness();
    expect(harness.send(pastedMessage('SAVE18'), senders.popup())).toBeUndefined();
    expect(
      harness.send({ ...pastedMessage('SAVE18'), capture: null }, senders.contentScript(7)),
    ).toBeUndefined();
  });
});
