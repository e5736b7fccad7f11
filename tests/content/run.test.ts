/**
 * The content script's life on a page: nothing read or sent on load, the first read at the shopper's first
 * move (or when the background reads the page through the reader the script offers), staged loading, batching page changes, sending only changes, the hint after a
 * paste (the code alone, applied by the background to the page it has), and teardown. Frames and timers
 * are driven by hand so the counts are exact.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Window } from 'happy-dom';
import type { CartSnapshot } from '../../src/rules/schemas/snapshot.ts';
import { assembleSnapshot, withCapture } from '../../src/shared/page-model/assemble.ts';
import type { HintModel, PageReadMessage, PromoInputMessage } from '../../src/shared/protocol.ts';
import type { PageRead } from '../../src/shared/page-model/raw.ts';
import { callPageReader, PAGE_READER_GLOBAL } from '../../src/shared/page-reader.ts';
import { startContentScript, type ContentScript } from '../../src/content/run.ts';
import { loadFixture } from './fixtures.ts';
import { HINT_STYLESHEET } from '../../src/shared/hint-style.ts';
import type { FieldEvent } from '../../src/content/early-events.ts';

/** The small script saw the shopper move on the page before this one started. */
const ENGAGED = () => ({ events: [], engaged: true });

const MODEL: HintModel = {
  tone: 'bad',
  headline: 'SAVE18 needs US $99.00 before shipping',
  detail: 'Your items come to US $87.40.',
  fix: 'Add US $11.60, or use SAVE8 which fits now.',
  copy: { code: 'SAVE8', label: 'Copy SAVE8', copiedLabel: 'Copied' },
  dismissLabel: 'Dismiss',
  stylesheet: HINT_STYLESHEET,
};

let window: Window | null = null;
let script: ContentScript | null = null;
afterEach(async () => {
  script?.stop();
  script = null;
  await window?.happyDOM.close();
  window = null;
});

/** Frames and timers in one queue, run by hand: one `run` is one frame, or one read gap elapsed. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    request: (callback: () => void) => {
      queue.push(callback);
      return () => {
        const at = queue.indexOf(callback);
        if (at >= 0) queue.splice(at, 1);
      };
    },
    /** Run one animation frame. */
    run: () => {
      for (const callback of queue.splice(0)) callback();
    },
    get pending() {
      return queue.length;
    },
  };
}

type Message = PageReadMessage | PromoInputMessage;
/** A message as sent, with the snapshot the background makes of it (what the shopper's check sees). */
type Sent = Message & { readonly snapshot: CartSnapshot | null };

/** Let MutationObserver records and promise replies arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function start(
  name: string,
  reply: (message: Message) => Promise<HintModel | null> = async () => null,
  /** What the small script hands over, from the page's document. */
  early?: (document: Document) => { events: FieldEvent[]; engaged: boolean },
) {
  const loaded = loadFixture(name);
  window = loaded.window;
  for (const pair of loaded.meta.cookie.split('; ')) loaded.window.document.cookie = pair;
  const frames = manualFrames();
  // Idle periods, run by hand like the frames.
  const idle = manualFrames();
  const sent: Sent[] = [];
  const hint = { show: vi.fn(), remove: vi.fn() };
  // As the background does: a read is assembled with the region cookie it read itself; a promo input
  // changes the tab's latest snapshot.
  const withCookie = (page: PageRead) => ({
    ...page,
    cookie: loaded.meta.cookie.match(/aep_usuc_f=([^;]*)/)?.[1] ?? null,
  });
  let latest: CartSnapshot | null = null;
  script = startContentScript({
    doc: loaded.document,
    send: (message) => {
      latest =
        'page' in message
          ? assembleSnapshot(withCookie(message.page))
          : latest && withCapture(latest, message.capture);
      sent.push({ ...message, snapshot: latest });
      return reply(message);
    },
    now: () => new Date('2026-09-20T10:00:00Z'),
    later: frames.request,
    whenIdle: idle.request,
    hint,
    ...(early ? { early: early(loaded.document) } : {}),
  });
  /** The background's call into the tab (`scripting.executeScript`), here with no wait for a late script. */
  const pull = (lines: boolean) => callPageReader(PAGE_READER_GLOBAL, { lines }, 0) as PageRead | null;
  /** The background reads the summary (a payment result completed loading, or the worker started). */
  const load = () => {
    const page = pull(false);
    latest = page && assembleSnapshot(withCookie(page));
    return { page, snapshot: latest };
  };
  return { ...loaded, frames, idle, sent, hint, script, pull, load };
}

describe('content script', () => {
  it('started for a read of the background, reads nothing of its own, and page changes cost no read until then', async () => {
    const page = start('checkout-us-8740');
    page.document.body.append(page.document.createElement('div'));
    await settle();
    expect(page.sent).toHaveLength(0);
    expect(page.frames.pending + page.idle.pending).toBe(0);
    expect(page.script.stats.extractions).toBe(0);
  });

  it("after the shopper's first move, reads and sends the page in the next idle period, once", async () => {
    const page = start('checkout-us-8740', async () => MODEL, ENGAGED);
    // Not at once: the read waits for the page to be idle.
    expect(page.script.stats.extractions).toBe(0);
    expect(page.idle.pending).toBe(1);
    page.idle.run();
    expect(page.sent).toHaveLength(1);
    expect(page.sent[0]).toMatchObject({ type: 'content->background:page', trigger: 'load' });
    expect(page.sent[0]?.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    // A checkout's few lines come with it, so the paste that follows sends the code alone.
    expect(page.sent[0]?.snapshot?.lines.known).toBe(true);
    await settle();
    const input = page.document.querySelector('input.pl-promoCode-input') as HTMLInputElement;
    input.value = 'SAVE18';
    input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    expect(page.sent.at(-1)).toMatchObject({ type: 'content->background:promo-input' });
    // Page changes are read from now on.
    page.document.body.append(page.document.createElement('div'));
    await settle();
    expect(page.frames.pending).toBe(1);
  });

  it("reads a cart's summary after the shopper's first move and leaves its lines for later", () => {
    const page = start('cart-usd-unselected', undefined, ENGAGED);
    page.idle.run();
    expect(page.sent[0]?.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 6923 });
    expect(page.sent[0]?.snapshot?.lines.known).toBe(false);
  });

  it('skips its idle first read when the background read the page first', () => {
    const page = start('checkout-us-8740', undefined, ENGAGED);
    page.load();
    page.idle.run();
    expect(page.script.stats.extractions).toBe(1);
    expect(page.sent).toHaveLength(0);
  });

  it('takes in a paste the small script saw before this one started, and shows the hint for it', async () => {
    // Events as the small script keeps them: the target and the text they carried.
    const page = start(
      'checkout-us-8740',
      async () => MODEL,
      (document) => {
        const input = document.querySelector('input.pl-promoCode-input');
        return {
          events: [
            { type: 'paste', target: input, text: 'SAVE18' },
            { type: 'input', target: input, text: 'SAVE18' },
          ],
          engaged: true,
        };
      },
    );
    // At once, not at idle: the shopper is waiting for the hint.
    expect(page.sent).toHaveLength(1);
    expect(page.sent[0]).toMatchObject({
      trigger: 'promo-input',
      snapshot: { promo: { enteredCode: { known: true, value: 'SAVE18' } } },
    });
    await settle();
    expect(page.hint.show).toHaveBeenCalledTimes(1);
    expect(page.idle.pending).toBe(0);
  });

  it("the background's read gets the summary and no cookie", async () => {
    const page = start('checkout-us-8740');
    page.document.cookie = 'session_token=secret';
    const cookieGetter = vi.spyOn(page.document, 'cookie', 'get');
    await settle();
    const first = page.load();
    // No cookie leaves the page: the background reads aep_usuc_f itself.
    expect(first.page?.cookie).toBeNull();
    expect(JSON.stringify(first.page)).not.toContain('secret');
    expect(first.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 8740 });
    expect(page.sent).toHaveLength(0);
    expect(page.hint.show).not.toHaveBeenCalled();
    expect(cookieGetter).not.toHaveBeenCalled();
  });

  it('reads the page at most once per read gap during a storm of 1,000 mutations, and sends nothing unchanged', async () => {
    const page = start('cart-usd-unselected');
    page.load();
    const noise = page.document.createElement('div');
    page.document.body.append(noise);
    for (let frame = 0; frame < 10; frame++) {
      for (let i = 0; i < 100; i++) noise.textContent = `tick ${frame}-${i}`;
      await settle();
      page.frames.run();
    }
    expect(page.script.stats.extractions).toBe(1 + 10);
    expect(page.sent).toHaveLength(0);

    for (let i = 0; i < 1000; i++) noise.setAttribute('class', `n${i}`);
    await settle();
    expect(page.frames.pending).toBe(1);
    page.frames.run();
    expect(page.script.stats.extractions).toBe(12);
  });

  it('answers "not ready" while the cart loads, then sends the cart when it arrives; never "empty"', async () => {
    const page = start('cart-loading');
    const first = page.load();
    expect(first.snapshot?.ready).toBe(false);
    expect(first.snapshot?.lines.known).toBe(false);

    // cart.render answers: AliExpress swaps the skeleton for the real list and summary.
    const loaded = loadFixture('cart-usd-unselected');
    const root = page.document.getElementById('root') as HTMLElement;
    root.replaceWith(page.document.importNode(loaded.document.getElementById('root') as HTMLElement, true));
    await loaded.window.happyDOM.close();
    await settle();
    page.frames.run();
    expect(page.sent).toHaveLength(1);
    expect(page.sent[0]).toMatchObject({ trigger: 'mutation', snapshot: { ready: true } });
    expect(page.sent[0]?.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 6923 });
  });

  it('shows the background hint next to the promo field after a paste, and removes it when the answer is none', async () => {
    let answer: HintModel | null = MODEL;
    const page = start('checkout-us-8740', async () => answer);
    page.load();
    const input = page.document.querySelector('input.pl-promoCode-input') as HTMLInputElement;
    input.value = 'SAVE1';
    input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    // The first code on the page: read again, with the order's lines, which the load read left out.
    expect(page.script.stats.extractions).toBe(2);
    expect(page.sent.at(-1)).toMatchObject({ type: 'content->background:page', trigger: 'promo-input' });
    expect(page.sent.at(-1)?.snapshot?.lines).toMatchObject({ known: true });
    await settle();
    input.value = 'SAVE18';
    input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    // At once, without waiting for a frame or re-reading the page: only the code goes to the background.
    expect(page.script.stats.extractions).toBe(2);
    expect(page.sent.at(-1)).toMatchObject({
      type: 'content->background:promo-input',
      trigger: 'promo-input',
      capture: { lastCode: { code: 'SAVE18', via: 'input' } },
      snapshot: { promo: { enteredCode: { value: 'SAVE18' } } },
    });
    expect(page.sent.at(-1)).not.toHaveProperty('page');
    await settle();
    expect(page.hint.show).toHaveBeenCalledTimes(2);
    expect(page.hint.show.mock.calls[1]?.[0]).toBe(input);
    expect(page.hint.show.mock.calls[1]?.[1]).toEqual(MODEL);

    answer = null;
    input.value = '';
    input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    page.frames.run();
    await settle();
    expect(page.hint.remove).toHaveBeenCalledTimes(1);
  });

  it('reads the summary on load and leaves the 500-line work for later: the cart lines are not read', () => {
    const page = start('cart-usd-unselected');
    const first = page.load();
    expect(first.page?.raw.lines).toBeNull();
    expect(first.snapshot?.lines).toEqual({
      known: false,
      reason: 'the cart lines are read when a code is checked or the popup opens',
    });
    // What the badge needs is there: the items subtotal of the summary.
    expect(first.snapshot?.amounts.itemsSubtotal).toMatchObject({ known: true, value: 6923 });
  });

  it("answers the background's whole read (the popup opened) with the lines, and reads lines from then on", async () => {
    const page = start('cart-usd-unselected');
    page.load();
    const whole = page.pull(true);
    expect(whole?.raw.lines?.lines.length).toBeGreaterThan(0);
    expect(page.script.stats.extractions).toBe(2);
    // A later change to the cart is sent with its lines, so the popup's picture stays whole.
    const quantity = page.document.querySelector('.comet-v2-input-number-input') as HTMLInputElement;
    quantity.value = '7';
    quantity.setAttribute('value', '7');
    await settle();
    page.frames.run();
    const change = page.sent.at(-1) as PageReadMessage & Sent;
    expect(change.trigger).toBe('mutation');
    expect(change.page.raw.lines?.lines[0]?.quantity).toBe(7);
  });

  it('reads the page for a paste that comes before the background holds any read of it', async () => {
    const page = start('checkout-us-8740');
    const input = page.document.querySelector('input.pl-promoCode-input') as HTMLInputElement;
    input.value = 'SAVE18';
    input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    expect(page.sent).toHaveLength(1);
    expect(page.sent[0]).toMatchObject({
      type: 'content->background:page',
      trigger: 'promo-input',
      snapshot: { promo: { enteredCode: { value: 'SAVE18' } } },
    });
    // The background's load read, arriving after, still gets the page, code and lines included.
    expect(page.load().snapshot?.promo.enteredCode).toMatchObject({ known: true, value: 'SAVE18' });
  });

  it('sends at once on Pay now, without waiting for a frame', () => {
    const page = start('checkout-us-8740');
    page.load();
    (page.document.querySelector('button.place-order-primary-btn') as HTMLElement).dispatchEvent(
      new page.window.MouseEvent('click', { bubbles: true }) as unknown as Event,
    );
    expect(page.sent.at(-1)?.trigger).toBe('pay-click');
  });

  it('tears everything down quietly when the extension is reloaded (send fails)', async () => {
    const page = start('checkout-us-8740', () => Promise.reject(new Error('Extension context invalidated.')));
    const input = page.document.querySelector('input.pl-promoCode-input') as HTMLInputElement;
    input.value = 'SAVE8';
    input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    await settle();
    expect(page.script.signal.aborted).toBe(true);
    // No reader is offered any more, and nothing is read again.
    expect(await page.pull(false)).toBeNull();
    page.document.body.append(page.document.createElement('div'));
    input.value = 'SAVE18';
    input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    await settle();
    expect(page.frames.pending).toBe(0);
    expect(page.script.stats.extractions).toBe(1);
  });

  it('stops on pagehide: no observer, no listeners, no frames', async () => {
    const page = start('checkout-us-8740');
    page.load();
    page.window.dispatchEvent(new page.window.Event('pagehide'));
    expect(page.script.signal.aborted).toBe(true);
    page.document.body.append(page.document.createElement('div'));
    (page.document.querySelector('button.place-order-primary-btn') as HTMLElement).dispatchEvent(
      new page.window.MouseEvent('click', { bubbles: true }) as unknown as Event,
    );
    await settle();
    expect(page.frames.pending + page.idle.pending).toBe(0);
    expect(page.sent).toHaveLength(0);
  });

  it('never changes the page, not even an attribute on <html>', async () => {
    const page = start('cart-usd-unselected');
    const before = page.document.body.outerHTML;
    page.load();
    await settle();
    expect(page.document.body.outerHTML).toBe(before);
    expect(page.document.documentElement.getAttributeNames()).toEqual(['lang', 'dir']);
  });
});
