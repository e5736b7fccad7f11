import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanTypedCode, lookalikeKey, resolveCode } from '../../src/rules/code-match.ts';
import { makeCatalog, makePromo } from '../helpers/snapshot.ts';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
/** What a shopper might type: letters in either case, digits, spaces, tabs and invisible characters. */
const typedChar = fc.constantFrom(
  ...`${ALPHANUMERIC}${ALPHANUMERIC.toLowerCase()} \t`.split(''),
  ...INVISIBLES,
);
const typedText = fc.array(typedChar, { maxLength: 16 }).map((chars) => chars.join(''));
const catalogCode = fc
  .array(fc.constantFrom(...ALPHANUMERIC.split('')), { minLength: 4, maxLength: 12 })
  .map((chars) => chars.join(''));

/** The confusable alternatives for each catalog character, as people misread them. */
const LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'o'],
  O: ['0'],
  '1': ['I', 'l'],
  I: ['1', 'l'],
  '5': ['S', 's'],
  S: ['5'],
  '8': ['B'],
  B: ['8'],
};

/** A mistyping of `code`: any lookalike swaps, case changes, and stray spaces or invisible characters. */
function mistyped(code: string) {
  return fc
    .tuple(
      ...code
        .split('')
        .map((char) =>
          fc.tuple(
            fc.constantFrom(char, char.toLowerCase(), ...(LOOKALIKES[char] ?? [])),
            fc.constantFrom('', '', '', ' ', ...INVISIBLES),
          ),
        ),
    )
    .map((parts) => parts.map(([char, junk]) => char + junk).join(''));
}

describe('lookalike normalisation', () => {
  test('is idempotent', () => {
    fc.assert(
      fc.property(typedText, (text) => {
        expect(lookalikeKey(lookalikeKey(text))).toBe(lookalikeKey(text));
        expect(cleanTypedCode(cleanTypedCode(text))).toBe(cleanTypedCode(text));
      }),
    );
  });

  test('is case-insensitive', () => {
    fc.assert(
      fc.property(typedText, (text) => {
        expect(lookalikeKey(text.toLowerCase())).toBe(lookalikeKey(text.toUpperCase()));
      }),
    );
  });

  test('ignores whitespace and invisible characters', () => {
    fc.assert(
      fc.property(typedText, (text) => {
        expect(lookalikeKey(text)).toBe(
          lookalikeKey(text.replace(/\s/g, '').replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')),
        );
      }),
    );
  });

  test('any lookalike substitution of a catalog code maps back to it', () => {
    fc.assert(
      fc.property(
        catalogCode.chain((code) => fc.tuple(fc.constant(code), mistyped(code))),
        ([code, typed]) => {
          // Other codes of other lengths must not get in the way.
          const catalog = makeCatalog([
            makePromo({ code }),
            makePromo({ code: `${code}X` }),
            makePromo({ code: 'ZZZ' }),
          ]);
          const resolution = resolveCode(typed, catalog.entries);
          expect(resolution?.entry.promo.code).toBe(code);
          expect(resolution?.problems.length === 0).toBe(typed === code);
        },
      ),
    );
  });
});
