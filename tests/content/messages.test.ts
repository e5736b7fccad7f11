import { describe, expect, it } from 'vitest';
import { CONTENT_TO_BACKGROUND } from '../../src/shared/protocol.ts';
import { PAGE_MESSAGE } from '../../src/content/messages.ts';

describe('content script message name', () => {
  // The content script repeats the string so zod stays out of its bundle; the background must still hear it.
  it('equals the protocol constant', () => {
    expect(PAGE_MESSAGE).toBe(CONTENT_TO_BACKGROUND.page);
  });
});
