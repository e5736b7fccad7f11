/**
 * Small DOM reading helpers. Only `textContent` is read, never `innerText`: innerText forces a layout,
 * which on a 500-line cart would cost the shopper frames.
 */
import type { SelectorList } from './selectors.ts';

/** The first element matched by the first selector of `list` that matches anything. */
export function queryFirst(root: ParentNode, list: SelectorList): Element | null {
  const [first, ...fallbacks] = list;
  const found = first === undefined ? null : root.querySelector(first);
  // The fallbacks usually match nothing (the first selector is the current markup): one query for all of
  // them says so, instead of one parse and one walk of the page per selector.
  if (found || fallbacks.length === 0 || !root.querySelector(fallbacks.join(','))) return found;
  for (const selector of fallbacks) {
    const match = root.querySelector(selector);
    if (match) return match;
  }
  return null;
}

/**
 * `queryFirst` for many roots of one page (the lines of a cart). Variants that match nothing in `doc` cannot
 * match under any root, so they are dropped once per read instead of being tried again for every line.
 */
export function queryFirstIn(doc: ParentNode, list: SelectorList): (root: ParentNode) => Element | null {
  const usable = list.slice(list.findIndex((selector) => doc.querySelector(selector)) >>> 0);
  return (root) => queryFirst(root, usable);
}

/** All elements matched by the first selector of `list` that matches anything, and that selector. */
export function queryAllFirst(
  root: ParentNode,
  list: SelectorList,
): { elements: Element[]; selector: string } | null {
  for (const selector of list) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return { elements: Array.from(found), selector };
  }
  return null;
}

/** Nearest ancestor-or-self matching one of the selectors. */
export function closestAny(element: Element, list: SelectorList): Element | null {
  for (const selector of list) {
    const found = element.closest(selector);
    if (found) return found;
  }
  return null;
}

/** Text with whitespace collapsed (NBSP and narrow NBSP kept: the price parser needs them). */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\t\n\r ]+/g, ' ').trim();
}

/**
 * Whether `char` is a letter, digit or combining mark. Decided by code point: `/[\p{L}\p{N}]/u` and
 * `toLowerCase` on a non-ASCII letter both cost milliseconds on first use in a page (issue 8). Above
 * ASCII, everything but Latin-1's symbols and the punctuation blocks counts as part of a word.
 */
export function isWordChar(char: string | undefined): boolean {
  if (char === undefined || char === '') return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return (
    code >= 0xc0 &&
    code !== 0xd7 &&
    code !== 0xf7 &&
    !(code >= 0x2000 && code <= 0x2bff) &&
    !(code >= 0x3000 && code <= 0x303f) &&
    !(code >= 0xfe30 && code <= 0xfe4f) &&
    !(code >= 0xff00 && code <= 0xff20) &&
    !(code >= 0xff3b && code <= 0xff40) &&
    !(code >= 0xff5b && code <= 0xff65)
  );
}

/** Whether the lower-cased text contains any of the phrases. */
export function containsAny(text: string, phrases: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return phrases.some((phrase) => lower.includes(phrase));
}
