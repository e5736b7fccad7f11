/**
 * The in-page hint, worded here so the content script carries neither the engine nor its translations:
 * the verdict in one line, the culprit's finding with its numbers, the fix, and one code to copy (the
 * exact code when the shopper mistyped it, else the best code that fits now).
 */
import { HINT_STYLESHEET } from '../shared/hint-style.ts';
import type { Messages } from '../rules/index.ts';
import type { Catalog } from '../rules/schemas/catalog.ts';
import type { CheckResult, CodeMatch, Diagnosis, MatchingCodes } from '../rules/types.ts';
import type { HintModel } from '../shared/protocol.ts';
import { normaliseCode } from './orders.ts';
import type { UiLabels } from './ui-labels.ts';

/** Codes a shopper can really use: bundled illustrative entries are never offered as "the code that fits". */
export function realFitting(matches: MatchingCodes | null): readonly CodeMatch[] {
  return (matches?.fitting ?? []).filter((match) => match.promo.example !== true);
}

/**
 * The result the hint explains: the culprit; for a code that will apply, a warning or else an undecided
 * rule that has something to do about it (a code already applied, unidentified); for `unsure`, the first
 * undecided check.
 */
function explained(diagnosis: Diagnosis, messages: Messages): CheckResult | null {
  if (diagnosis.culprit) return diagnosis.culprit;
  const { results } = diagnosis;
  if (diagnosis.verdict === 'will-apply') {
    return (
      results.find((result) => result.status === 'warn') ??
      results.find((result) => result.status === 'unknown' && messages.fix(result) !== null) ??
      null
    );
  }
  if (diagnosis.verdict === 'unsure') return results.find((result) => result.status === 'unknown') ?? null;
  return null;
}

function toneOf(diagnosis: Diagnosis, explainedResult: CheckResult | null): HintModel['tone'] {
  switch (diagnosis.verdict) {
    case 'will-apply':
      return explainedResult === null ? 'ok' : 'warn';
    case 'will-be-rejected':
      return 'bad';
    case 'unsure':
      return 'warn';
    case 'unknown-code':
    case 'cannot-read-page':
      return 'unknown';
  }
}

function codeToCopy(diagnosis: Diagnosis, matches: MatchingCodes | null): string | null {
  const mistyped = diagnosis.failures.some((failure) => failure.id === 'exact-code');
  if (mistyped && diagnosis.promo) return diagnosis.promo.code;
  const best = realFitting(matches)[0];
  if (!best) return null;
  // Offering the very code that already applies would be noise.
  if (diagnosis.verdict === 'will-apply' && best.promo.code === normaliseCode(diagnosis.enteredCode))
    return null;
  return best.promo.code;
}

export function hintFor(
  diagnosis: Diagnosis,
  matches: MatchingCodes | null,
  catalog: Catalog,
  messages: Messages,
  labels: UiLabels,
): HintModel {
  const result = explained(diagnosis, messages);
  const unreadable = diagnosis.unreadable[0];
  const detail = result ? messages.summary(result) : unreadable ? messages.unreadableLine(unreadable) : null;
  const code = codeToCopy(diagnosis, matches);
  return {
    tone: toneOf(diagnosis, result),
    headline: messages.verdictHeadline(diagnosis),
    detail,
    fix: result ? messages.fix(result, catalog) : null,
    copy: code === null ? null : { code, label: labels.copy(code), copiedLabel: labels.copied(code) },
    dismissLabel: labels.dismiss,
    stylesheet: HINT_STYLESHEET,
  };
}
