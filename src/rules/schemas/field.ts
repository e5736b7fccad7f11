import { z } from '../zod.ts';

/**
 * A value read from the page, or the reason it could not be read. Every snapshot field is one of these,
 * so a check can answer "unknown" with the reason instead of guessing.
 */
export type Field<T> = { known: true; value: T; source: string } | { known: false; reason: string };

export function fieldSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('known', [
    z.object({ known: z.literal(true), value, source: z.string().max(200) }),
    z.object({ known: z.literal(false), reason: z.string().max(500) }),
  ]);
}

export function known<T>(value: T, source: string): Field<T> {
  return { known: true, value, source };
}

export function missing<T = never>(reason: string): Field<T> {
  return { known: false, reason };
}
