/**
 * The popup's app, loaded by main.ts once it has asked for the tab's state: render that state; re-render
 * after each action, keeping focus and opened sections where the shopper left them.
 */
import { POPUP_TO_BACKGROUND } from '../shared/message-names.ts';
import type { PopupMessage, TabState } from '../shared/protocol.ts';
import type { PromoCode } from '../rules/schemas/catalog.ts';
import { extensionApi } from './ext.ts';
import { t, uiLanguage } from './i18n.ts';
import { renderAppInParts, type PopupView } from './render/app.ts';
import type { PopupActions, RenderContext } from './render/context.ts';
import { createMessages } from '../rules/messages.ts';
import type { Catalog } from '../rules/schemas/catalog.ts';

const api = extensionApi();
const app = document.getElementById('app') as HTMLElement;
const live = document.getElementById('live') as HTMLElement;
const locale = uiLanguage();
document.documentElement.lang = locale;
document.title = t('popupTitle');

let view: PopupView = { kind: 'loading' };
let tabId: number | null = null;
const openSections = new Set<string>();

/** Changes answer with an `ActionReply`; `{ ok: false, error }` (worded for the shopper) becomes a throw. */
async function send(message: PopupMessage): Promise<unknown> {
  return checked(await api.runtime.sendMessage(message));
}

function checked(reply: unknown): unknown {
  if (reply && typeof reply === 'object' && 'ok' in reply && reply.ok === false) {
    throw new Error('error' in reply && typeof reply.error === 'string' ? reply.error : t('loadFailedReply'));
  }
  return reply;
}

function isTabState(value: unknown): value is TabState {
  return !!value && typeof value === 'object' && 'tabId' in value && 'feed' in value && 'history' in value;
}

function announce(text: string): void {
  // Clear first so the same words twice ("Copied SAVE8") are announced twice.
  live.textContent = '';
  setTimeout(() => (live.textContent = text), 50);
}

function readyView(): Extract<PopupView, { kind: 'ready' }> | null {
  return view.kind === 'ready' ? view : null;
}

/** Ask for the tab's state (or take the answer main.ts already asked for) and make it the view. */
async function load(pending?: Promise<unknown>): Promise<void> {
  if (tabId === null) return;
  const reply = pending
    ? checked(await pending)
    : await send({ type: POPUP_TO_BACKGROUND.getTabState, tabId });
  if (!isTabState(reply)) throw new Error(t('loadFailedReply'));
  const previous = readyView();
  view = { kind: 'ready', state: reply, refreshing: previous?.refreshing ?? false, prefill: null };
}

/** Run a background action, reload the state, re-render; say what happened or what went wrong. */
async function act(run: () => Promise<unknown>, done: string | null): Promise<void> {
  try {
    await run();
    await load();
    paint();
    if (done) announce(done);
  } catch (error) {
    announce(t('actionFailed', error instanceof Error ? error.message : String(error)));
    throw error;
  }
}

const actions: PopupActions = {
  async copy(code) {
    try {
      await navigator.clipboard.writeText(code);
      return true;
    } catch {
      return false;
    }
  },
  setCodeUsed(code, used) {
    const state = readyView()?.state;
    if (!state) return Promise.resolve();
    return act(
      () => send({ type: POPUP_TO_BACKGROUND.setCodeUsed, accountId: state.accountId, code, used }),
      t(used ? 'markedUsed' : 'unmarked', code),
    ).catch(() => undefined);
  },
  addCode(promo: PromoCode) {
    return act(
      async () => {
        // The background checks the entry with the catalog schema and ignores one it refuses (no reply):
        // anything but `{ ok: true }` means the code was not added.
        const reply = await send({ type: POPUP_TO_BACKGROUND.addCode, promo });
        if (!(reply && typeof reply === 'object' && 'ok' in reply && reply.ok === true))
          throw new Error(t('loadFailedReply'));
      },
      t('addedCode', promo.code),
    );
  },
  removeCode(code) {
    return act(() => send({ type: POPUP_TO_BACKGROUND.removeCode, code }), t('removedCode', code)).catch(
      () => undefined,
    );
  },
  async refreshFeed() {
    const current = readyView();
    if (!current || current.refreshing) return;
    view = { ...current, refreshing: true };
    paint();
    try {
      await act(() => send({ type: POPUP_TO_BACKGROUND.refreshFeed }), null);
    } catch {
      // Announced by act(); the header shows the feed's last attempt.
    }
    const after = readyView();
    if (after) view = { ...after, refreshing: false };
    paint();
    const attempt = readyView()?.state.feed.lastAttempt;
    announce(attempt && !attempt.ok ? t('feedFailedShort', attempt.error ?? '') : t('feedRefreshed'));
  },
  saveSettings(feedUrl) {
    return act(() => send({ type: POPUP_TO_BACKGROUND.saveSettings, feedUrl }), t('saved')).catch(
      () => undefined,
    );
  },
  dismissNotices() {
    return act(() => send({ type: POPUP_TO_BACKGROUND.dismissNotices }), null).catch(() => undefined);
  },
  prefillAddCode(code) {
    const current = readyView();
    if (!current) return;
    view = { ...current, prefill: code };
    openSections.add('mine');
    paint();
    app.querySelector<HTMLElement>('[data-key="add-code"]')?.focus();
    app.querySelector<HTMLElement>('[data-key="add-code"]')?.scrollIntoView({ block: 'center' });
  },
};

const messages = createMessages([locale, ...navigator.languages]);

/** The codes the popup can see, so a fix can quote the terms of the code it suggests. */
function knownCodes(): Catalog {
  const state = readyView()?.state;
  const matches = state?.matches;
  const entries = [
    ...(matches?.fitting ?? []),
    ...(matches?.nearMisses ?? []),
    ...(state?.myCodes ?? []).map((promo) => ({ promo, source: 'mine' as const })),
  ].map(({ promo, source }) => ({ promo, source }));
  return { entries, fxRates: null };
}

/** Bumped by every paint, so a first render's second step never lands on a newer render. */
let paintCount = 0;

/**
 * Render the view. `belowTheFoldLater` (the first render of the tab's state) shows the answer first and
 * adds the rest after the browser has had a frame to draw it; `data-rendered="all"` says when it is done.
 */
function paint(options: { belowTheFoldLater?: boolean } = {}): void {
  const paintId = ++paintCount;
  const active = document.activeElement;
  const focusKey = active instanceof HTMLElement && app.contains(active) ? active.dataset['key'] : undefined;
  const ctx: RenderContext = {
    m: messages,
    locale: messages.locale,
    catalog: knownCodes(),
    actions,
    announce,
    now: new Date(),
    openSections,
  };
  const parts = renderAppInParts(ctx, view);
  const root = document.documentElement;
  const finish = (): void => {
    if (paintId !== paintCount || root.dataset['rendered'] === 'all') return;
    parts.finish();
    root.dataset['rendered'] = 'all';
  };
  app.replaceChildren(...parts.nodes);
  root.dataset['view'] = view.kind === 'ready' ? 'ready' : view.kind;
  if (options.belowTheFoldLater) {
    root.dataset['rendered'] = 'first';
    // After the next frame; the timeout also covers a page that gets no frames (hidden).
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 100);
  } else {
    root.dataset['rendered'] = 'first';
    finish();
    if (focusKey) app.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }
}

// <details> toggles do not bubble; capture them to remember which sections the shopper opened.
app.addEventListener(
  'toggle',
  (event) => {
    const target = event.target;
    if (!(target instanceof HTMLDetailsElement) || !target.dataset['key']) return;
    if (target.open) openSections.add(target.dataset['key']);
    else openSections.delete(target.dataset['key']);
  },
  true,
);

/** What main.ts started before this module loaded: the tab lookup and the request for its state. */
export interface EarlyRequests {
  readonly tabId: Promise<number | null>;
  /** The background's reply to getTabState for that tab (undefined when there is no tab). */
  readonly state: Promise<unknown>;
}

function settledYet(promise: Promise<unknown>): Promise<boolean> {
  // An already settled promise wins the race against the plain value queued after it.
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    Promise.resolve(false),
  ]);
}

export async function startPopup(early: EarlyRequests): Promise<void> {
  // The spinner only when the answer is not already here: otherwise it would be replaced unseen.
  if (!(await settledYet(early.state))) paint();
  try {
    tabId = await early.tabId;
    if (tabId === null) throw new Error(t('loadFailedNoTab'));
    await load(early.state);
    performance.mark('popup-state-received');
  } catch (error) {
    view = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  paint({ belowTheFoldLater: true });
  performance.mark('popup-rendered');
}
