/** Text helpers shared by the page readers (content script) and the assembly (background, CLI). */

/** Lower-case label text without a trailing colon, bidi marks or counters such as "(3 items)". */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/\s*[:：]\s*$/, '')
    .trim()
    .toLowerCase();
}

/** Cut page text down to what fits in a message, a snapshot field or a reason. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
