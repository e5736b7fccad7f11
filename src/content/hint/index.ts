/**
 * The in-page hint next to AliExpress's promo field. It runs in the content script, whose bundles have a
 * 10 KB gzip budget, so: plain DOM, the stylesheet from the background (src/shared/hint-style.ts), nothing
 * built until the first hint is shown.
 *
 * The page is never modified: one host element is appended to <body>, everything else lives in its (closed)
 * shadow root. Every string is set with textContent: the model comes from the background but may quote page
 * text such as product titles.
 */
import type { HintModel } from '../../shared/protocol.ts';
import { PANEL_WIDTH } from '../../shared/hint-style.ts';

export const HINT_HOST_ATTRIBUTE = 'data-promo-code-doctor-hint';

export interface HintOptions {
  /** `open` only for tests, which read the rendered text through `host.shadowRoot`. */
  readonly mode?: 'open' | 'closed';
  /** Aborting removes the hint and its listeners (the content script's teardown signal). */
  readonly signal?: AbortSignal;
  /** Page elements the panel must never cover, such as the Pay-now button. */
  readonly avoid?: readonly Element[];
  /** Called when the shopper dismisses the hint (dismiss button or Escape). */
  readonly onDismiss?: () => void;
}

const TONE_ICONS: Record<HintModel['tone'], string> = { ok: '✓', bad: '✕', warn: '!', unknown: '?' };
const GAP = 8;
const MARGIN = 8;
interface Mounted {
  host: HTMLElement;
  style: HTMLStyleElement;
  panel: HTMLElement;
  anchor: Element;
  options: HintOptions;
  teardown: AbortController;
  /** Places the panel in the next frame. */
  schedule: () => void;
}

let mounted: Mounted | null = null;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string | null,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Show (or update in place) the hint for the promo field `anchor`. Never moves focus. */
export function showHint(anchor: Element, model: HintModel, options: HintOptions = {}): void {
  if (options.signal?.aborted) return;
  const fresh = !mounted || mounted.anchor !== anchor || !mounted.host.isConnected;
  // Measured before anything of ours is in the page, whose layout is then still clean: reading it costs
  // nothing, where reading it after would make the browser lay the page out again at once (issue 8).
  const row = rowRect(anchor);
  if (fresh) mount(anchor, options);
  else if (mounted) mounted.options = options;
  render(model, fresh, row);
}

/** Remove the hint and every listener it added. Safe to call at any time, also after an extension reload. */
export function removeHint(): void {
  mounted?.teardown.abort();
  mounted = null;
  // A previous instance of the content script (extension reloaded) may have left its host behind.
  for (const stale of document.querySelectorAll(`[${HINT_HOST_ATTRIBUTE}]`)) stale.remove();
}

function mount(anchor: Element, options: HintOptions): void {
  removeHint();
  const host = document.createElement('promo-code-doctor-hint');
  host.setAttribute(HINT_HOST_ATTRIBUTE, '');
  // Inline !important so page stylesheets cannot hide or move the host; the panel itself is fixed-positioned.
  host.style.cssText =
    'all:initial!important;position:fixed!important;top:0!important;left:0!important;z-index:2147483647!important';
  const root = host.attachShadow({ mode: options.mode ?? 'closed' });
  const style = document.createElement('style');
  const panel = el('section', 'p');
  // A named region: the page's landmarks stay intact and a screen reader can jump to the hint.
  panel.setAttribute('aria-label', 'Promo Code Doctor');
  root.append(style, panel);
  document.body.append(host);

  const teardown = new AbortController();
  const listen = { signal: teardown.signal, passive: true, capture: true };
  let frame = 0;
  const schedule = (): void => {
    if (!frame) frame = requestAnimationFrame(() => ((frame = 0), place()));
  };
  // Capture: scrolls of inner containers (AliExpress's sticky summary column) do not bubble to window.
  addEventListener('scroll', schedule, listen);
  addEventListener('resize', schedule, listen);
  // Escape dismisses while focus is in the promo field or in the panel, and nowhere else on the page.
  addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && (document.activeElement === anchor || document.activeElement === host))
        dismiss();
    },
    { signal: teardown.signal, capture: true },
  );
  teardown.signal.addEventListener('abort', () => (cancelAnimationFrame(frame), host.remove()));
  options.signal?.addEventListener('abort', removeHint, { signal: teardown.signal });
  mounted = { host, style, panel, anchor, options, teardown, schedule };
}

function dismiss(): void {
  if (!mounted) return;
  const { host, anchor, options } = mounted;
  // Focus was inside the panel: hand it back to the promo field rather than dropping it on <body>.
  const refocus = document.activeElement === host;
  removeHint();
  if (refocus && anchor instanceof HTMLElement) anchor.focus();
  options.onDismiss?.();
}

function render(model: HintModel, fresh: boolean, row: DOMRect): void {
  if (!mounted) return;
  const { panel, style } = mounted;
  if (style.textContent !== model.stylesheet) style.textContent = model.stylesheet;
  panel.className = `p ${model.tone}`;

  const icon = el('div', 'i', TONE_ICONS[model.tone]);
  icon.setAttribute('aria-hidden', 'true');
  // The message is a polite live region, so a screen reader reads the verdict without focus moving.
  const message = el('div', 'm');
  message.setAttribute('role', 'status');
  message.setAttribute('aria-atomic', 'true');
  const lines = (): HTMLElement[] => {
    // Say who is talking: the panel sits on AliExpress's page and must not pass for AliExpress's own.
    const out = [el('p', 'b', 'Promo Code Doctor'), el('p', 'h', model.headline)];
    if (model.detail) out.push(el('p', 'd', model.detail));
    if (model.fix) out.push(el('p', 'f', model.fix));
    return out;
  };
  message.append(...lines());
  // Screen readers often ignore text that arrives together with its live region: say it again once the
  // region exists. Same text, so nothing changes on screen.
  if (fresh) {
    const timer = setTimeout(() => message.replaceChildren(...lines()), 120);
    // A hint removed (dismissed, extension reloaded) before then must not touch the page again.
    mounted.teardown.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  }

  const close = el('button', 'x', '×');
  close.type = 'button';
  close.setAttribute('aria-label', model.dismissLabel);
  close.title = model.dismissLabel;
  close.onclick = dismiss;

  // DOM order is tab order: Copy (the useful action) first, then dismiss; the grid puts × top right.
  panel.replaceChildren(icon, message, ...(model.copy ? [copyRow(model.copy)] : []), close);
  // Below the promo row at once; the next frame measures the panel and moves it above when it does not
  // fit below or would cover Pay now (`place`), when the page is laid out anyway.
  panel.style.left = `${Math.max(MARGIN, Math.min(row.left, innerWidth - PANEL_WIDTH - MARGIN))}px`;
  panel.style.top = `${row.bottom + GAP}px`;
  mounted.schedule();
}

function copyRow(copy: NonNullable<HintModel['copy']>): HTMLElement {
  const row = el('div', 'a');
  const button = el('button', 'c', copy.label);
  button.type = 'button';
  const status = el('span', 's');
  status.setAttribute('role', 'status');
  let revert = 0;
  button.onclick = async () => {
    await writeClipboard(copy.code);
    button.textContent = copy.copiedLabel;
    button.dataset.done = '';
    status.textContent = copy.copiedLabel;
    clearTimeout(revert);
    revert = window.setTimeout(() => {
      button.textContent = copy.label;
      delete button.dataset.done;
      status.textContent = '';
    }, 2500);
  };
  row.append(button, status);
  return row;
}

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Some pages deny the async clipboard in a content script; the click is still a user gesture.
    const area = document.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0';
    mounted?.panel.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** The promo field's row: the field and its Apply button sit in a parent about as tall as the field. */
function rowRect(anchor: Element): DOMRect {
  let rect = anchor.getBoundingClientRect();
  let node = anchor.parentElement;
  for (let depth = 0; node && node !== document.body && depth < 3; depth++, node = node.parentElement) {
    const parent = node.getBoundingClientRect();
    if (parent.height > rect.height * 2 + 16) break;
    rect = parent;
  }
  return rect;
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Below the row; above it when there is no room below or below would cover a button to avoid. */
function place(): void {
  if (!mounted) return;
  const { anchor, panel, options } = mounted;
  if (!anchor.isConnected) return removeHint();
  const row = rowRect(anchor);
  const width = panel.offsetWidth;
  const height = panel.offsetHeight;
  const left = Math.max(MARGIN, Math.min(row.left, innerWidth - width - MARGIN));
  const below = new DOMRect(left, row.bottom + GAP, width, height);
  const above = new DOMRect(left, row.top - GAP - height, width, height);
  const blocked = (rect: DOMRect): boolean =>
    (options.avoid ?? []).some((element) => overlaps(rect, element.getBoundingClientRect()));
  const fits = (rect: DOMRect): boolean => rect.top >= MARGIN && rect.bottom <= innerHeight - MARGIN;
  const order = [below, above];
  const chosen = order.find((r) => fits(r) && !blocked(r)) ?? order.find((r) => !blocked(r)) ?? below;
  panel.style.left = `${chosen.left}px`;
  panel.style.top = `${chosen.top}px`;
}
