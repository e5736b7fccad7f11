/**
 * The code is captured on paste, typing and the Apply click, on the real checkout markup, and survives
 * AliExpress clearing the field after a successful Apply.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { capturePromoField } from '../../src/content/promo-capture.ts';
import { extractSnapshot } from '../../src/content/extract/index.ts';
import { loadFixture } from './fixtures.ts';

let window: Window | null = null;
afterEach(async () => {
  await window?.happyDOM.close();
  window = null;
});

function checkout(name = 'checkout-us-8740') {
  const loaded = loadFixture(name);
  window = loaded.window;
  const controller = new AbortController();
  const triggers: string[] = [];
  let clock = Date.parse('2026-09-20T10:00:00Z');
  const capture = capturePromoField(
    loaded.document,
    controller.signal,
    (trigger) => triggers.push(trigger),
    () => clock,
  );
  const input = loaded.document.querySelector('input.pl-promoCode-input') as HTMLInputElement;
  const tick = (ms: number) => (clock += ms);
  const read = () =>
    extractSnapshot(loaded.document, loaded.meta.url, loaded.meta.cookie, capture.state(), new Date(clock));
  return { ...loaded, controller, triggers, capture, input, tick, read };
}

function paste(page: ReturnType<typeof checkout>, text: string): void {
  const win = page.window;
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  page.input.dispatchEvent(
    new win.ClipboardEvent('paste', {
      bubbles: true,
      cancelable: true,
      clipboardData: data,
    }) as unknown as Event,
  );
}

function type(page: ReturnType<typeof checkout>, value: string): void {
  page.input.value = value;
  page.input.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
}

function click(page: ReturnType<typeof checkout>, selector: string): void {
  const target = page.document.querySelector(selector) as HTMLElement;
  target.dispatchEvent(new page.window.MouseEvent('click', { bubbles: true }) as unknown as Event);
}

describe('promo field capture', () => {
  it('captures a pasted code, keeping its stray spaces for the exact-code check', async () => {
    const page = checkout();
    paste(page, ' SAVE8 ');
    // A paste the page cancelled (no input event follows) still asks, one task later.
    expect(page.triggers).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.triggers).toEqual(['promo-input']);
    expect(page.read().promo.enteredCode).toEqual({
      known: true,
      value: ' SAVE8 ',
      source: 'pasted into the promo field',
    });
  });

  it('prefers the field value that follows the paste, still as pasted', () => {
    const page = checkout();
    paste(page, 'SAVE8\n');
    type(page, 'SAVE8');
    expect(page.read().promo.enteredCode).toMatchObject({
      value: 'SAVE8',
      source: 'pasted into the promo field',
    });
  });

  it('asks once for a paste and the input event that follows it', async () => {
    const page = checkout();
    paste(page, 'SAVE8');
    type(page, 'SAVE8');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.triggers).toEqual(['promo-input']);
  });

  it('captures a typed code, and forgets it when the shopper empties the field', () => {
    const page = checkout();
    type(page, 'S');
    type(page, 'SAVE1O');
    expect(page.read().promo.enteredCode).toMatchObject({
      value: 'SAVE1O',
      source: 'typed into the promo field',
    });
    type(page, '');
    expect(page.read().promo.enteredCode.known).toBe(false);
  });

  it('keeps the code applied even after AliExpress clears the field, and names it in the applied row', () => {
    const page = checkout();
    type(page, 'SAVE8');
    // The inner span is what a shopper's click lands on.
    click(page, 'button.pl-promoCode-input-button span');
    expect(page.triggers.at(-1)).toBe('apply-click');
    // AliExpress accepts: clears the input (no event) and shows the discount in the Promo codes row.
    page.input.value = '';
    const promoRowValue = [...page.document.querySelectorAll('.pl-summary__item-pc')]
      .find((row) => row.textContent?.includes('Promo codes'))
      ?.querySelector('.pl-summary__item-content-pc') as HTMLElement;
    promoRowValue.textContent = '-US $8.00';
    const promo = page.read().promo;
    expect(promo.enteredCode).toMatchObject({ value: 'SAVE8', source: 'in the promo field at Apply' });
    expect(promo.applied).toMatchObject({ known: true, value: { code: 'SAVE8', discountMinor: 800 } });
  });

  it('does not claim the code was applied when AliExpress shows an error for it', () => {
    const page = checkout('checkout-promo-error-en');
    click(page, 'button.pl-promoCode-input-button');
    const promo = page.read().promo;
    expect(promo.enteredCode).toMatchObject({ value: 'SAVE18', source: 'in the promo field at Apply' });
    expect(promo.error).toMatchObject({ known: true, value: { kind: 'min-spend' } });
  });

  it('reports the Pay-now click with the code in the field', () => {
    const page = checkout();
    type(page, 'SAVE8');
    click(page, 'button.place-order-primary-btn span');
    expect(page.triggers.at(-1)).toBe('pay-click');
    expect(page.capture.state().lastCode).toMatchObject({ code: 'SAVE8', via: 'pay-click' });
  });

  it('ignores other inputs and clicks', () => {
    const page = checkout();
    const quantity = page.document.querySelector('input.comet-input-number-input') as HTMLInputElement;
    quantity.value = '2';
    quantity.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    click(page, '.pl-address-item-change a');
    expect(page.triggers).toEqual([]);
    expect(page.capture.state().lastCode).toBeNull();
  });

  it('stops listening once aborted', () => {
    const page = checkout();
    page.controller.abort();
    type(page, 'SAVE8');
    paste(page, 'SAVE8');
    click(page, 'button.pl-promoCode-input-button');
    expect(page.triggers).toEqual([]);
    expect(page.capture.state().lastCode).toBeNull();
  });
});
