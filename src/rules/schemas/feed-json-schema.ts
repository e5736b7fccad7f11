/**
 * The code feed as JSON Schema, for feed publishers (`npm run schema` writes it to schema/feed.schema.json).
 * Input shape (`io: 'input'`): fields with defaults, like exclusion lists, may be left out of a feed.
 * zod's refinements (unique codes, validFrom before validUntil, a real IANA zone) have no JSON Schema
 * form; the extension still enforces them when it loads a feed.
 */
import { z } from '../zod.ts';
import { FeedSchema } from './catalog.ts';

export function feedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(FeedSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'Promo Code Doctor code feed',
    description:
      'AliExpress promo codes with their terms. Amounts are integer minor units (cents) with an ISO 4217 currency; instants are ISO 8601 with an offset; timeZone is the IANA zone the campaign states its dates in.',
  };
}
