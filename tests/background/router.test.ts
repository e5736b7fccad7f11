import { afterEach, describe, expect, it } from 'vitest';
import { isAliExpressPage, ROUTED_MESSAGE_TYPES } from '../../src/background/router.ts';
import { BADGE_COLORS } from '../../src/background/badge.ts';
import { known } from '../../src/rules/schemas/field.ts';
import {
  CONTENT_TO_BACKGROUND,
  POPUP_TO_BACKGROUND,
  type ActionReply,
  type HintModel,
} from '../../src/shared/protocol.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, senders } from './fake-browser.ts';
import {
  CART_URL,
  CHECKOUT_URL,
  PAY_RESULT_URL,
  makeCheckoutPageRead,
  makeCheckoutSnapshot,
  makePromo,
  withEnteredCode,
} from './builders.ts';
import { createHarness, quietWarnings, type Harness } from './harness.ts';
import { vi } from 'vitest';
import { HINT_STYLESHEET } from '../../src/shared/hint-style.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const checkout = makeCheckoutSnapshot();
const pageRead = makeCheckoutPageRead('SAVE18');
const pageMessage = (trigger = 'promo-input', page: unknown = pageRead) => ({
  type: CONTENT_TO_BACKGROUND.page,
  trigger,
  page,
});

/** Everything a message could change: both storage areas and the badges. */
function observable(harness: Harness) {
  return {
    local: harness.browser.storage.local.snapshot(),
    session: harness.browser.storage.session.snapshot(),
    badges: [...harness.browser.badges.entries()],
  };
}

async function settled(harness: Harness) {
  await harness.service.store.ready;
  return observable(harness);
}

describe('checks at the door', () => {
  it('routes every message name of the protocol', () => {
    expect([...ROUTED_MESSAGE_TYPES].sort()).toEqual(
      [...Object.values(CONTENT_TO_BACKGROUND), ...Object.values(POPUP_TO_BACKGROUND)].sort(),
    );
  });

  it.each([
    ['https://www.aliexpress.com/p/trade/confirm.html?x=1', true],
    ['https://www.aliexpress.us/p/shoppingcart/index.html', true],
    ['https://es.aliexpress.com/p/second-payment/pay-result.html?pmntId=1', true],
    ['https://aliexpress.com/p/shoppingcart/index.html', true],
    ['http://www.aliexpress.com/p/trade/confirm.html', false],
    ['https://www.aliexpress.com.evil.example/p/trade/confirm.html', false],
    ['https://notaliexpress.com/p/trade/confirm.html', false],
    ['https://user:pass@www.aliexpress.com/p/trade/confirm.html', false],
    ['https://www.aliexpress.com:8443/p/trade/confirm.html', false],
    ['chrome-extension://abc/src/popup/index.html', false],
    ['not a url', false],
  ])('%s is an AliExpress page: %s', (url, expected) => {
    expect(isAliExpressPage(url)).toBe(expected);
  });

  const wrongSenders: [string, unknown, Parameters<Harness['send']>[1]][] = [
    [
      'content message from another extension',
      pageMessage(),
      { ...senders.contentScript(3), id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' },
    ],
    [
      'content message from a non-AliExpress tab',
      pageMessage(),
      senders.contentScript(3, 'https://shop.example.com/checkout'),
    ],
    [
      'content message from an http AliExpress tab',
      pageMessage(),
      senders.contentScript(3, 'http://www.aliexpress.com/p/trade/confirm.html'),
    ],
    ['content message with no tab', pageMessage(), { id: EXTENSION_ID, url: CART_URL }],
    ['content message from our popup', pageMessage(), senders.popup()],
    [
      'popup message from a content script',
      { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: 'a', code: 'SAVE8', used: true },
      senders.contentScript(3),
    ],
    [
      'popup message from another extension',
      { type: POPUP_TO_BACKGROUND.addCode, promo: makePromo() },
      senders.otherExtension(),
    ],
    [
      'popup message with no sender id',
      { type: POPUP_TO_BACKGROUND.removeCode, code: 'SAVE8' },
      { url: `${EXTENSION_ORIGIN}src/popup/index.html` },
    ],
  ];

  it.each(wrongSenders)('ignores a %s: no answer, no state change', async (_label, message, sender) => {
    const harness = createHarness();
    const before = await settled(harness);
    expect(harness.send(message, sender)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(observable(harness)).toEqual(before);
  });

  const badPayloads: [string, unknown][] = [
    ['a page read missing its raw page', pageMessage('promo-input', { ...pageRead, raw: undefined })],
    ['an unknown trigger', pageMessage('hover')],
    [
      'a negative line quantity',
      pageMessage('load', {
        ...pageRead,
        raw: {
          ...pageRead.raw,
          lines: { lines: [{ ...pageRead.raw.lines?.lines[0], quantity: -1 }], source: 'x' },
        },
      }),
    ],
    [
      'a 100 KB typed code',
      pageMessage('promo-input', {
        ...pageRead,
        capture: { lastCode: { code: 'A'.repeat(100_000), via: 'paste', at: 0 }, appliedCode: null },
      }),
    ],
    ['a 100 KB cookie', pageMessage('load', { ...pageRead, cookie: 'x'.repeat(100_000) })],
    ['a snapshot where a page read belongs', pageMessage('load', checkout)],
    ['a tab state for tab -1', { type: POPUP_TO_BACKGROUND.getTabState, tabId: -1 }],
    [
      'an http feed URL',
      { type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: 'http://feeds.example.org/a.json' },
    ],
    ['a javascript: feed URL', { type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: 'javascript:alert(1)' }],
    [
      'an own code with lower-case letters',
      { type: POPUP_TO_BACKGROUND.addCode, promo: { ...makePromo(), code: 'save8' } },
    ],
    [
      'a code marked used with a number for a code',
      { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: 'a', code: 8, used: true },
    ],
  ];

  it.each(badPayloads)('ignores %s with a warning, no state change', async (_label, message) => {
    const harness = createHarness();
    const before = await settled(harness);
    const warn = quietWarnings();
    const sender = (message as { type: string }).type.startsWith('popup')
      ? senders.popup()
      : senders.contentScript(3);
    expect(harness.send(message, sender)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('malformed message'),
      expect.anything(),
      expect.anything(),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(observable(harness)).toEqual(before);
  });

  const notMessages: [string, unknown][] = [
    ['undefined', undefined],
    ['a string', 'content->background:snapshot'],
    ['an array', [CONTENT_TO_BACKGROUND.page]],
    ['an unknown type', { type: 'content->background:delete-everything' }],
    ['a prototype key as type', { type: '__proto__' }],
    [
      'a type inherited from a crafted prototype',
      Object.create({ type: POPUP_TO_BACKGROUND.refreshFeed }) as unknown,
    ],
    [
      'a JSON __proto__ payload',
      JSON.parse('{"type":"popup->background:remove-code","__proto__":{"code":"SAVE8"}}') as unknown,
    ],
    [
      'an object whose type getter throws',
      Object.defineProperty({}, 'type', {
        enumerable: true,
        get() {
          throw new Error('gotcha');
        },
      }),
    ],
  ];

  it.each(notMessages)('ignores %s', async (_label, message) => {
    const harness = createHarness();
    const before = await settled(harness);
    quietWarnings();
    expect(harness.send(message, senders.popup())).toBeUndefined();
    expect(harness.send(message, senders.contentScript(3))).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(observable(harness)).toEqual(before);
  });
});

describe('a page read through the door', () => {
  it('is assembled into a snapshot, diagnosed, and answered with a hint', async () => {
    const harness = createHarness();
    const hint = (await harness.pageRead(7, 'promo-input', makeCheckoutPageRead('SAVE18'))) as HintModel;
    expect(hint.tone).toBe('bad');
    expect(hint.detail).toMatch(/US \$99\.00.*US \$87\.40/);
    expect(harness.browser.badges.get(7)?.text).toBe('!');
    const state = await harness.tabState(7);
    expect(state.accountId).toBe('4465986603');
    expect(state.snapshot?.amounts.itemsSubtotal).toEqual(
      expect.objectContaining({ known: true, value: 8740 }),
    );
  });

  it('reads the page at the URL the browser reports, not the one the message claims', async () => {
    const harness = createHarness();
    const claimsPaymentResult = { ...makeCheckoutPageRead('SAVE8'), url: PAY_RESULT_URL };
    await harness.send(pageMessage('load', claimsPaymentResult), senders.contentScript(7, CHECKOUT_URL));
    expect((await harness.tabState(7)).snapshot).toEqual(
      expect.objectContaining({ pageKind: 'checkout', url: CHECKOUT_URL }),
    );
  });
});

describe('a snapshot from the checkout', () => {
  it.each([
    [
      'SAVE8 (US $8 off US $59+) fits US $87.40: green check',
      'SAVE8',
      { text: '✓', color: BADGE_COLORS.applies },
    ],
    [
      'SAVE18 (US $18 off US $99+) on US $87.40: red !',
      'SAVE18',
      { text: '!', color: BADGE_COLORS.rejected },
    ],
    ['no code typed: the number of codes that fit', '', { text: '1', color: BADGE_COLORS.count }],
  ])('%s', async (_label, code, badge) => {
    const harness = createHarness();
    await harness.snapshot(7, 'mutation', withEnteredCode(checkout, code));
    expect(harness.browser.badges.get(7)).toEqual(badge);
  });

  it('shows no badge when no code fits and none was typed', async () => {
    const harness = createHarness();
    const small = makeCheckoutSnapshot({
      amounts: { ...checkout.amounts, itemsSubtotal: known(2999, 'summary') },
    });
    await harness.snapshot(7, 'load', small);
    expect(harness.browser.badges.get(7)?.text).toBe('');
  });

  it('does not count example codes as codes that fit', async () => {
    const harness = createHarness({
      bundledFeed: {
        ...(await import('./builders.ts')).makeFeed([makePromo({ code: 'EXAMPLE8', example: true })]),
      },
    });
    await harness.snapshot(7, 'load', checkout);
    expect(harness.browser.badges.get(7)?.text).toBe('');
  });

  it('answers the promo field with a hint: verdict, the numbers, the fix and the code that fits', async () => {
    const harness = createHarness();
    const hint = (await harness.snapshot(7, 'promo-input', withEnteredCode(checkout, 'SAVE18'))) as HintModel;
    expect(hint).toEqual({
      tone: 'bad',
      headline: expect.stringContaining('SAVE18'),
      detail: expect.stringMatching(/US \$99\.00.*US \$87\.40/),
      fix: expect.stringContaining('US $11.60'),
      copy: { code: 'SAVE8', label: 'Copy SAVE8', copiedLabel: 'Copied SAVE8' },
      dismissLabel: 'Dismiss',
      stylesheet: HINT_STYLESHEET,
    });
  });

  it('offers the exact code when the shopper mistyped it, without calling the right code rejected', async () => {
    const harness = createHarness();
    const hint = (await harness.snapshot(7, 'apply-click', withEnteredCode(checkout, 'SAVEB'))) as HintModel;
    expect(hint.tone).toBe('bad');
    expect(hint.headline).not.toMatch(/SAVE8 will be rejected/);
    expect(hint.detail).toMatch(/You typed \W?SAVEB\W?, the code is SAVE8/);
    expect(hint.copy?.code).toBe('SAVE8');
  });

  it('warns when AliExpress already took a code off and the page does not say which', async () => {
    const harness = createHarness();
    const applied = makeCheckoutSnapshot({
      promo: { applied: known({ code: null, discountMinor: 800 }, 'order summary') },
    });
    const hint = (await harness.snapshot(7, 'promo-input', withEnteredCode(applied, 'SAVE8'))) as HintModel;
    expect(hint.tone).toBe('warn');
    expect(hint.detail).toMatch(/already applied/);
  });

  it('words the hint in the browser language', async () => {
    const harness = createHarness({ uiLanguage: 'es-419' });
    const hint = (await harness.snapshot(7, 'promo-input', withEnteredCode(checkout, 'SAVE18'))) as HintModel;
    expect(hint.headline).toContain('será rechazado');
    expect(hint.copy?.label).toBe('Copiar SAVE8');
    expect(hint.dismissLabel).toBe('Cerrar');
  });

  it('answers null to page loads and mutations', async () => {
    const harness = createHarness();
    expect(await harness.snapshot(7, 'load', withEnteredCode(checkout, 'SAVE18'))).toBeNull();
    expect(await harness.snapshot(7, 'mutation', withEnteredCode(checkout, 'SAVE18'))).toBeNull();
  });

  it('keeps the last code typed when AliExpress clears the field after Apply', async () => {
    const harness = createHarness();
    await harness.snapshot(7, 'apply-click', withEnteredCode(checkout, 'SAVE8'));
    await harness.snapshot(7, 'mutation', withEnteredCode(checkout, ''));
    expect(harness.browser.badges.get(7)?.text).toBe('✓');
    const state = await harness.tabState(7);
    expect(state.diagnosis?.enteredCode).toBe('SAVE8');
    expect(state.diagnosis?.verdict).toBe('will-apply');
  });

  it('keeps tabs apart', async () => {
    const harness = createHarness();
    await harness.snapshot(7, 'promo-input', withEnteredCode(checkout, 'SAVE18'));
    await harness.snapshot(8, 'promo-input', withEnteredCode(checkout, 'SAVE8'));
    expect(harness.browser.badges.get(7)?.text).toBe('!');
    expect(harness.browser.badges.get(8)?.text).toBe('✓');
    expect((await harness.tabState(7)).diagnosis?.enteredCode).toBe('SAVE18');
  });

  it('forgets a tab when it closes, and its snapshot when it navigates', async () => {
    const harness = createHarness();
    await harness.snapshot(7, 'promo-input', withEnteredCode(checkout, 'SAVE18'));
    harness.browser.tabUpdatedListeners.forEach((listener) => listener(7, { status: 'loading' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await harness.tabState(7)).snapshot).toBeNull();
    expect(harness.browser.badges.get(7)?.text).toBe('');
    harness.browser.tabRemovedListeners.forEach((listener) => listener(7));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(harness.browser.storage.session.snapshot()).toEqual({});
  });
});

describe('the worker stopped between messages', () => {
  it('a new instance over the same storage continues the journey', async () => {
    const first = createHarness();
    await first.snapshot(7, 'apply-click', withEnteredCode(checkout, 'SAVE18'));
    const second = first.restart();
    await second.snapshot(7, 'mutation', withEnteredCode(checkout, ''));
    expect(second.browser.badges.get(7)?.text).toBe('!');
    const state = await second.tabState(7);
    expect(state.snapshot?.url).toBe(checkout.url);
    expect(state.diagnosis?.verdict).toBe('will-be-rejected');
    expect(state.diagnosis?.culprit?.id).toBe('min-spend');
  });
});

describe('popup requests', () => {
  it('answers a tab it knows nothing about with a useful empty state', async () => {
    const harness = createHarness();
    const state = await harness.tabState(99);
    expect(state).toEqual(
      expect.objectContaining({
        tabId: 99,
        snapshot: null,
        diagnosis: null,
        matches: null,
        accountId: 'unknown-account',
        history: [],
      }),
    );
    expect(state.feed).toEqual({
      activeSource: 'bundled',
      publisher: 'Promo Code Doctor (bundled)',
      generatedAt: '2026-11-15T00:00:00Z',
      codeCount: 2,
      feedUrl: '',
      lastAttempt: null,
    });
  });

  it('marks and unmarks a code as used for the account on the tab, newest first', async () => {
    const harness = createHarness();
    await harness.snapshot(7, 'load', checkout);
    const mark = (code: string, used: boolean) =>
      harness.send(
        { type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: '4465986603', code, used },
        senders.popup(),
      );
    expect(await mark('SAVE8', true)).toEqual({ ok: true });
    harness.clock = new Date('2026-11-24T19:00:00Z');
    await mark('SAVE18', true);
    await mark('SAVE18', true);
    let state = await harness.tabState(7);
    expect(state.history.map((entry) => [entry.code, entry.source])).toEqual([
      ['SAVE18', 'manual'],
      ['SAVE8', 'manual'],
    ]);
    // SAVE8 used: it no longer fits, so nothing fits US $87.40 and the badge goes blank.
    expect(state.matches?.fitting).toEqual([]);
    expect(harness.browser.badges.get(7)?.text).toBe('');
    await mark('SAVE8', false);
    state = await harness.tabState(7);
    expect(state.history.map((entry) => entry.code)).toEqual(['SAVE18']);
    expect(state.matches?.fitting.map((match) => match.promo.code)).toEqual(['SAVE8']);
  });

  it('adds the shopper’s own code, which then fits the cart, and removes it', async () => {
    const harness = createHarness();
    await harness.snapshot(7, 'load', checkout);
    const mine = makePromo({
      code: 'MYSHOP10',
      discount: { kind: 'fixed', amount: { amountMinor: 1000, currency: 'USD' } },
    });
    expect(await harness.send({ type: POPUP_TO_BACKGROUND.addCode, promo: mine }, senders.popup())).toEqual({
      ok: true,
    });
    let state = await harness.tabState(7);
    expect(state.myCodes.map((promo) => promo.code)).toEqual(['MYSHOP10']);
    expect(state.matches?.fitting[0]).toEqual(
      expect.objectContaining({ source: 'mine', promo: expect.objectContaining({ code: 'MYSHOP10' }) }),
    );
    await harness.send({ type: POPUP_TO_BACKGROUND.removeCode, code: 'MYSHOP10' }, senders.popup());
    state = await harness.tabState(7);
    expect(state.myCodes).toEqual([]);
  });

  it('saves a feed URL and tries it at once; the popup sees the outcome', async () => {
    const harness = createHarness();
    harness.browser.fetchImpl = async () => new Response('Service Unavailable', { status: 503 });
    const reply = (await harness.send(
      { type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: 'https://feeds.example.org/aliexpress.json' },
      senders.popup(),
    )) as ActionReply;
    expect(reply).toEqual({
      ok: true,
      attempt: { at: harness.clock.toISOString(), ok: false, error: 'HTTP 503' },
    });
    const state = await harness.tabState(1);
    expect(state.settings).toEqual({ feedUrl: 'https://feeds.example.org/aliexpress.json' });
    expect(state.feed.lastAttempt).toEqual({ at: harness.clock.toISOString(), ok: false, error: 'HTTP 503' });
    expect(state.feed.activeSource).toBe('bundled');
  });

  it('uses a refreshed remote feed for the tab, and reports the refresh', async () => {
    const harness = createHarness();
    const { makeFeed } = await import('./builders.ts');
    const remote = makeFeed([
      makePromo({
        code: 'WINTER12',
        discount: { kind: 'fixed', amount: { amountMinor: 1200, currency: 'USD' } },
      }),
    ]);
    harness.browser.fetchImpl = async () => new Response(JSON.stringify(remote), { status: 200 });
    await harness.send(
      { type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: 'https://feeds.example.org/aliexpress.json' },
      senders.popup(),
    );
    await harness.snapshot(7, 'load', checkout);
    const state = await harness.tabState(7);
    expect(state.feed).toEqual(
      expect.objectContaining({ activeSource: 'remote-feed', publisher: 'Example Coupons', codeCount: 1 }),
    );
    expect(state.matches?.fitting.map((match) => match.promo.code)).toEqual(['WINTER12', 'SAVE8']);
    const reply = (await harness.send(
      { type: POPUP_TO_BACKGROUND.refreshFeed },
      senders.popup(),
    )) as ActionReply;
    expect(reply).toEqual({ ok: true, attempt: { at: harness.clock.toISOString(), ok: true, error: null } });
  });

  it('answers the popup at once while a feed download is still running', async () => {
    const harness = createHarness();
    const { makeFeed } = await import('./builders.ts');
    let finishDownload: (response: Response) => void = () => undefined;
    harness.browser.fetchImpl = () => new Promise<Response>((resolve) => (finishDownload = resolve));
    const saving = harness.send(
      { type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: 'https://feeds.example.org/aliexpress.json' },
      senders.popup(),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    const during = await harness.tabState(1);
    expect(during.feed).toEqual(expect.objectContaining({ activeSource: 'bundled', lastAttempt: null }));
    expect(during.settings.feedUrl).toBe('https://feeds.example.org/aliexpress.json');
    finishDownload(new Response(JSON.stringify(makeFeed()), { status: 200 }));
    await saving;
    expect((await harness.tabState(1)).feed).toEqual(
      expect.objectContaining({
        activeSource: 'remote-feed',
        lastAttempt: expect.objectContaining({ ok: true }),
      }),
    );
  });

  it('shows storage notices in the browser language until the shopper dismisses them', async () => {
    const { FakeStorageArea } = await import('./fake-browser.ts');
    const local = new FakeStorageArea();
    local.data.set('schemaVersion', 2);
    local.data.set('history', [
      { accountId: '4465986603', code: 'SAVE8', usedAt: '2026-11-01T12:00:00Z', source: 'order' },
      'garbage',
    ]);
    const harness = createHarness({ local });
    const state = await harness.tabState(1);
    expect(state.notices).toEqual([
      '1 saved record(s) of used codes could not be read and were removed; 1 kept.',
    ]);
    expect(await harness.send({ type: POPUP_TO_BACKGROUND.dismissNotices }, senders.popup())).toEqual({
      ok: true,
    });
    expect((await harness.tabState(1)).notices).toEqual([]);
  });

  it('reports a full storage instead of failing silently', async () => {
    const harness = createHarness();
    await harness.service.store.ready;
    harness.browser.storage.local.failWrites = new Error('QUOTA_BYTES quota exceeded');
    quietWarnings();
    const reply = await harness.send(
      { type: POPUP_TO_BACKGROUND.addCode, promo: makePromo({ code: 'MYSHOP5' }) },
      senders.popup(),
    );
    expect(reply).toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded' });
    expect((await harness.tabState(1)).notices).toEqual([
      'Could not save to browser storage (QUOTA_BYTES quota exceeded). Your last change may be lost.',
    ]);
  });
});
