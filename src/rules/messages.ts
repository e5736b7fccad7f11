/**
 * The one place results become words. Checks return codes and facts; this module words them for a
 * locale, formats money the way AliExpress shows it ("US $99.00") and dates as the exact local date in
 * the code's time zone. Missing keys fall back to English one by one.
 */
import { TZDate } from '@date-fns/tz';
import type { Locale } from 'date-fns';
import { format } from 'date-fns/format';
// One import per locale: the `date-fns/locale` barrel would load every locale date-fns ships.
import { de as deDates } from 'date-fns/locale/de';
import { enUS } from 'date-fns/locale/en-US';
import { es as esDates } from 'date-fns/locale/es';
import { fr as frDates } from 'date-fns/locale/fr';
import { ptBR } from 'date-fns/locale/pt-BR';
import { INVISIBLE } from './code-match.ts';
import { de } from './locales/de.ts';
import { en, type LocaleMessages, type PartialLocaleMessages } from './locales/en.ts';
import { es } from './locales/es.ts';
import { fr } from './locales/fr.ts';
import { ptBR as ptBRMessages } from './locales/pt-BR.ts';
import { minorUnitDigits, toDecimalString, type Money } from './money.ts';
import type { Catalog, PromoCode } from './schemas/catalog.ts';
import type { CheckId, CheckResult, CodeMatch, Diagnosis, Fact } from './types.ts';

export const SUPPORTED_LOCALES = ['en', 'es', 'fr', 'pt-BR', 'de'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

export const LOCALES: Readonly<Record<SupportedLocale, PartialLocaleMessages>> = {
  en,
  es,
  fr,
  'pt-BR': ptBRMessages,
  de,
};

const DATE_LOCALES: Readonly<Record<SupportedLocale, Locale>> = {
  en: enUS,
  es: esDates,
  fr: frDates,
  'pt-BR': ptBR,
  de: deDates,
};

/**
 * The supported locale for a browser language list, e.g. `navigator.languages`: exact tag first, then
 * the language alone ("de-AT" -> "de", "es-419" -> "es"); any Portuguese gets "pt-BR". Default English.
 */
export function resolveLocale(requested: string | readonly string[]): SupportedLocale {
  const tags = typeof requested === 'string' ? [requested] : requested;
  for (const tag of tags) {
    const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
    if (language === 'pt') return 'pt-BR';
    const byLanguage = SUPPORTED_LOCALES.find((locale) => locale === language);
    if (byLanguage) return byLanguage;
  }
  return 'en';
}

function pick<K extends keyof LocaleMessages>(
  messages: PartialLocaleMessages,
  section: K,
): LocaleMessages[K] {
  const own: unknown = messages[section];
  const english: unknown = en[section];
  if (typeof english === 'string') return (typeof own === 'string' ? own : english) as LocaleMessages[K];
  return { ...(english as object), ...(own as object | undefined) } as LocaleMessages[K];
}

function interpolate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Shows what was typed with its invisible parts made visible: spaces as ␣, zero-width characters as ◌. */
export function visibleTyped(typed: string): string {
  return `“${typed.replace(INVISIBLE, '◌').replace(/\s/g, '␣')}”`;
}

export interface Messages {
  readonly locale: SupportedLocale;
  checkName(id: CheckId): string;
  /** What a check found, with its numbers. */
  summary(result: CheckResult): string;
  /**
   * What to do, with the suggested code's terms when a catalog is given; null for results that need
   * nothing done.
   */
  fix(result: CheckResult, catalog?: Catalog): string | null;
  verdictHeadline(diagnosis: Diagnosis): string;
  unreadableLine(entry: { readonly field: string; readonly reason: string }): string;
  /** "US $8 off US $59+", "10% (up to US $15) off US $50+". */
  codeTerms(promo: PromoCode): string;
  /** "add US $11.60 to unlock"; empty for a code that already fits. */
  unlockLine(match: CodeMatch): string;
  /** "saves US $8.00" */
  savingLine(match: CodeMatch): string;
  exampleLabel(): string;
  /** Full amount ("US $99.00"), or `short` without zero cents ("US $8"). */
  formatMoney(amount: Money, style?: 'full' | 'short'): string;
  /** The exact local date and time in `timeZone`, with the zone's abbreviation: "Jun 30, 2026, 11:59 PM PDT". */
  formatInstant(iso: string, timeZone: string): string;
  /** A countdown length: "3 hr", "45 min", "2 days". */
  formatDuration(ms: number): string;
}

export function createMessages(requested: string | readonly string[]): Messages {
  const locale = resolveLocale(requested);
  const own = LOCALES[locale];
  const checkNames = pick(own, 'checkNames');
  const summaries = pick(own, 'summaries');
  const fixes = pick(own, 'fixes');
  const suggestions = pick(own, 'suggestions');
  const problems = pick(own, 'problems');
  const verdicts = pick(own, 'verdicts');
  const terms = pick(own, 'terms');
  const fields = pick(own, 'fields');
  const unreadableTemplate = pick(own, 'unreadableLine');
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const regionNames = new Intl.DisplayNames([locale], { type: 'region' });
  const numbers = new Intl.NumberFormat(locale);

  function formatMoney(amount: Money, style: 'full' | 'short' = 'full'): string {
    const digits = minorUnitDigits(amount.currency);
    const whole = amount.amountMinor % 10 ** digits === 0;
    const formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: amount.currency,
      minimumFractionDigits: style === 'short' && whole ? 0 : digits,
      maximumFractionDigits: digits,
    });
    // Formatting the decimal string keeps large amounts exact (no float division).
    const text = formatter.format(toDecimalString(amount) as `${number}`);
    // AliExpress's English pages write US dollars as "US $12.22", where Intl writes "$12.22".
    return locale === 'en' && amount.currency === 'USD' ? text.replace('$', 'US $') : text;
  }

  function formatInstant(iso: string, timeZone: string): string {
    const local = new TZDate(Date.parse(iso), timeZone);
    const zoneName =
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
        .formatToParts(local)
        .find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
    return `${format(local, 'PPp', { locale: DATE_LOCALES[locale] })} ${zoneName}`;
  }

  function formatDuration(ms: number): string {
    const minutes = Math.max(1, Math.floor(ms / 60_000));
    const [value, unit] =
      minutes < 60
        ? [minutes, 'minute']
        : minutes < 48 * 60
          ? [Math.floor(minutes / 60), 'hour']
          : [Math.floor(minutes / 1440), 'day'];
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: unit === 'day' ? 'long' : 'short',
    }).format(value);
  }

  const listItem: Readonly<Record<string, (item: string) => string>> = {
    allowed: (country) => regionNames.of(country) ?? country,
    problems: (problem) => problems[problem as keyof typeof problems] ?? problem,
    fields: (field) => fields[field] ?? field,
  };

  function formatFact(name: string, value: Fact): string {
    switch (value.kind) {
      case 'money':
        return formatMoney(value.value);
      case 'instant':
        return formatInstant(value.value, value.timeZone);
      case 'duration':
        return formatDuration(value.ms);
      case 'text':
        return name === 'typed' ? visibleTyped(value.value) : value.value;
      case 'count':
        return numbers.format(value.value);
      case 'list':
        return list.format(value.value.map(listItem[name] ?? ((item) => item)));
      case 'country':
        return regionNames.of(value.value) ?? value.value;
    }
  }

  function factValues(result: CheckResult): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.facts)) values[name] = formatFact(name, value);
    return values;
  }

  function codeTerms(promo: PromoCode): string {
    const { discount, minSpend } = promo;
    const percent = discount.kind === 'percent' ? `${numbers.format(discount.percent)}%` : '';
    const discountText =
      discount.kind === 'fixed'
        ? formatMoney(discount.amount, 'short')
        : discount.cap
          ? interpolate(terms.percentWithCap, { percent, cap: formatMoney(discount.cap, 'short') })
          : percent;
    return minSpend.amountMinor === 0
      ? interpolate(terms.noMinimum, { discount: discountText })
      : interpolate(terms.withMinimum, { discount: discountText, minSpend: formatMoney(minSpend, 'short') });
  }

  return {
    locale,
    checkName: (id) => checkNames[id],
    summary: (result) => interpolate(summaries[result.code] ?? result.code, factValues(result)),
    fix(result, catalog) {
      const template = fixes[result.code];
      const sentences = template === undefined ? [] : [interpolate(template, factValues(result))];
      if (result.suggestion !== undefined) {
        const promo = catalog?.entries.find((entry) => entry.promo.code === result.suggestion)?.promo;
        const code = promo
          ? interpolate(terms.codeWithTerms, { code: promo.code, terms: codeTerms(promo) })
          : result.suggestion;
        sentences.push(interpolate(suggestions[result.id] ?? suggestions.default, { code }));
      }
      return sentences.length === 0 ? null : sentences.join(' ');
    },
    verdictHeadline(diagnosis) {
      // A mistyped code is what will be rejected, not the catalog code it was matched to.
      const mistyped = diagnosis.culprit?.id === 'exact-code';
      const code =
        diagnosis.promo && !mistyped ? diagnosis.promo.code : visibleTyped(diagnosis.enteredCode.trim());
      const check = diagnosis.culprit ? checkNames[diagnosis.culprit.id] : '';
      return interpolate(verdicts[diagnosis.verdict], { code, check });
    },
    unreadableLine: (entry) =>
      interpolate(unreadableTemplate, { field: fields[entry.field] ?? entry.field, reason: entry.reason }),
    codeTerms,
    unlockLine: (match) =>
      match.shortfall ? interpolate(terms.unlock, { shortfall: formatMoney(match.shortfall) }) : '',
    savingLine: (match) => interpolate(terms.saving, { saving: formatMoney(match.saving) }),
    exampleLabel: () => terms.example,
    formatMoney,
    formatInstant,
    formatDuration,
  };
}
