/**
 * Summary rows ("Subtotal US $87.40"): by the page's row selectors first, then, when AliExpress renamed
 * its classes, by label text alone: a short text that is a known label, and the rest of its row as value.
 */
import { queryAllFirst, queryFirst, textOf } from '../dom.ts';
import type { SelectorList } from '../selectors.ts';
import { LIMITS, type RawRow, type RawSummary } from '../../shared/page-model/raw.ts';
import { clip } from '../../shared/page-model/text.ts';

export interface RowSelectors {
  readonly row: SelectorList;
  readonly label: SelectorList;
  readonly value: SelectorList;
}

/** Rows under `container` found with the row selectors; null when no row selector matches. */
export function readRowsBySelector(container: ParentNode, selectors: RowSelectors): RawSummary | null {
  const found = queryAllFirst(container, selectors.row);
  if (!found) return null;
  const rows: RawRow[] = [];
  for (const row of found.elements.slice(0, LIMITS.rows)) {
    const labelElement = queryFirst(row, selectors.label);
    const valueElement = queryFirst(row, selectors.value);
    const label = labelElement ? textOf(labelElement) : '';
    let value = valueElement ? textOf(valueElement) : '';
    if (!valueElement && labelElement) value = textOf(row).slice(label.length).trim();
    rows.push({ label: clip(label, LIMITS.shortText), value: clip(value, LIMITS.shortText) });
  }
  return { rows, via: clip(`summary rows ${found.selector}`, LIMITS.shortText) };
}

const MAX_LABEL_LENGTH = 40;
/** A value without digits ("Free shipping", "Free"). */
const MAX_WORDED_VALUE_LENGTH = 24;

/**
 * Rows found by shape anywhere under `root`, when the row selectors found none (AliExpress renamed its
 * classes): a label is a short text without digits, its value the rest of the nearest ancestor (up to 3
 * levels) that holds more, and a value is an amount or a word or two ("Free"). Which label is which row,
 * and which pairs are no summary row at all, the background decides (`classifyLabel`).
 */
export function readRowsByLabelText(root: Element): RawSummary | null {
  const rows: RawRow[] = [];
  const seen = new Set<Element>();
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').trim();
    if (!text || text.length > MAX_LABEL_LENGTH || /\d/.test(text)) continue;
    const labelElement = node.parentElement;
    if (!labelElement) continue;
    const label = textOf(labelElement);
    if (label.length > MAX_LABEL_LENGTH || /\d/.test(label)) continue;
    let row: Element | null = labelElement;
    for (let depth = 0; row && depth < 3 && textOf(row) === label; depth++) row = row.parentElement;
    if (!row || seen.has(row) || row === root) continue;
    seen.add(row);
    const value = textOf(row).replace(label, '').trim();
    // A row reads "<label> <amount>" or "<label> Free"; anything long is a paragraph.
    if (!value || value.length > (/\d/.test(value) ? MAX_LABEL_LENGTH : MAX_WORDED_VALUE_LENGTH)) continue;
    rows.push({ label, value });
    if (rows.length === LIMITS.rows) break;
  }
  return rows.length > 0 ? { rows, via: 'label text' } : null;
}
