/**
 * Random and malformed messages at the router from every kind of sender: no exception, no reply, no
 * change to storage or badges. (The full 10,000-message run lives with the hardening tests.)
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_TO_BACKGROUND, POPUP_TO_BACKGROUND } from '../../src/shared/protocol.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, senders } from './fake-browser.ts';
import { makeCheckoutPageRead, makeCheckoutSnapshot } from './builders.ts';
import { createHarness } from './harness.ts';

/** Message names that carry a payload to get wrong (refreshFeed and dismissNotices have none). */
const TYPES_WITH_PAYLOAD = [
  CONTENT_TO_BACKGROUND.page,
  POPUP_TO_BACKGROUND.getTabState,
  POPUP_TO_BACKGROUND.setCodeUsed,
  POPUP_TO_BACKGROUND.addCode,
  POPUP_TO_BACKGROUND.removeCode,
  POPUP_TO_BACKGROUND.saveSettings,
];

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '<img src=x onerror=alert(1)>',
    '\u202Egnp.exe',
    '',
  ),
  fc.constant('x'.repeat(100_000)),
);
const anyValue = fc.oneof(
  fc.anything(),
  hostileString,
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
);

/** Messages whose type is real but whose payload is wrong in one field (the sender is right). */
const nearMiss = fc.record({
  type: fc.constantFrom(...TYPES_WITH_PAYLOAD),
  trigger: fc.oneof(fc.constantFrom('load', 'pay-click'), hostileString),
  page: fc.oneof(
    anyValue,
    fc.constant(makeCheckoutSnapshot()),
    fc.constant({ ...makeCheckoutPageRead(), raw: null }),
  ),
  // Never a whole number >= 0: fc.double() alone can yield 0 or 1, a valid tab id.
  tabId: fc.oneof(
    fc.integer({ max: -1 }),
    fc.double().filter((n) => !Number.isInteger(n)),
    hostileString,
  ),
  accountId: fc.oneof(fc.constant(''), fc.constant('x'.repeat(41)), fc.integer()),
  code: fc.oneof(fc.constant(''), fc.constant('A'.repeat(41)), fc.integer()),
  used: fc.oneof(fc.string(), fc.integer()),
  promo: anyValue,
  feedUrl: fc.oneof(
    fc.constant('http://feeds.example.org/a.json'),
    fc.constant('javascript:alert(1)'),
    fc.integer(),
  ),
});

/** Any message from a sender that is not ours, or not allowed to send it. */
const wrongSender = fc.oneof(
  fc.constant(senders.otherExtension()),
  fc.constant({ id: EXTENSION_ID, url: 'https://evil.example/p/trade/confirm.html', tab: { id: 4 } }),
  fc.constant({ id: EXTENSION_ID }),
  fc.constant({}),
  fc.record({ id: hostileString, url: hostileString }),
);

describe('fuzzed messages', () => {
  let harness: ReturnType<typeof createHarness>;
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    harness = createHarness();
    await harness.service.store.ready;
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  const before = () => ({
    local: harness.browser.storage.local.snapshot(),
    session: harness.browser.storage.session.snapshot(),
    badges: [...harness.browser.badges.entries()],
  });

  it('malformed payloads from our own senders: ignored', () => {
    const start = before();
    fc.assert(
      fc.property(nearMiss, fc.boolean(), (message, fromPopup) => {
        const sender = fromPopup ? senders.popup() : senders.contentScript(4);
        return harness.send(message, sender) === undefined;
      }),
      { numRuns: 400 },
    );
    expect(before()).toEqual(start);
  });

  it('anything at all, from any sender: no throw; from a wrong sender: no reply', () => {
    const start = before();
    fc.assert(
      fc.property(anyValue, wrongSender, (message, sender) => harness.send(message, sender) === undefined),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(
        anyValue,
        fc.constantFrom(senders.popup(), senders.contentScript(4), {
          id: EXTENSION_ID,
          url: EXTENSION_ORIGIN,
        }),
        (message, sender) => {
          harness.send(message, sender);
          return true;
        },
      ),
      { numRuns: 400 },
    );
    expect(before()).toEqual(start);
  });
});
