// @vitest-environment happy-dom
/**
 * Hostile page text: product titles, store names, AliExpress's error text, the typed code and feed fields
 * carrying HTML (`<img onerror>`, `<script>`), an RTL override, zero-width characters and 100 KB strings,
 * fed through the whole path: the saved checkout read by the content script's extractor -> the background
 * router -> the popup's render and the in-page hint (happy-dom). No element or script may come from the
 * text (elements are counted against the same state with plain text), the text shows verbatim as text, and
 * the CSS wraps long words so the layout holds. Real layout widths are checked in Chromium in
 * tests/e2e/hardening-reload.e2e.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readPage } from '../../src/content/extract/index.ts';
import { removeHint, showHint } from '../../src/content/hint/index.ts';
import { renderApp } from '../../src/popup/render/below-the-fold.ts';
import type { PopupActions, RenderContext } from '../../src/popup/render/context.ts';
import { POPUP_TO_BACKGROUND, type HintModel, type TabState } from '../../src/shared/protocol.ts';
import { makeFeed, makePromo } from '../background/builders.ts';
import { senders } from '../background/fake-browser.ts';
import { createHarness, quietWarnings } from '../background/harness.ts';
import { HTML_PAYLOADS, RTL_OVERRIDE, ZERO_WIDTH, reportFigures, unbroken } from './helpers.ts';
import { HINT_STYLESHEET } from '../../src/shared/hint-style.ts';

// happy-dom replaces the global URL: resolve fixture paths with Node's path module.
const HERE = path.dirname(fileURLToPath(import.meta.url));
const fromHere = (relative: string) => readFileSync(path.join(HERE, relative), 'utf8');
const PAGE = fromHere('../fixtures/pages/checkout-us-8740.html');
const META = JSON.parse(fromHere('../fixtures/pages/checkout-us-8740.json')) as {
  url: string;
  cookie: string;
};
const EN_MESSAGES = JSON.parse(fromHere('../../public/_locales/en/messages.json')) as Record<
  string,
  { message: string }
>;

/** How the page itself carries text: escaped, so it is text on AliExpress's page too. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** What a hostile page and feed put where the shopper will see it. */
interface Hostile {
  readonly title: string;
  readonly store: string;
  readonly error: string;
  readonly code: string;
  readonly publisher: string;
}

const CASES: [label: string, hostile: Hostile][] = [
  [
    'HTML and scripts',
    {
      title: `Charger ${HTML_PAYLOADS[0]}`,
      store: `${HTML_PAYLOADS[1]} Store`,
      error: `Code invalid ${HTML_PAYLOADS[2]}`,
      code: 'SAVE<img src=x onerror=alert(1)>',
      publisher: `Feed ${HTML_PAYLOADS[3]}`,
    },
  ],
  [
    'an RTL override and zero-width characters',
    {
      title: `Buds ${RTL_OVERRIDE}`,
      store: `Store ${ZERO_WIDTH}`,
      error: `${RTL_OVERRIDE} expired`,
      code: `SAVE1\u202E8`,
      publisher: `Feed ${ZERO_WIDTH}`,
    },
  ],
  [
    '100 KB strings without a space',
    {
      title: unbroken(100 * 1024),
      store: unbroken(100 * 1024, 'S'),
      error: unbroken(100 * 1024, 'E'),
      code: unbroken(100 * 1024, 'C'),
      publisher: unbroken(100 * 1024, 'P'),
    },
  ],
];

const PLAIN: Hostile = {
  title: 'Charger',
  store: 'Baseus Store',
  error: 'Code invalid',
  code: 'SAVE1X',
  publisher: 'Feed',
};

/** The saved checkout with the hostile texts written into it as a page would: escaped, as text. */
function hostilePage(hostile: Hostile): string {
  const title = escapeHtml(hostile.title);
  return PAGE.replace(
    /title="Baseus 65W GaN USB C Charger[^"]*" target="_blank">[^<]*</,
    `title="${title}" target="_blank">${title}<`,
  )
    .replace('>Baseus Official Store<', `>${escapeHtml(hostile.store)}<`)
    .replace(
      '<div class="pl-promoCode-input-wrap-pc">',
      `<div class="promoErrorTip">${escapeHtml(hostile.error)}</div><div class="pl-promoCode-input-wrap-pc">`,
    );
}

/** The whole path: page -> content read -> router -> background state and hint, with a hostile feed. */
async function throughTheExtension(hostile: Hostile): Promise<{ state: TabState; hint: HintModel }> {
  quietWarnings();
  const doc = document.implementation.createHTMLDocument('checkout');
  // The saved page's own scripts and stylesheets are not needed to read it (and cannot load offline).
  doc.open();
  doc.write(
    hostilePage(hostile)
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<link[^>]*>/g, ''),
  );
  doc.close();
  const capture = {
    lastCode: { code: hostile.code.slice(0, 200), via: 'paste' as const, at: 1 },
    appliedCode: null,
  };
  const page = readPage(doc, META.url, META.cookie, capture, new Date('2026-11-24T18:00:00Z'));
  const harness = createHarness();
  harness.browser.fetchImpl = async () =>
    new Response(
      JSON.stringify(
        makeFeed([makePromo({ code: 'SAVE10' })], { publisher: hostile.publisher.slice(0, 200) }),
      ),
    );
  await harness.send(
    { type: POPUP_TO_BACKGROUND.saveSettings, feedUrl: 'https://feeds.example.org/a.json' },
    senders.popup(),
  );
  const hint = (await harness.pageRead(7, 'promo-input', page)) as HintModel;
  expect(hint, 'the page read passed the door').not.toBeNull();
  return { state: await harness.tabState(7), hint };
}

const noop = async () => undefined;
const actions: PopupActions = {
  copy: async () => true,
  setCodeUsed: noop,
  addCode: noop,
  removeCode: noop,
  refreshFeed: noop,
  saveSettings: noop,
  dismissNotices: noop,
  prefillAddCode: () => undefined,
};

function renderPopup(state: TabState): HTMLElement {
  const ctx: RenderContext = {
    locale: 'en',
    actions,
    announce: () => undefined,
    now: new Date('2026-11-24T18:00:00Z'),
    // Every section open, so every text is rendered.
    openSections: new Set([
      'checks',
      'more-checks',
      'cart',
      'cart-why',
      'history',
      'mine',
      'settings',
      'still',
      'codes',
      'near',
    ]),
  };
  const app = document.createElement('div');
  app.append(...renderApp(ctx, { kind: 'ready', state, refreshing: false, prefill: null }));
  return app;
}

/** Tag counts of everything under `root`: the shape of what was rendered. */
function shape(root: ParentNode): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of root.querySelectorAll('*'))
    counts[element.tagName] = (counts[element.tagName] ?? 0) + 1;
  return counts;
}

function dangerous(root: ParentNode): Element[] {
  return [
    ...root.querySelectorAll(
      'script, iframe, img, object, embed, [onerror], [onload], [onclick]:not(button)',
    ),
  ];
}

beforeAll(() => {
  // The popup's chrome strings come from messages.json through the extension API.
  (globalThis as { browser?: unknown }).browser = {
    runtime: { sendMessage: async () => ({ ok: true }) },
    tabs: { query: async () => [{ id: 7 }] },
    i18n: {
      getMessage: (name: string, substitutions?: string[]) => {
        let text = EN_MESSAGES[name]?.message ?? '';
        (substitutions ?? []).forEach((value, index) => (text = text.replace(`$${index + 1}`, value)));
        return text;
      },
      getUILanguage: () => 'en',
    },
  };
});
afterEach(() => {
  removeHint();
  vi.restoreAllMocks();
});

let rendered = 0;

describe('hostile page and feed text is shown as text, never as markup', () => {
  it.each(CASES)(
    '%s: the popup renders the same elements as for plain text, and the text verbatim',
    async (_label, hostile) => {
      const [plain, bad] = [await throughTheExtension(PLAIN), await throughTheExtension(hostile)];
      const before = shape(renderPopup(plain.state));
      const popup = renderPopup(bad.state);
      expect(dangerous(popup)).toEqual([]);
      expect(shape(popup)).toEqual(before);
      expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();

      // What the shopper reads: the page's title and error, the typed code and the publisher, as text.
      const text = popup.textContent ?? '';
      const snapshotLines = bad.state.snapshot?.lines.known ? bad.state.snapshot.lines.value : [];
      expect(snapshotLines[0]?.title).toBe(
        hostile.title.slice(0, 1999) + (hostile.title.length > 2000 ? '…' : hostile.title.slice(1999)),
      );
      expect(text).toContain(bad.state.diagnosis?.pageError?.text ?? '<no error read>');
      expect(bad.state.diagnosis?.pageError?.text.startsWith(hostile.error.slice(0, 100))).toBe(true);
      expect(text).toContain(bad.state.feed.publisher);
      expect(bad.state.feed.publisher).toBe(hostile.publisher.slice(0, 200));
      rendered++;
    },
  );

  it.each(CASES)(
    '%s: the in-page hint builds only its own elements, and shows the text verbatim',
    async (_label, hostile) => {
      const { hint } = await throughTheExtension(hostile);
      const field = document.createElement('input');
      document.body.append(field);
      const bodyBefore = document.body.querySelectorAll('*').length;
      showHint(field, hint, { mode: 'open' });
      const host = document.querySelector('[data-promo-code-doctor-hint]');
      const root = host?.shadowRoot;
      expect(root).toBeTruthy();
      // One host on the page; inside: style, panel, icon, message lines, buttons, nothing else.
      expect(document.body.querySelectorAll('*').length).toBe(bodyBefore + 1);
      expect(dangerous(root as ShadowRoot)).toEqual([]);
      const tags = new Set(Object.keys(shape(root as ShadowRoot)));
      for (const tag of tags) expect(['STYLE', 'SECTION', 'DIV', 'P', 'BUTTON', 'SPAN']).toContain(tag);
      const shown = root?.textContent ?? '';
      expect(shown).toContain(hint.headline);
      if (hint.detail) expect(shown).toContain(hint.detail);
      rendered++;
    },
  );

  it('the hint and the popup wrap long words instead of overflowing (CSS)', () => {
    const field = document.createElement('input');
    document.body.append(field);
    showHint(
      field,
      {
        tone: 'bad',
        headline: 'x',
        detail: null,
        fix: null,
        copy: null,
        dismissLabel: 'Dismiss',
        stylesheet: HINT_STYLESHEET,
      },
      { mode: 'open' },
    );
    const css =
      document.querySelector('[data-promo-code-doctor-hint]')?.shadowRoot?.querySelector('style')
        ?.textContent ?? '';
    expect(css).toMatch(/\.m\{[^}]*overflow-wrap:anywhere/);
    const popupCss = fromHere('../../src/popup/popup.css');
    expect(popupCss).toMatch(/body\s*\{[^}]*overflow-wrap:\s*anywhere/);
    reportFigures('hostile text', { cases: CASES.length, renders: rendered, elementsFromText: 0 });
  });
});
