import type { PromoCode } from '../../rules/schemas/catalog.ts';

/** What the popup can ask of the background; each call resolves when the background has answered. */
export interface PopupActions {
  copy(code: string): Promise<boolean>;
  setCodeUsed(code: string, used: boolean): Promise<void>;
  addCode(promo: PromoCode): Promise<void>;
  removeCode(code: string): Promise<void>;
  refreshFeed(): Promise<void>;
  saveSettings(feedUrl: string): Promise<void>;
  /** The shopper has read the storage notices. */
  dismissNotices(): Promise<void>;
  /** Open the "add a code" form with the code filled in (for a code no catalog knows). */
  prefillAddCode(code: string): void;
}

/**
 * What every renderer may use. Rule wording is not here: it comes with the tab's state, worded by the
 * background (`TabState.wording`).
 */
export interface RenderContext {
  /** For dates and country names: the locale the background worded the state in, else the browser's. */
  readonly locale: string;
  readonly actions: PopupActions;
  /** Say something through the popup's polite live region. */
  readonly announce: (text: string) => void;
  readonly now: Date;
  /** Keys of <details> the shopper opened, kept across re-renders. */
  readonly openSections: ReadonlySet<string>;
}
