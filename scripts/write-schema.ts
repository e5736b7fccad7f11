/** `npm run schema`: writes the feed's JSON Schema for publishers; a unit test keeps the file in sync. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { feedJsonSchema } from '../src/rules/schemas/feed-json-schema.ts';

const target = fileURLToPath(new URL('../schema/feed.schema.json', import.meta.url));
// Formatted like the rest of the repository, so `prettier --check` stays clean after a rewrite.
const options = (await resolveConfig(target)) ?? {};
writeFileSync(target, await format(JSON.stringify(feedJsonSchema()), { ...options, parser: 'json' }));
console.log(`wrote ${target}`);
