/**
 * The content script reads only the summary on load (issue 8); the background asks the tab for its lines
 * when the popup opens, and answers a paste from memory while the writes land behind it.
 */
import { describe, expect, it } from 'vitest';
import { LINES_NOT_READ_YET, type PageRead } from '../../src/shared/page-model/raw.ts';
import type { HintModel } from '../../src/shared/protocol.ts';
import { CHECKOUT_URL, makeCheckoutPageRead, makePromo, pastedMessage } from './builders.ts';
import { senders } from './fake-browser.ts';
import { createHarness } from './harness.ts';

/** The load read: the same page without its lines. */
function summaryOnly(typed: string | null = null): PageRead {
  const whole = makeCheckoutPageRead(typed);
  return { ...whole, raw: { ...whole.raw, lines: null, linesMissing: LINES_NOT_READ_YET } };
}

describe('cart lines on demand', () => {
  it('asks the tab for its lines when the popup opens, and shows them', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', summaryOnly());
    harness.browser.contentScripts.set(7, (message) =>
      (message as { type: string }).type === 'background->content:read-page'
        ? makeCheckoutPageRead()
        : undefined,
    );
    const state = await harness.tabState(7);
    expect(harness.browser.sentToTabs).toEqual([
      { tabId: 7, message: { type: 'background->content:read-page' } },
    ]);
    expect(state.snapshot?.lines).toMatchObject({ known: true });
    expect(state.snapshot?.lines.known && state.snapshot.lines.value[0]?.title).toBe(
      'Baseus 65W GaN charger, 3 ports',
    );
    // Once the background holds the lines, opening the popup again does not ask again.
    await harness.tabState(7);
    expect(harness.browser.sentToTabs).toHaveLength(1);
  });

  it('still answers the popup, with the summary, when the tab has no content script to ask', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', summaryOnly());
    const state = await harness.tabState(7);
    expect(state.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    expect(state.snapshot?.lines).toEqual({ known: false, reason: LINES_NOT_READ_YET });
  });

  it('ignores a reply that is not a page read', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', summaryOnly());
    harness.browser.contentScripts.set(7, () => ({ url: CHECKOUT_URL, raw: 'not a page' }));
    const state = await harness.tabState(7);
    expect(state.snapshot?.lines.known).toBe(false);
  });
});

describe('a paste answered from memory', () => {
  it('gets the same hint as the slow path, and the popup opened right after sees the pasted code', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', makeCheckoutPageRead(null));
    const quick = (await harness.send(
      pastedMessage('SAVE18'),
      senders.contentScript(7, CHECKOUT_URL),
    )) as HintModel;
    // The same paste in a worker that just started (nothing in memory): read from storage first.
    const restarted = createHarness();
    await restarted.pageRead(7, 'load', makeCheckoutPageRead(null));
    const slow = (await restarted
      .restart()
      .send(pastedMessage('SAVE18'), senders.contentScript(7, CHECKOUT_URL))) as HintModel;
    expect(quick.tone).toBe('bad');
    expect(quick).toEqual(slow);
    const state = await harness.tabState(7);
    expect(state.diagnosis?.enteredCode).toBe('SAVE18');
    expect(harness.browser.badges.get(7)?.text).toBe('!');
  });

  it('uses the codes the shopper saved a moment ago, not a catalog remembered from before', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', makeCheckoutPageRead(null));
    const before = (await harness.send(
      pastedMessage('MYCODE5'),
      senders.contentScript(7, CHECKOUT_URL),
    )) as HintModel;
    expect(before.tone).toBe('unknown');
    await harness.send(
      {
        type: 'popup->background:add-code',
        promo: makePromo({ code: 'MYCODE5' }),
      },
      senders.popup(),
    );
    const after = (await harness.send(
      pastedMessage('MYCODE5'),
      senders.contentScript(7, CHECKOUT_URL),
    )) as HintModel;
    expect(after.tone).not.toBe('unknown');
  });
});
