/**
 * The store listings and the manifest strings the stores show, checked against the stores' own limits so an
 * upload is not bounced, and against the promises the listing makes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The five UI languages; store folders use BCP 47 (pt-BR), _locales uses Chrome's pt_BR. */
const LISTING_LANGUAGES = ['en', 'es', 'fr', 'pt-BR', 'de'] as const;

/** Chrome Web Store: name at most 75 characters, summary (the manifest description) at most 132. */
const MAX_NAME = 75;
const MAX_SUMMARY = 132;
/** addons.mozilla.org rejects add-on names over 50 characters. */
const MAX_AMO_NAME = 50;
/** Chrome Web Store's limit for the detailed description. */
const MAX_DESCRIPTION = 16_000;

interface Listing {
  name: string;
  summary: string;
  description: string;
}

function readListing(language: string): Listing {
  const text = readFileSync(`store/${language}.md`, 'utf8');
  const name = /^# (.+)$/m.exec(text)?.[1]?.trim() ?? '';
  const section = (title: string): string =>
    new RegExp(`^## ${title}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(text)?.[1]?.trim() ?? '';
  return { name, summary: section('Summary'), description: section('Description') };
}

function localeMessages(language: string): Record<string, { message: string }> {
  const path = `public/_locales/${language.replace('-', '_')}/messages.json`;
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, { message: string }>)
    : {};
}

describe.each(LISTING_LANGUAGES)('store listing %s', (language) => {
  const listing = readListing(language);

  it('has a name, a summary and a description within the stores’ limits', () => {
    expect(listing.name.length).toBeGreaterThan(0);
    expect(listing.name.length).toBeLessThanOrEqual(Math.min(MAX_NAME, MAX_AMO_NAME));
    expect(listing.summary.length).toBeGreaterThan(40);
    expect(listing.summary.length).toBeLessThanOrEqual(MAX_SUMMARY);
    expect(listing.description.length).toBeGreaterThan(500);
    expect(listing.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
  });

  it('contains no links, so no tracking or affiliate URL slips into a listing', () => {
    expect(`${listing.summary}\n${listing.description}`).not.toMatch(/https?:\/\/|www\./i);
  });

  it('lists the five checks as five bullets, like the English listing', () => {
    expect(listing.description.match(/^• /gm)).toHaveLength(5);
  });
});

describe.each(LISTING_LANGUAGES)('manifest strings in %s', (language) => {
  const messages = localeMessages(language);

  it('name and description fit the store limits (Chrome shows them as the listing title and summary)', () => {
    const name = messages['extName']?.message ?? '';
    const description = messages['extDescription']?.message ?? '';
    expect(name.length).toBeGreaterThan(0);
    expect(name.length).toBeLessThanOrEqual(Math.min(MAX_NAME, MAX_AMO_NAME));
    expect(description.length).toBeGreaterThan(0);
    expect(description.length).toBeLessThanOrEqual(MAX_SUMMARY);
  });
});
