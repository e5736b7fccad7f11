/**
 * `extractSnapshot`: a page to a `CartSnapshot` in one call, for the `npm run diagnose` CLI and the tests.
 * It is the content script's read (`readPage`) followed by the background's assembly (`assembleSnapshot`),
 * so a saved page reads exactly as the live one does. The content script itself calls only `readPage`.
 */
import type { CartSnapshot } from '../../rules/schemas/snapshot.ts';
import { assembleSnapshot } from '../../shared/page-model/assemble.ts';
import type { PromoCaptureState } from '../../shared/page-model/raw.ts';
import { readPage } from './read-page.ts';

export { readPage };

export function extractSnapshot(
  doc: Document,
  url: string,
  documentCookie: string,
  promoCapture: PromoCaptureState,
  now: Date,
): CartSnapshot {
  return assembleSnapshot(readPage(doc, url, documentCookie, promoCapture, now));
}
