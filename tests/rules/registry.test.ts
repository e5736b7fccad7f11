/**
 * Meta-tests of the check registry and the message catalog: a check file that is not registered, an id
 * that does not match its file, or a result code without wording in some locale fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CHECKS } from '../../src/rules/checks/index.ts';
import { en, type LocaleMessages } from '../../src/rules/locales/en.ts';
import { LOCALES, SUPPORTED_LOCALES } from '../../src/rules/messages.ts';
import { CHECK_IDS, TYPING_PROBLEMS, type Check } from '../../src/rules/types.ts';

const rulesDir = fileURLToPath(new URL('../../src/rules/', import.meta.url));
const checkFiles = readdirSync(`${rulesDir}checks`).filter(
  (file) => file.endsWith('.ts') && file !== 'index.ts',
);
const allResultCodes = CHECKS.flatMap((check) => Object.keys(check.outcomes));

function isCheck(value: unknown): value is Check {
  return (
    typeof value === 'object' && value !== null && 'id' in value && 'run' in value && 'outcomes' in value
  );
}

describe('check registry', () => {
  test.each(checkFiles)('%s exports one check, named after the file, and it is registered', async (file) => {
    const module: Record<string, unknown> = await import(`../../src/rules/checks/${file}`);
    const exported = Object.values(module).filter(isCheck);
    expect(exported).toHaveLength(1);
    const [check] = exported;
    expect(check?.id).toBe(file.replace(/\.ts$/, ''));
    expect(CHECKS).toContain(check);
  });

  test('every registered check has a file; ids are unique and in checklist order', () => {
    expect(CHECKS).toHaveLength(checkFiles.length);
    expect(new Set(CHECKS.map((check) => check.id)).size).toBe(CHECKS.length);
    expect(CHECKS.map((check) => check.id)).toEqual([...CHECK_IDS]);
  });

  test('every result code is `<check id>.<outcome>` and has a pass, fail, warn or unknown status', () => {
    for (const check of CHECKS) {
      for (const [code, status] of Object.entries(check.outcomes)) {
        expect(code.startsWith(`${check.id}.`), code).toBe(true);
        expect(['pass', 'fail', 'warn', 'unknown']).toContain(status);
      }
    }
  });

  test('every check can pass', () => {
    for (const check of CHECKS) expect(Object.values(check.outcomes), check.id).toContain('pass');
  });
});

describe('messages for every result code, in every locale', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  test.each(SUPPORTED_LOCALES)('%s has every section key English has, and no others', (locale) => {
    const own = LOCALES[locale];
    for (const section of Object.keys(en) as (keyof LocaleMessages)[]) {
      const english = en[section];
      const translated = own[section];
      if (typeof english === 'string') expect(typeof translated, `${locale} ${section}`).toBe('string');
      else
        expect(Object.keys(translated ?? {}).sort(), `${locale} ${section}`).toEqual(
          Object.keys(english).sort(),
        );
    }
  });

  test.each(SUPPORTED_LOCALES)('%s words every check, result code and typing problem', (locale) => {
    const own = LOCALES[locale];
    for (const id of CHECK_IDS) expect(own.checkNames?.[id], `${locale} ${id}`).toBeTruthy();
    for (const code of allResultCodes) expect(own.summaries?.[code], `${locale} ${code}`).toBeTruthy();
    for (const problem of TYPING_PROBLEMS)
      expect(own.problems?.[problem], `${locale} ${problem}`).toBeTruthy();
  });

  test('no wording for a result code that no check returns', () => {
    const known = new Set(allResultCodes);
    expect(Object.keys(en.summaries).filter((code) => !known.has(code))).toEqual([]);
    expect(Object.keys(en.fixes).filter((code) => !known.has(code))).toEqual([]);
  });

  test('every failure says what to do', () => {
    for (const check of CHECKS) {
      for (const [code, status] of Object.entries(check.outcomes)) {
        if (status === 'fail') expect(en.fixes[code], code).toBeTruthy();
      }
    }
  });

  test.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    '%s uses the same placeholders as English',
    (locale) => {
      const own = LOCALES[locale];
      for (const section of ['summaries', 'fixes', 'suggestions', 'verdicts', 'terms', 'fields'] as const) {
        const english: Record<string, string> = en[section];
        const translated: Partial<Record<string, string>> = own[section] ?? {};
        for (const [key, text] of Object.entries(english)) {
          expect(placeholders(translated[key] ?? ''), `${locale} ${section} ${key}`).toEqual(
            placeholders(text),
          );
        }
      }
    },
  );
});

describe('the engine stays pure', () => {
  const files = readdirSync(rulesDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );
  test.each(files)('%s imports no adapter, DOM or extension API', (file) => {
    const source = readFileSync(`${rulesDir}${file}`, 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
    for (const specifier of imports) {
      expect(specifier, file).not.toMatch(
        /\/(content|background|popup|shared)\/|webextension-polyfill|happy-dom|playwright/,
      );
    }
    expect(source, file).not.toMatch(/\b(document|window|chrome|browser)\.\w/);
  });
});
