/**
 * The rule engine as the background uses it: injected, so handler tests can pin a verdict and the entry
 * (`index.ts`) passes the real one from `src/rules`.
 */
import type { Messages } from '../rules/index.ts';
import type { Catalog, Feed, PromoCode } from '../rules/schemas/catalog.ts';
import type { UsageHistory } from '../rules/schemas/history.ts';
import type { CartSnapshot } from '../rules/schemas/snapshot.ts';
import type { Diagnosis, MatchingCodes } from '../rules/types.ts';

export interface RulesEngine {
  diagnose(
    snapshot: CartSnapshot,
    enteredCode: string,
    catalog: Catalog,
    history: UsageHistory,
    now: Date,
  ): Diagnosis;
  matchingCodes(snapshot: CartSnapshot, catalog: Catalog, history: UsageHistory, now: Date): MatchingCodes;
  mergeCatalog(bundled: Feed, remote: Feed | null, mine: readonly PromoCode[]): Catalog;
  createMessages(locale: string | readonly string[]): Messages;
}
