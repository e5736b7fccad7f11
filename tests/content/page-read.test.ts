/**
 * What the content script sends instead of a snapshot: text and structure that the background checks at
 * the door (`PageReadSchema`). An odd page must still produce a read the door accepts, or the shopper
 * would get no badge and no hint at all; and only the aep_usuc_f cookie may leave the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { readPage } from '../../src/content/extract/read-page.ts';
import { NO_CAPTURE } from '../../src/shared/page-model/raw.ts';
import { assembleSnapshot } from '../../src/shared/page-model/assemble.ts';
import { PageReadSchema } from '../../src/shared/protocol.ts';
import { loadFixture } from './fixtures.ts';

let window: Window | null = null;
afterEach(async () => {
  await window?.happyDOM.close();
  window = null;
});

function load(name: string) {
  const loaded = loadFixture(name);
  window = loaded.window;
  return loaded;
}

const NOW = new Date('2026-09-20T10:00:00Z');

describe('page read', () => {
  it('sends the aep_usuc_f value alone, not the other cookies of the page', () => {
    const { document, meta } = load('checkout-us-8740');
    const page = readPage(
      document,
      meta.url,
      `_ga=GA1.2.3; ${meta.cookie}; xman_t=session-secret`,
      NO_CAPTURE,
      NOW,
    );
    expect(page.cookie).toBe(meta.cookie.replace(/^aep_usuc_f=/, ''));
    expect(JSON.stringify(page)).not.toMatch(/session-secret|GA1\.2\.3/);
  });

  it('sends no cookie when the page has no aep_usuc_f, and the snapshot says why the region is unknown', () => {
    const { document, meta } = load('checkout-us-8740');
    const page = readPage(document, meta.url, '_ga=GA1.2.3', NO_CAPTURE, NOW);
    expect(page.cookie).toBeNull();
    expect(assembleSnapshot(page).region.site).toEqual({
      known: false,
      reason: 'the aep_usuc_f cookie is not readable from the page',
    });
  });

  it('clips what a hostile or odd page holds, so the background still accepts the read', () => {
    const { document, meta } = load('checkout-us-8740');
    const title = document.querySelector('[class*="group-product--title--"] a') as Element;
    title.setAttribute('title', 'Charger '.repeat(2000));
    title.setAttribute('href', `//www.aliexpress.com/item/${'9'.repeat(60)}.html`);
    const input = document.querySelector('input.pl-promoCode-input') as HTMLInputElement;
    input.value = 'A'.repeat(5000);
    const summary = document.querySelector('.pl-summary-container') as Element;
    for (let i = 0; i < 300; i++) {
      const row = document.createElement('div');
      row.className = 'pl-summary__item-pc';
      row.innerHTML = `<div class="pl-summary__item-title-pc">Fee ${i}</div><div class="pl-summary__item-content-pc">${'US $1.00 '.repeat(100)}</div>`;
      summary.append(row);
    }

    const page = readPage(document, `${meta.url}&pad=${'x'.repeat(6000)}`, meta.cookie, NO_CAPTURE, NOW);
    const checked = PageReadSchema.safeParse(JSON.parse(JSON.stringify(page)));
    expect(checked.error?.issues).toBeUndefined();
    const line = page.raw.lines?.lines[0];
    expect(line?.title.length).toBeLessThanOrEqual(2000);
    // An id too long to be AliExpress's is dropped, never cut into a wrong one.
    expect(line?.productId).toBeNull();
    expect(page.raw.summary?.rows.length).toBeLessThanOrEqual(100);
    // The snapshot is still assembled, and the Subtotal still read.
    expect(assembleSnapshot(checked.data ?? page).amounts.itemsSubtotal).toMatchObject({
      known: true,
      value: 8740,
    });
  });

  it('is refused at the door when a field is not what the content script sends', () => {
    const { document, meta } = load('checkout-us-8740');
    const page = readPage(document, meta.url, meta.cookie, NO_CAPTURE, NOW);
    const lines = page.raw.lines?.lines ?? [];
    const tampered = {
      ...page,
      raw: { ...page.raw, lines: { source: 'x', lines: [{ ...lines[0], quantity: -2 }] } },
    };
    expect(PageReadSchema.safeParse(tampered).success).toBe(false);
    expect(PageReadSchema.safeParse({ ...page, cookie: 'x'.repeat(9000) }).success).toBe(false);
    expect(PageReadSchema.safeParse({ ...page, readAt: 'yesterday' }).success).toBe(false);
  });
});
