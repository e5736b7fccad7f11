/**
 * The popup's app, started by main.ts once it has asked for the tab's state: render that state; re-render
 * after each action, keeping focus and opened sections where the shopper left them. It carries no rule
 * engine and no translations of it: the background words the state (`TabState.wording`). Nothing runs
 * when this module loads, so main.ts's request goes out first.
 */
import { POPUP_TO_BACKGROUND } from '../shared/message-names.ts';
import type { PopupMessage, TabState } from '../shared/protocol.ts';
import type { PromoCode } from '../rules/schemas/catalog.ts';
import { extensionApi, type PopupExtensionApi } from './ext.ts';
import { t, uiLanguage } from './i18n.ts';
import { renderTop, type PopupView } from './render/app.ts';
import type { PopupActions, RenderContext } from './render/context.ts';

/** Set by startPopup. */
let api: PopupExtensionApi;
let app: HTMLElement;
let live: HTMLElement;
let locale = 'en';

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
  return (
    !!value &&
    typeof value === 'object' &&
    'tabId' in value &&
    'feed' in value &&
    'history' in value &&
    'wording' in value
  );
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
    await paint();
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
    void paint();
    try {
      await act(() => send({ type: POPUP_TO_BACKGROUND.refreshFeed }), null);
    } catch {
      // Announced by act(); the header shows the feed's last attempt.
    }
    const after = readyView();
    if (after) view = { ...after, refreshing: false };
    await paint();
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
    void paint().then(() => {
      const field = app.querySelector<HTMLElement>('[data-key="add-code"]');
      field?.focus();
      field?.scrollIntoView({ block: 'center' });
    });
  },
};

/** The renderers for everything under the answer: loaded once the answer is on screen. */
type BelowTheFold = typeof import('./render/below-the-fold.ts');
let belowTheFold: BelowTheFold | null = null;
let belowTheFoldLoading: Promise<BelowTheFold> | null = null;

function loadBelowTheFold(): Promise<BelowTheFold> {
  belowTheFoldLoading ??= import('./render/below-the-fold.ts').then((module) => (belowTheFold = module));
  return belowTheFoldLoading;
}

/** After the next frame, so the browser draws what is there first; the timeout covers a hidden page. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/** Bumped by every paint, so a render's second step never lands on a newer render. */
let paintCount = 0;

/** Focus what had it before a re-render, unless the shopper has moved on since. */
function restoreFocus(focusKey: string | undefined): void {
  if (!focusKey || (document.activeElement && document.activeElement !== document.body)) return;
  app.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
}

/**
 * Render the view: the header and the answer at once (`data-view` says which view), then everything below
 * it, which is added after a frame for the first render (`belowTheFoldLater`) or while its code is still
 * loading. `data-rendered` is "first", then "all"; the promise resolves once it is "all" (or a newer paint
 * took over).
 */
function paint(options: { belowTheFoldLater?: boolean } = {}): Promise<void> {
  const paintId = ++paintCount;
  const active = document.activeElement;
  const focusKey = active instanceof HTMLElement && app.contains(active) ? active.dataset['key'] : undefined;
  const current = view;
  const ctx: RenderContext = {
    locale: current.kind === 'ready' ? current.state.wording.locale : locale,
    actions,
    announce,
    now: new Date(),
    openSections,
  };
  const { nodes, content } = renderTop(ctx, current);
  const root = document.documentElement;
  app.replaceChildren(...nodes);
  root.dataset['view'] = current.kind;
  restoreFocus(focusKey);
  if (!content || current.kind !== 'ready') {
    root.dataset['rendered'] = 'all';
    return Promise.resolve();
  }
  root.dataset['rendered'] = 'first';
  const finish = (module: BelowTheFold): void => {
    if (paintId !== paintCount) return;
    content.append(...module.renderBelowTheFold(ctx, current));
    root.dataset['rendered'] = 'all';
    restoreFocus(focusKey);
  };
  if (belowTheFold && !options.belowTheFoldLater) {
    finish(belowTheFold);
    return Promise.resolve();
  }
  // Started in a task of its own: starting a module load costs milliseconds the answer should not wait for.
  const loaded = new Promise<BelowTheFold>((resolve, reject) =>
    setTimeout(() => loadBelowTheFold().then(resolve, reject), 0),
  );
  const later = options.belowTheFoldLater ? nextFrame() : undefined;
  return Promise.all([loaded, later]).then(
    ([module]) => finish(module),
    (error: unknown) => console.error('[promo-code-doctor] the popup could not load all its parts', error),
  );
}

/** What main.ts started before starting the app: the tab lookup and the request for its state. */
export interface EarlyRequests {
  readonly tabId: Promise<number | null>;
  /** The background's reply to getTabState for that tab (undefined when there is no tab). */
  readonly state: Promise<unknown>;
}

/** Without an answer by then, the popup says it is loading (sooner, a spinner would only flash). */
const SPINNER_DELAY_MS = 150;

export async function startPopup(early: EarlyRequests): Promise<void> {
  api = extensionApi();
  app = document.getElementById('app') as HTMLElement;
  live = document.getElementById('live') as HTMLElement;
  locale = uiLanguage();
  document.documentElement.lang = locale;
  document.title = t('popupTitle');
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
  const spinner = setTimeout(() => void (view.kind === 'loading' && paint()), SPINNER_DELAY_MS);
  try {
    tabId = await early.tabId;
    if (tabId === null) throw new Error(t('loadFailedNoTab'));
    await load(early.state);
    performance.mark('popup-state-received');
  } catch (error) {
    view = { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  clearTimeout(spinner);
  const rendered = paint({ belowTheFoldLater: true });
  performance.mark('popup-rendered');
  await rendered;
}
