/**
 * A cart or checkout is read when the shopper first moves on it (the content script sends that read); the
 * background reads a tab itself through the reader the script offers: a payment result when it completes
 * loading, open tabs when the worker starts, the whole page (the cart lines) when the popup opens. A paste
 * is answered from memory while the writes land behind it.
 */
import { describe, expect, it, vi } from 'vitest';
import { LINES_NOT_READ_YET, type PageRead, type ReadScope } from '../../src/shared/page-model/raw.ts';
import type { HintModel } from '../../src/shared/protocol.ts';
import {
  MAIN_CONTENT_SCRIPT,
  PAGE_READER_GLOBAL,
  PAGE_READER_WAIT_MS,
} from '../../src/shared/page-reader.ts';
import { CONTENT_TO_BACKGROUND } from '../../src/shared/message-names.ts';
import { PAGE_REQUEST_TIMEOUT_MS } from '../../src/background/service.ts';
import manifest from '../../manifest.json' with { type: 'json' };
import { CHECKOUT_URL, CART_URL, PAY_RESULT_URL, makeCheckoutPageRead, makePromo } from './builders.ts';
import { senders } from './fake-browser.ts';
import { createHarness, type Harness } from './harness.ts';

/** The load read: the same page without its lines, and without a cookie (the content script reads none). */
function summaryOnly(typed: string | null = null): PageRead {
  const whole = makeCheckoutPageRead(typed);
  return { ...whole, cookie: null, raw: { ...whole.raw, lines: null, linesMissing: LINES_NOT_READ_YET } };
}

/** A content script in tab `tabId` that reads `checkout-us` as the real one does: lines only when asked. */
function offerCheckout(harness: Harness, tabId: number): void {
  harness.browser.pageReaders.set(tabId, (scope: ReadScope) =>
    scope.lines ? { ...makeCheckoutPageRead(), cookie: null } : summaryOnly(),
  );
}

/** The browser reports tab `tabId` complete at `url`, as `tabs.onUpdated` does. */
function completeLoading(harness: Harness, tabId: number, url: string): void {
  for (const listener of harness.browser.tabUpdatedListeners)
    listener(tabId, { status: 'complete' }, { url });
}

/** The snapshot the background keeps for tab `tabId` (storage.session), or null: read without asking. */
function storedSnapshot(harness: Harness, tabId: number): { pageKind?: string } | null {
  const record = harness.browser.storage.session.data.get(`tab:${tabId}`) as
    { snapshot?: { pageKind?: string } | null } | undefined;
  return record?.snapshot ?? null;
}

const US_COOKIE = 'site=usa&c_tp=USD&x_alimid=4465986603&isb=y&region=US&b_locale=en_US';

describe('the background reads the tab', () => {
  it('leaves a cart or checkout alone when it completes loading: its first read waits for the shopper', async () => {
    const harness = createHarness();
    offerCheckout(harness, 7);
    completeLoading(harness, 7, CHECKOUT_URL);
    completeLoading(harness, 8, CART_URL);
    await harness.service.onTabComplete(7, CHECKOUT_URL);
    expect(harness.browser.injected).toEqual([]);
    expect(harness.browser.executed).toEqual([]);
    expect(storedSnapshot(harness, 7)).toBeNull();
  });

  it('reads a payment result as soon as it completes loading, in its next idle period, and records the order', async () => {
    const harness = createHarness();
    harness.browser.cookieJar.set('aep_usuc_f', US_COOKIE);
    harness.browser.pageReaders.set(7, () => ({ ...summaryOnly(), url: PAY_RESULT_URL }));
    completeLoading(harness, 7, PAY_RESULT_URL);
    await vi.waitFor(() => expect(storedSnapshot(harness, 7)?.pageKind).toBe('order-placed'));
    expect(harness.browser.injected).toEqual([{ tabId: 7, files: [MAIN_CONTENT_SCRIPT] }]);
    expect(harness.browser.executed).toEqual([
      { tabId: 7, args: [PAGE_READER_GLOBAL, { lines: false }, PAGE_READER_WAIT_MS, true] },
    ]);
  });

  it('takes the region from the cookie jar for the first read, and sets the badge', async () => {
    const harness = createHarness();
    harness.browser.cookieJar.set('aep_usuc_f', US_COOKIE);
    await harness.pageRead(7, 'load', summaryOnly());
    await vi.waitFor(() => expect(harness.browser.badges.get(7)?.text).toMatch(/^\d+$/));
    const state = await harness.tabState(7);
    expect(state.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    expect(state.snapshot?.region.shipTo).toMatchObject({ known: true, value: 'US' });
    expect(state.snapshot?.currency).toMatchObject({ known: true, value: 'USD' });
  });

  it('says the region is not read when the browser has no region cookie, rather than guess', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', summaryOnly());
    const state = await harness.tabState(7);
    expect(state.snapshot?.region.shipTo.known).toBe(false);
  });

  it('reads no tab that is not a cart, checkout or payment result', async () => {
    const harness = createHarness();
    offerCheckout(harness, 7);
    for (const url of [
      'https://www.aliexpress.com/item/1005006123456789.html',
      'https://www.aliexpress.com/',
      'https://example.com/p/trade/confirm.html',
    ])
      await harness.service.onTabComplete(7, url);
    harness.browser.openTabs.set(8, 'https://www.aliexpress.com/item/1005006123456789.html');
    await harness.service.readOpenTabs();
    expect(harness.browser.executed).toEqual([]);
  });

  it('reads the payment results that loaded before the worker listened, and only those it knows nothing of', async () => {
    const harness = createHarness();
    harness.browser.cookieJar.set('aep_usuc_f', US_COOKIE);
    const payResult = () => ({ ...summaryOnly(), url: PAY_RESULT_URL });
    for (const tabId of [7, 8, 9]) harness.browser.pageReaders.set(tabId, payResult);
    await harness.pageRead(8, 'load', payResult());
    harness.browser.openTabs.set(7, PAY_RESULT_URL).set(8, PAY_RESULT_URL).set(9, CHECKOUT_URL);
    await harness.service.readOpenTabs();
    // Only completed AliExpress carts, checkouts and payment results: never every tab.
    expect(harness.browser.tabQueries.at(-1)).toEqual({
      url: manifest.content_scripts.flatMap((script) => script.matches),
      status: 'complete',
    });
    // Not 8 (known), not 9 (a checkout waits for the shopper's first move).
    expect(harness.browser.executed.map((call) => call.tabId)).toEqual([7]);
    expect(storedSnapshot(harness, 7)?.pageKind).toBe('order-placed');
  });

  it('reads the lines when the popup opens, and shows them', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', summaryOnly());
    offerCheckout(harness, 7);
    const state = await harness.tabState(7);
    expect(harness.browser.executed).toEqual([
      { tabId: 7, args: [PAGE_READER_GLOBAL, { lines: true }, PAGE_REQUEST_TIMEOUT_MS, false] },
    ]);
    expect(state.snapshot?.lines).toMatchObject({ known: true });
    expect(state.snapshot?.lines.known && state.snapshot.lines.value[0]?.title).toBe(
      'Baseus 65W GaN charger, 3 ports',
    );
    // Once the background holds the lines, opening the popup again does not read again.
    await harness.tabState(7);
    expect(harness.browser.executed).toHaveLength(1);
  });

  it('reads the whole page when the popup opens before the shopper moved on the page', async () => {
    const harness = createHarness();
    offerCheckout(harness, 7);
    harness.browser.openTabs.set(7, CHECKOUT_URL);
    const state = await harness.tabState(7);
    // The main content script first (the page's small one only listens), then the read through it.
    expect(harness.browser.injected).toEqual([{ tabId: 7, files: [MAIN_CONTENT_SCRIPT] }]);
    expect(harness.browser.executed).toEqual([
      { tabId: 7, args: [PAGE_READER_GLOBAL, { lines: true }, PAGE_REQUEST_TIMEOUT_MS, false] },
    ]);
    expect(state.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    expect(state.snapshot?.lines).toMatchObject({ known: true });
  });

  it('reads nothing when the popup opens on a tab that is not a cart or checkout', async () => {
    const harness = createHarness();
    harness.browser.openTabs.set(7, 'https://www.aliexpress.com/item/1005006123456789.html');
    await harness.tabState(7);
    await harness.tabState(8);
    expect(harness.browser.injected).toEqual([]);
    expect(harness.browser.executed).toEqual([]);
  });

  it("injects the main content script when the page's small one asks (the shopper moved)", async () => {
    const harness = createHarness();
    await harness.send({ type: CONTENT_TO_BACKGROUND.wake }, senders.contentScript(7, CHECKOUT_URL));
    expect(harness.browser.injected).toEqual([{ tabId: 7, files: [MAIN_CONTENT_SCRIPT] }]);
    // From anything but our content script in an AliExpress tab, nothing is injected.
    await harness.send(
      { type: CONTENT_TO_BACKGROUND.wake },
      senders.contentScript(8, 'https://example.com/'),
    );
    await harness.send({ type: CONTENT_TO_BACKGROUND.wake }, senders.popup());
    expect(harness.browser.injected).toHaveLength(1);
  });

  it('still answers the popup, with the summary, when the tab has no content script to read', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', summaryOnly());
    const state = await harness.tabState(7);
    expect(state.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    expect(state.snapshot?.lines).toEqual({ known: false, reason: LINES_NOT_READ_YET });
  });

  it('ignores an answer that is not a page read', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', summaryOnly());
    harness.browser.pageReaders.set(7, () => ({ url: CHECKOUT_URL, raw: 'not a page' }));
    const state = await harness.tabState(7);
    expect(state.snapshot?.lines.known).toBe(false);
  });
});

describe('a paste answered from memory', () => {
  it('gets the same hint as the slow path, and the popup opened right after sees the pasted code', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', makeCheckoutPageRead(null));
    const quick = (await harness.paste(7, 'SAVE18')) as HintModel;
    // The same paste in a worker that just started (nothing in memory): read from storage first.
    const restarted = createHarness();
    await restarted.pageRead(7, 'load', makeCheckoutPageRead(null));
    const slow = (await restarted.restart().paste(7, 'SAVE18')) as HintModel;
    expect(quick.tone).toBe('bad');
    expect(quick).toEqual(slow);
    const state = await harness.tabState(7);
    expect(state.diagnosis?.enteredCode).toBe('SAVE18');
    expect(harness.browser.badges.get(7)?.text).toBe('!');
  });

  it('uses the codes the shopper saved a moment ago, not a catalog remembered from before', async () => {
    const harness = createHarness();
    await harness.pageRead(7, 'load', makeCheckoutPageRead(null));
    const before = (await harness.paste(7, 'MYCODE5')) as HintModel;
    expect(before.tone).toBe('unknown');
    await harness.send(
      {
        type: 'popup->background:add-code',
        promo: makePromo({ code: 'MYCODE5' }),
      },
      senders.popup(),
    );
    const after = (await harness.paste(7, 'MYCODE5')) as HintModel;
    expect(after.tone).not.toBe('unknown');
  });
});
