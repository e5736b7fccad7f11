/**
 * 10,000 random and malformed messages at every handler of the background router, over the fake browser:
 * wrong types, 100 KB strings, `__proto__` / `constructor` / `prototype` keys, deep nesting, and senders
 * that are not ours (another extension, a non-AliExpress tab, a web page, no tab). The router must never
 * throw, must leave storage and badges exactly as they were for every message it rejects, must agree with
 * the protocol's own schemas on what it accepts, and must still serve a shopper afterwards.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SenderLike } from '../../src/background/browser-like.ts';
import { ROUTED_MESSAGE_TYPES } from '../../src/background/router.ts';
import {
  CONTENT_TO_BACKGROUND,
  PageReadMessageSchema,
  POPUP_TO_BACKGROUND,
  PopupMessageSchema,
  PromoInputMessageSchema,
  WakeMessageSchema,
  type HintModel,
} from '../../src/shared/protocol.ts';
import { CART_URL, makeCheckoutPageRead, makePromo } from '../background/builders.ts';
import { EXTENSION_ID, EXTENSION_ORIGIN, senders } from '../background/fake-browser.ts';
import { createHarness, type Harness } from '../background/harness.ts';
import { observable, reportFigures, settle, unbroken } from './helpers.ts';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A well-formed message for each route, as our own popup or content script sends it. */
function validMessage(type: string): Record<string, unknown> {
  switch (type) {
    case CONTENT_TO_BACKGROUND.page:
      return { type, trigger: 'promo-input', page: makeCheckoutPageRead('SAVE18') };
    case CONTENT_TO_BACKGROUND.promoInput:
      return { type, trigger: 'promo-input', capture: makeCheckoutPageRead('SAVE18').capture };
    case POPUP_TO_BACKGROUND.getTabState:
      return { type, tabId: 7 };
    case POPUP_TO_BACKGROUND.setCodeUsed:
      return { type, accountId: '4465986603', code: 'SAVE8', used: true };
    case POPUP_TO_BACKGROUND.addCode:
      return { type, promo: makePromo({ code: 'MYSHOP5' }) };
    case POPUP_TO_BACKGROUND.removeCode:
      return { type, code: 'SAVE8' };
    case POPUP_TO_BACKGROUND.saveSettings:
      return { type, feedUrl: 'https://feeds.example.org/aliexpress.json' };
    default:
      return { type };
  }
}

const isContent = (type: string) => type.startsWith('content->');
const rightSender = (type: string): SenderLike =>
  isContent(type) ? senders.contentScript(7) : senders.popup();

/** Senders the router must never answer, whatever the message. */
const WRONG_SENDERS: Record<string, (type: string) => SenderLike> = {
  'another extension': (type) => ({
    ...(isContent(type) ? senders.contentScript(7) : senders.popup()),
    id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',
  }),
  'a non-AliExpress tab': () => senders.contentScript(7, 'https://shop.example.com/checkout'),
  'a look-alike host': () =>
    senders.contentScript(7, 'https://www.aliexpress.com.evil.example/p/trade/confirm.html'),
  'an http AliExpress tab': () => senders.contentScript(7, 'http://www.aliexpress.com/p/trade/confirm.html'),
  'a web page (no extension id)': () => ({
    url: 'https://www.aliexpress.com/p/trade/confirm.html',
    tab: { id: 7, url: 'https://www.aliexpress.com/p/trade/confirm.html' },
  }),
  'no tab': () => ({ id: EXTENSION_ID, url: CART_URL }),
  'the other side': (type) => (isContent(type) ? senders.popup() : senders.contentScript(7)),
  'an extension page of ours for content messages, a tab of ours for popup ones': (type) =>
    isContent(type)
      ? { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}src/popup/index.html`, tab: { id: 7 } }
      : { id: EXTENSION_ID, url: 'https://www.aliexpress.com/', tab: { id: 7 } },
};

/** Nested arrays and objects `depth` levels deep, built without recursion. */
function nested(depth: number, inObjects: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = inObjects ? { a: value } : [value];
  return value;
}

/** An object whose own enumerable key is a prototype name, as `JSON.parse` builds it. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const keyArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS, 'type', 'polluted', 'toString', 'valueOf') },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
);

const huge = fc.constantFrom(
  unbroken(100 * 1024),
  `<img src=x onerror=alert(1)>${unbroken(100 * 1024)}`,
  '\u202E'.repeat(50_000),
);

const deep = fc
  .tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean())
  .map(([depth, inObjects]) => nested(depth, inObjects));

/** Values of every wrong type and size. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    key: keyArbitrary,
    maxDepth: 3,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withObjectString: true,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom<unknown>(
    Number.NaN,
    Infinity,
    -Infinity,
    -1,
    1.5,
    2 ** 53,
    -0,
    '',
    ' ',
    null,
    undefined,
    true,
    [],
    {},
  ),
  huge,
  deep,
  fc.constantFrom(...PROTOTYPE_KEYS).map((key) => withOwnKey({}, key, { polluted: true })),
);

/** Paths to every property of a JSON value (not the root, not `type`). */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    if (path.length === 1 && key === 'type') continue;
    out.push(path);
    pathsOf(child, path, out);
  }
  return out;
}

type Mutation =
  | { op: 'replace'; pick: number; value: unknown }
  | { op: 'delete'; pick: number }
  | { op: 'prototype-key'; pick: number; key: (typeof PROTOTYPE_KEYS)[number]; value: unknown };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('replace' as const), pick: fc.nat(), value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('prototype-key' as const),
      pick: fc.nat(),
      key: fc.constantFrom(...PROTOTYPE_KEYS),
      value: hostileValue,
    }),
  },
);

/** The valid message for `type` with one mutation applied (on a fresh copy). */
function mutated(type: string, mutation: Mutation): Record<string, unknown> {
  const message = structuredClone(validMessage(type));
  const paths = pathsOf(message);
  const containers = [[] as (string | number)[], ...paths].filter((path) => {
    const at = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], message);
    return at !== null && typeof at === 'object';
  });
  const walk = (path: (string | number)[]) =>
    path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], message) as Record<
      string | number,
      unknown
    >;
  if (mutation.op === 'prototype-key') {
    const target = walk(containers[mutation.pick % containers.length] ?? []);
    withOwnKey(target as Record<string, unknown>, mutation.key, mutation.value);
    return message;
  }
  if (paths.length === 0) {
    // refreshFeed / dismissNotices carry only their type: add a field instead.
    return withOwnKey(message, 'payload', mutation.op === 'replace' ? mutation.value : undefined);
  }
  const path = paths[mutation.pick % paths.length] ?? [];
  const parent = walk(path.slice(0, -1));
  const last = path[path.length - 1] ?? '';
  if (mutation.op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(parent, last);
  } else {
    parent[last] = mutation.value;
  }
  return message;
}

/** What the protocol's schemas say about a message from the right sender (the router's contract). */
function schemaAccepts(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !ROUTED_MESSAGE_TYPES.includes(type)) return false;
  const schema =
    type === CONTENT_TO_BACKGROUND.page
      ? PageReadMessageSchema
      : type === CONTENT_TO_BACKGROUND.promoInput
        ? PromoInputMessageSchema
        : type === CONTENT_TO_BACKGROUND.wake
          ? WakeMessageSchema
          : PopupMessageSchema;
  return schema.safeParse(message).success;
}

const stats = { sent: 0, rejected: 0, accepted: 0, thrown: 0, stateChangesOnReject: 0, handlerFailures: 0 };
const byType = new Map<string, number>();
const prototypeNamesBefore = Object.getOwnPropertyNames(Object.prototype).sort();
let harness: Harness;
let handlerErrors: unknown[] = [];

beforeAll(() => {
  harness = createHarness();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The route a message names, for the counts; never throws (some messages here have throwing getters). */
function routeOf(message: unknown): string {
  try {
    const type = (message as { type?: unknown } | null)?.type;
    return typeof type === 'string' && ROUTED_MESSAGE_TYPES.includes(type) ? type : 'not a route';
  } catch {
    return 'not a route';
  }
}

/**
 * Sends one message; returns whether the router answered. Checks: no throw, no change on a rejection,
 * and every answer resolves without the handler failing.
 */
async function deliver(message: unknown, sender: SenderLike): Promise<boolean> {
  stats.sent++;
  const label = routeOf(message);
  byType.set(label, (byType.get(label) ?? 0) + 1);
  const before = observable(harness);
  let reply: Promise<unknown> | undefined;
  try {
    reply = harness.send(message, sender);
  } catch (error) {
    stats.thrown++;
    throw error;
  }
  if (reply === undefined) {
    stats.rejected++;
    await settle();
    if (observable(harness) !== before) {
      stats.stateChangesOnReject++;
      throw new Error(`state changed for a rejected message of type ${String(label)}`);
    }
    return false;
  }
  stats.accepted++;
  await reply;
  return true;
}

function quiet() {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  handlerErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    handlerErrors.push(args);
  });
}

const routeArbitrary = fc.constantFrom(...ROUTED_MESSAGE_TYPES);

describe('10,000 hostile messages at every handler', () => {
  it('3,000 well-formed messages from senders that are not ours: never answered, nothing changes', async () => {
    quiet();
    await harness.service.store.ready;
    await fc.assert(
      fc.asyncProperty(routeArbitrary, fc.constantFrom(...Object.keys(WRONG_SENDERS)), async (type, who) => {
        const sender = (WRONG_SENDERS[who] as (type: string) => SenderLike)(type);
        expect(await deliver(validMessage(type), sender), `${type} from ${who}`).toBe(false);
      }),
      { numRuns: 3000 },
    );
    expect(handlerErrors).toEqual([]);
  }, 60_000);

  it('4,000 malformed payloads from the right sender: answered exactly when the protocol schema allows', async () => {
    quiet();
    await fc.assert(
      fc.asyncProperty(routeArbitrary, mutationArbitrary, async (type, mutation) => {
        const message = mutated(type, mutation);
        const expected = schemaAccepts(message);
        expect(await deliver(message, rightSender(type))).toBe(expected);
      }),
      { numRuns: 4000 },
    );
    stats.handlerFailures += handlerErrors.length;
    expect(handlerErrors).toEqual([]);
  }, 60_000);

  it('2,000 arbitrary values (prototype keys, deep nesting, huge strings) from any sender: never answered', async () => {
    quiet();
    const anySender = fc.oneof(
      fc.constantFrom(senders.popup(), senders.contentScript(7), senders.otherExtension()),
      fc.record(
        {
          id: fc.oneof(fc.constant(EXTENSION_ID), fc.string()),
          url: fc.oneof(fc.webUrl(), fc.constant(`${EXTENSION_ORIGIN}x`), fc.string()),
          tab: fc.record({ id: fc.oneof(fc.integer(), fc.double()), url: fc.webUrl() }, { requiredKeys: [] }),
        },
        { requiredKeys: [] },
      ),
    );
    const junk = fc.oneof(
      hostileValue,
      // A known type with junk around it.
      fc
        .tuple(routeArbitrary, fc.dictionary(keyArbitrary, hostileValue, { maxKeys: 4 }))
        .map(([type, rest]) => {
          const message = { ...rest } as Record<string, unknown>;
          Object.defineProperty(message, 'type', { value: type, enumerable: true, configurable: true });
          return message;
        }),
    );
    await fc.assert(
      fc.asyncProperty(junk, anySender, async (message, sender) => {
        const answered = await deliver(message, sender);
        // A random value may, very rarely, be a well-formed message from our own popup: then it is served.
        if (answered) expect(schemaAccepts(message)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(handlerErrors).toEqual([]);
  }, 60_000);

  it('1,000 crafted message names: prototype names, inherited types, throwing getters, proxies', async () => {
    quiet();
    const crafted = fc.oneof(
      fc.constantFrom(...PROTOTYPE_KEYS, 'hasOwnProperty', 'toString', '').map((type) => ({ type })),
      routeArbitrary.map((type) => Object.create(validMessage(type)) as unknown),
      routeArbitrary.map(
        (type) => JSON.parse(`{"__proto__":${JSON.stringify(validMessage(type))}}`) as unknown,
      ),
      routeArbitrary.map((type) =>
        Object.defineProperty({ ...validMessage(type) }, 'type', {
          enumerable: true,
          get() {
            throw new Error(`getter of ${type}`);
          },
        }),
      ),
      // Routes whose message is only its name are served through a proxy too: no field to trap.
      routeArbitrary
        .filter((type) => Object.keys(validMessage(type)).length > 1)
        .map(
          (type) =>
            new Proxy(validMessage(type), {
              // The name reads fine; every field of the payload throws.
              get(target, key) {
                if (typeof key === 'string' && key !== 'type') throw new Error(`proxy trap on ${key}`);
                return Reflect.get(target, key);
              },
            }),
        ),
      routeArbitrary.map((type) => ({ type: `${type} ` })),
      routeArbitrary.map((type) => ({ type: new String(type) })),
    );
    await fc.assert(
      fc.asyncProperty(
        crafted,
        fc.constantFrom(senders.popup(), senders.contentScript(7)),
        async (message, sender) => {
          expect(await deliver(message, sender)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
    expect(handlerErrors).toEqual([]);
  }, 60_000);

  it('pollutes no prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNamesBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('still serves the shopper afterwards: a hint, a tab state, a saved code', async () => {
    // The fuzz accepted some well-formed changes (codes marked used, own codes added): the verdict stands.
    const hint = (await harness.send(
      validMessage(CONTENT_TO_BACKGROUND.page),
      senders.contentScript(7),
    )) as HintModel;
    expect(hint.tone).toBe('bad');
    expect(hint.headline).toContain('SAVE18');
    expect(
      await harness.send(
        { type: POPUP_TO_BACKGROUND.addCode, promo: makePromo({ code: 'AFTERFUZZ' }) },
        senders.popup(),
      ),
    ).toEqual({ ok: true });
    const state = await harness.tabState(7);
    expect(state.diagnosis?.verdict).toBe('will-be-rejected');
    expect(state.myCodes.map((promo) => promo.code)).toContain('AFTERFUZZ');
  });
});

afterAll(() => {
  reportFigures('message fuzzing', {
    payloads: stats.sent,
    rejected: stats.rejected,
    accepted: stats.accepted,
    uncaughtExceptions: stats.thrown,
    stateChangesOnReject: stats.stateChangesOnReject,
    handlerFailures: stats.handlerFailures,
    routes: [...byType.keys()].filter((key) => key !== 'not a route').length,
  });
});
