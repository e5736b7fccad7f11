/** Name, and where the codes come from: publisher, date, refreshing or the last update's error. */
import type { FeedStatus } from '../../shared/protocol.ts';
import { t } from '../i18n.ts';
import type { RenderContext } from './context.ts';
import { h } from './h.ts';
import { formatDate } from './parts.ts';

export function renderHeader(ctx: RenderContext, feed: FeedStatus | null, refreshing: boolean): HTMLElement {
  return h('header', { class: 'top' }, [
    h('div', { class: 'brand' }, [
      h('span', { class: 'logo', 'aria-hidden': 'true' }, '%'),
      h('h1', null, t('popupTitle')),
    ]),
    feed ? feedLine(ctx, feed, refreshing) : null,
  ]);
}

function feedLine(ctx: RenderContext, feed: FeedStatus, refreshing: boolean): HTMLElement {
  const date = formatDate(feed.generatedAt, ctx.locale);
  const parts = [
    feed.activeSource === 'bundled' ? t('feedBuiltIn', feed.publisher) : feed.publisher,
    date,
    t('feedCodeCount', feed.codeCount),
  ];
  const failed = feed.lastAttempt && !feed.lastAttempt.ok;
  return h('div', { class: 'feed' }, [
    h('p', { class: 'feed-source' }, parts.join(' · ')),
    refreshing
      ? h('p', { class: 'feed-state', role: 'status' }, t('feedRefreshing'))
      : failed
        ? h('p', { class: 'feed-state feed-error' }, t('feedFailed', feed.lastAttempt?.error ?? '', date))
        : null,
  ]);
}
