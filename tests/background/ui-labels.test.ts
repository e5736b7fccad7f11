import { describe, expect, it } from 'vitest';
import { UI_LABEL_LOCALES, uiLabels } from '../../src/background/ui-labels.ts';
import { SUPPORTED_LOCALES } from '../../src/rules/index.ts';

describe('the background’s own words', () => {
  it('exist in every supported locale, with the placeholders English uses', () => {
    const english = UI_LABEL_LOCALES.en;
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const locale of SUPPORTED_LOCALES) {
      const labels = UI_LABEL_LOCALES[locale];
      for (const [key, text] of Object.entries(english)) {
        const translated = labels[key as keyof typeof labels];
        expect(translated, `${locale}.${key}`).toMatch(/\S/);
        expect(placeholders(translated), `${locale}.${key}`).toEqual(placeholders(text));
      }
    }
  });

  it.each([
    ['en-GB', 'Copy SAVE8', 'Dismiss'],
    ['pt-PT', 'Copiar SAVE8', 'Fechar'],
    ['de-AT', 'SAVE8 kopieren', 'Schließen'],
    ['fr-CA', 'Copier SAVE8', 'Fermer'],
    ['ja', 'Copy SAVE8', 'Dismiss'],
  ])('follow the browser language %s', (language, copy, dismiss) => {
    const labels = uiLabels(language);
    expect(labels.copy('SAVE8')).toBe(copy);
    expect(labels.dismiss).toBe(dismiss);
  });

  it('word a storage notice with its numbers', () => {
    const at = '2026-11-24T18:00:00.000Z';
    expect(uiLabels('fr').notice({ kind: 'dropped', key: 'myCodes', dropped: 2, kept: 5, at })).toBe(
      '2 de vos codes illisible(s) supprimé(s) ; 5 conservé(s).',
    );
    expect(
      uiLabels('en').notice({
        kind: 'write-failed',
        key: 'history',
        error: 'QUOTA_BYTES quota exceeded',
        at,
      }),
    ).toBe('Could not save to browser storage (QUOTA_BYTES quota exceeded). Your last change may be lost.');
  });
});
