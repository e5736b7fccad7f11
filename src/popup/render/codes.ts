/** Codes that fit this cart now (best saving first) and near misses ("add US $X to unlock"). */
import type { PromoCode } from '../../rules/schemas/catalog.ts';
import type { CodeMatch, MatchingCodes } from '../../rules/types.ts';
import type { CodeWording, PopupWording } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h } from './h.ts';
import { copyButton, countryName, formatDate, section } from './parts.ts';

export function renderCodes(
  ctx: RenderContext,
  matches: MatchingCodes,
  wording: PopupWording,
): HTMLElement[] {
  const fitting = section(
    ctx,
    { key: 'codes', title: t('codesHeading'), count: matches.fitting.length, className: 'codes' },
    [
      matches.fitting.length
        ? h(
            'ul',
            { class: 'code-list' },
            matches.fitting.map((match, index) =>
              codeRow(ctx, match, index === 0, wording.fitting[index], wording.exampleLabel),
            ),
          )
        : h('p', { class: 'muted' }, t('codesNone')),
    ],
  );
  if (matches.nearMisses.length === 0) return [fitting];
  const near = section(
    ctx,
    { key: 'near', title: t('nearHeading'), count: matches.nearMisses.length, className: 'codes' },
    [
      h(
        'ul',
        { class: 'code-list' },
        matches.nearMisses.map((match, index) =>
          codeRow(ctx, match, false, wording.nearMisses[index], wording.exampleLabel),
        ),
      ),
    ],
  );
  return [fitting, near];
}

function codeRow(
  ctx: RenderContext,
  match: CodeMatch,
  best: boolean,
  words: CodeWording | undefined,
  exampleLabel: string,
): HTMLElement {
  const { promo } = match;
  return h('li', { class: best ? 'code-row is-best' : 'code-row' }, [
    h('div', { class: 'code-main' }, [
      h('p', { class: 'code-line' }, [
        h('code', { class: 'code-text' }, promo.code),
        best ? h('span', { class: 'tag tag-best' }, t('tagBest')) : null,
        promo.example
          ? h('span', { class: 'tag tag-example', title: t('exampleTitle') }, exampleLabel)
          : null,
        match.source === 'mine' ? h('span', { class: 'tag' }, t('tagMine')) : null,
      ]),
      h('p', { class: match.shortfall ? 'code-unlock' : 'code-saving' }, words?.line ?? ''),
      h('p', { class: 'code-terms' }, termsLine(ctx, promo, words?.terms ?? '')),
    ]),
    copyButton(ctx, promo.code),
  ]);
}

/**
 * The terms a shopper compares: discount and minimum (`terms`, worded by the background), last day, and
 * only the restrictions that apply.
 */
export function termsLine(ctx: RenderContext, promo: PromoCode, terms: string): string {
  const parts = [terms, t('termsUntil', formatDate(promo.validUntil, ctx.locale, promo.timeZone))].filter(
    Boolean,
  );
  if (promo.regions !== 'GLOBAL') {
    parts.push(t('termsRegions', promo.regions.map((code) => countryName(code, ctx.locale)).join(', ')));
  }
  if (promo.appOnly) parts.push(t('termsAppOnly'));
  if (promo.firstOrderOnly) parts.push(t('termsFirstOrder'));
  return parts.join(' · ');
}
