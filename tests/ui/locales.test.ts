import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readLocale, type LocaleFolder } from './harness.ts';

const LOCALES: readonly LocaleFolder[] = ['en', 'es', 'fr', 'pt_BR', 'de'];
const english = readLocale('en');

/** `$NAME$` references in a message, lower-cased as Chrome resolves them. */
function references(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => (match[1] ?? '').toLowerCase()).sort();
}

describe('_locales', () => {
  it('ships exactly the five locales', () => {
    expect(readdirSync(path.join(ROOT, 'public/_locales')).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every English key and no other', (locale) => {
    expect(Object.keys(readLocale(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)('%s: every message is filled and uses the same placeholders as English', (locale) => {
    const messages = readLocale(locale);
    for (const [key, entry] of Object.entries(messages)) {
      const reference = english[key];
      expect(entry.message.trim(), `${locale}/${key}`).not.toBe('');
      expect(references(entry.message), `${locale}/${key} placeholders used`).toEqual(
        references(reference?.message ?? ''),
      );
      expect(Object.keys(entry.placeholders ?? {}).sort(), `${locale}/${key} placeholders defined`).toEqual(
        Object.keys(reference?.placeholders ?? {}).sort(),
      );
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        expect(placeholder.content, `${locale}/${key} ${name}`).toBe(
          reference?.placeholders?.[name]?.content,
        );
      }
    }
  });

  it('defines every placeholder a message uses, and uses every one it defines', () => {
    for (const [key, entry] of Object.entries(english)) {
      expect(references(entry.message), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  it('has a message for every key the popup asks for', () => {
    const popupSource = [
      'main.ts',
      'i18n.ts',
      ...readdirSync(path.join(ROOT, 'src/popup/render')).map((f) => `render/${f}`),
    ]
      .map((file) => readFileSync(path.join(ROOT, 'src/popup', file), 'utf8'))
      .join('\n');
    const asked = new Set([...popupSource.matchAll(/\bt\('([A-Za-z]+)'/g)].map((match) => match[1] ?? ''));
    expect(asked.size).toBeGreaterThan(50);
    for (const key of asked) expect(english, key).toHaveProperty(key);
  });

  it('names the extension and describes it in every locale (the manifest uses them)', () => {
    for (const locale of LOCALES) {
      const messages = readLocale(locale);
      expect(messages['extName']?.message).toMatch(/Promo Code Doctor/);
      expect(messages['extDescription']?.message.length).toBeLessThanOrEqual(132);
    }
  });
});
