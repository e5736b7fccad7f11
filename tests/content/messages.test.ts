import { describe, expect, it } from 'vitest';
import { CONTENT_TO_BACKGROUND } from '../../src/shared/protocol.ts';
import { PAGE_MESSAGE, PROMO_INPUT_MESSAGE } from '../../src/content/messages.ts';

describe('content script message names', () => {
  // The content script repeats the strings so zod stays out of its bundle; the background must still hear them.
  it('equal the protocol constants', () => {
    expect(PAGE_MESSAGE).toBe(CONTENT_TO_BACKGROUND.page);
    expect(PROMO_INPUT_MESSAGE).toBe(CONTENT_TO_BACKGROUND.promoInput);
  });
});
