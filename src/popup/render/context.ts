import type { PromoCode } from '../../rules/schemas/catalog.ts';
import type { Messages } from '../../rules/messages.ts';
import type { Catalog } from '../../rules/schemas/catalog.ts';

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

export interface RenderContext {
  /** Rule wording shared with the in-page hint, in the browser's language. */
  readonly m: Messages;
  /** The codes this popup knows (matches and the shopper's own), so a fix can quote a suggestion's terms. */
  readonly catalog: Catalog;
  readonly locale: string;
  readonly actions: PopupActions;
  /** Say something through the popup's polite live region. */
  readonly announce: (text: string) => void;
  readonly now: Date;
  /** Keys of <details> the shopper opened, kept across re-renders. */
  readonly openSections: ReadonlySet<string>;
}
