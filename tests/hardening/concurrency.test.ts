/**
 * Concurrency: two tabs placing orders at the same moment (2 x 100 orders, Pay and payment result
 * interleaved) must give 200 history entries, none lost and none doubled; and the popup asking for its
 * state while a feed refresh is under way must get one consistent picture: the feed it names is the feed
 * whose codes it lists.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CodeMatch } from '../../src/rules/types.ts';
import { POPUP_TO_BACKGROUND, type ActionReply, type TabState } from '../../src/shared/protocol.ts';
import { known } from '../../src/rules/schemas/field.ts';
import {
  makeCheckoutSnapshot,
  makeFeed,
  makePaymentResultSnapshot,
  makePromo,
} from '../background/builders.ts';
import { senders } from '../background/fake-browser.ts';
import { createHarness } from '../background/harness.ts';
import { deliverSnapshot, reportFigures, settle } from './helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The checkout after `code` applied, on `account`: what the page shows when Pay is pressed. */
function payWith(code: string, account: string) {
  return makeCheckoutSnapshot({
    accountId: known(account, 'cookie aep_usuc_f x_alimid'),
    promo: {
      enteredCode: known('', 'promo input'),
      applied: known({ code, discountMinor: 800 }, 'order summary'),
    },
  });
}

describe('two tabs recording orders at once', () => {
  it('2 x 100 orders, interleaved message by message -> 200 history entries, each once', async () => {
    const harness = createHarness({ clock: new Date('2026-11-24T18:00:00Z') });
    const tabs = [
      { tabId: 11, account: '2201000001', prefix: 'TABA' },
      { tabId: 12, account: '2201000002', prefix: 'TABB' },
    ];
    const pending: Promise<unknown>[] = [];
    for (let order = 0; order < 100; order++) {
      // Both tabs press Pay, then both payment results arrive, without waiting for any answer.
      for (const tab of tabs)
        pending.push(
          deliverSnapshot(harness, tab.tabId, 'pay-click', payWith(`${tab.prefix}${order}`, tab.account)),
        );
      for (const tab of tabs)
        pending.push(deliverSnapshot(harness, tab.tabId, 'load', makePaymentResultSnapshot(tab.account)));
    }
    await Promise.all(pending);

    const history = await harness.service.store.read('history');
    expect(history).toHaveLength(200);
    for (const tab of tabs) {
      const codes = history.filter((entry) => entry.accountId === tab.account).map((entry) => entry.code);
      expect(codes).toEqual(Array.from({ length: 100 }, (_, order) => `${tab.prefix}${order}`));
    }
    expect(history.every((entry) => entry.source === 'order')).toBe(true);
    // A replayed payment-result snapshot records nothing twice.
    await Promise.all(
      tabs.map((tab) =>
        deliverSnapshot(harness, tab.tabId, 'mutation', makePaymentResultSnapshot(tab.account)),
      ),
    );
    expect(await harness.service.store.read('history')).toHaveLength(200);
    reportFigures('concurrency: orders', { tabs: 2, ordersPerTab: 100, historyEntries: history.length });
  });
});

describe('the popup open during a feed refresh', () => {
  const FEED_URL = 'https://feeds.example.org/aliexpress.json';
  const oldFeed = makeFeed(
    [
      makePromo({
        code: 'OLD10',
        discount: { kind: 'fixed', amount: { amountMinor: 1000, currency: 'USD' } },
      }),
    ],
    {
      publisher: 'Old Feed',
    },
  );
  const newFeed = makeFeed(
    [
      makePromo({
        code: 'NEW12',
        discount: { kind: 'fixed', amount: { amountMinor: 1200, currency: 'USD' } },
      }),
      makePromo({
        code: 'NEW14',
        discount: { kind: 'fixed', amount: { amountMinor: 1400, currency: 'USD' } },
      }),
    ],
    { publisher: 'New Feed', generatedAt: '2026-11-24T06:00:00Z' },
  );
  const codesOf: Record<string, string[]> = { 'Old Feed': ['OLD10'], 'New Feed': ['NEW12', 'NEW14'] };

  /** The feed the state names must be the feed whose codes it lists, code count included. */
  function expectConsistent(state: TabState) {
    const remote = [...(state.matches?.fitting ?? []), ...(state.matches?.nearMisses ?? [])]
      .filter((match: CodeMatch) => match.source === 'remote-feed')
      .map((match) => match.promo.code)
      .sort();
    expect(state.feed.activeSource).toBe('remote-feed');
    expect(remote).toEqual(codesOf[state.feed.publisher]);
    expect(state.feed.codeCount).toBe(codesOf[state.feed.publisher]?.length);
  }

  it('every state asked for before, during and after the download is one feed, never a mix', async () => {
    const harness = createHarness();
    harness.browser.fetchImpl = async () => new Response(JSON.stringify(oldFeed));
    await harness.send({ type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: FEED_URL }, senders.popup());
    await deliverSnapshot(harness, 7, 'load', makeCheckoutSnapshot());

    let release: () => void = () => undefined;
    harness.browser.fetchImpl = () =>
      new Promise<Response>((resolve) => {
        release = () => resolve(new Response(JSON.stringify(newFeed)));
      });
    const refresh = harness.send(
      { type: POPUP_TO_BACKGROUND.refreshFeed },
      senders.popup(),
    ) as Promise<ActionReply>;
    const states: Promise<TabState>[] = [];
    // The popup asks while the download hangs, then on every turn while the new feed is being stored.
    for (let i = 0; i < 5; i++) {
      states.push(harness.tabState(7));
      await settle();
    }
    release();
    let done = false;
    void refresh.then(() => (done = true));
    while (!done) {
      states.push(harness.tabState(7));
      await Promise.resolve();
    }
    states.push(harness.tabState(7));

    const seen = await Promise.all(states);
    for (const state of seen) expectConsistent(state);
    expect(seen[0]?.feed.publisher).toBe('Old Feed');
    expect(seen.at(-1)?.feed.publisher).toBe('New Feed');
    expect(await refresh).toEqual({ ok: true, attempt: expect.objectContaining({ ok: true }) });
    reportFigures('concurrency: popup during refresh', { statesRead: seen.length, inconsistent: 0 });
  });
});
