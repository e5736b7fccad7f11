/**
 * The small content script (src/content/early-listener.ts): on a page nobody touches it does nothing; at
 * the shopper's first move, paste or click it asks for the main script once, and keeps the promo field's
 * events, with the text they carried, for the main script to take over.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Window } from 'happy-dom';
import { EARLY_EVENT_LIMIT, EARLY_GLOBAL } from '../../src/content/early-events.ts';
import { listenEarly } from '../../src/content/early-listener.ts';
import { loadFixture } from './fixtures.ts';

let window: Window | null = null;
afterEach(async () => {
  await window?.happyDOM.close();
  window = null;
});

function start() {
  const loaded = loadFixture('checkout-us-8740');
  window = loaded.window;
  const world: Record<string, unknown> = {};
  const askForMain = vi.fn();
  const early = listenEarly(world, loaded.document, askForMain);
  const input = loaded.document.querySelector('input.pl-promoCode-input') as HTMLInputElement;
  const fire = (event: Event, target: EventTarget = input) => target.dispatchEvent(event);
  return { ...loaded, world, askForMain, early, input, fire };
}

describe('the small content script', () => {
  it('asks for nothing and keeps nothing on a page nobody touches', () => {
    const page = start();
    page.document.body.append(page.document.createElement('div'));
    expect(page.askForMain).not.toHaveBeenCalled();
    expect(page.world[EARLY_GLOBAL]).toBe(page.early);
    expect(page.early.takeOver()).toEqual({ events: [], engaged: false });
  });

  it("asks for the main script once, at the shopper's first move", () => {
    const page = start();
    const move = () => new page.window.PointerEvent('pointermove', { bubbles: true }) as unknown as Event;
    page.fire(move(), page.window as unknown as EventTarget);
    page.fire(move(), page.window as unknown as EventTarget);
    page.fire(
      new page.window.KeyboardEvent('keydown', { key: 'Tab' }) as unknown as Event,
      page.window as never,
    );
    expect(page.askForMain).toHaveBeenCalledTimes(1);
    expect(page.early.takeOver()).toEqual({ events: [], engaged: true });
  });

  it('keeps a paste, and hands over what the field holds then, in order, for the main script', () => {
    const page = start();
    const data = new page.window.DataTransfer();
    data.setData('text/plain', 'SAVE18');
    page.fire(
      new page.window.ClipboardEvent('paste', { clipboardData: data, bubbles: true }) as unknown as Event,
    );
    page.input.value = 'SAVE18';
    page.fire(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    expect(page.askForMain).toHaveBeenCalledTimes(1);
    // Typed on before the hand-over: the field's value then is what counts.
    page.input.value = 'SAVE18X';
    const handed = page.early.takeOver();
    expect(handed.engaged).toBe(true);
    expect(handed.events).toEqual([
      { type: 'paste', target: page.input, text: 'SAVE18' },
      { type: 'input', target: page.input, text: 'SAVE18X' },
    ]);
  });

  it("hands over no paste into a password field, and a field's text as it is then, not as typed before", () => {
    const page = start();
    const secret = page.document.createElement('input');
    secret.type = 'password';
    page.document.body.append(secret);
    const data = new page.window.DataTransfer();
    data.setData('text/plain', 'hunter2');
    page.fire(
      new page.window.ClipboardEvent('paste', { clipboardData: data, bubbles: true }) as unknown as Event,
      secret,
    );
    page.input.value = '4111 1111 1111 1111';
    page.fire(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    page.input.value = '';
    expect(JSON.stringify(page.early.takeOver().events.map((event) => event.text))).toBe('["",""]');
  });

  it('stops listening once taken over, and keeps at most a bounded number of events', () => {
    const page = start();
    for (let i = 0; i < EARLY_EVENT_LIMIT + 20; i++)
      page.fire(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    expect(page.early.takeOver().events).toHaveLength(EARLY_EVENT_LIMIT);
    page.fire(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    expect(page.early.takeOver().events).toEqual([]);
  });
});
