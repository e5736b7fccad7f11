/**
 * Time: a code's expiry across the US daylight-saving changes (2026-03-08 spring forward, 2026-11-01 fall
 * back, America/Los_Angeles), at the exact `validUntil` instant (1 ms before, at, 1 ms after), and the local
 * date the shopper reads. `npm run test:tz` runs this folder under TZ=America/Los_Angeles, UTC and
 * Asia/Kolkata: nothing here may depend on the machine's zone.
 */
import { describe, expect, it } from 'vitest';
import { expiry } from '../../../src/rules/checks/expiry.ts';
import { createMessages, diagnose } from '../../../src/rules/index.ts';
import { parseAddCodeForm, type AddCodeValues } from '../../../src/popup/render/add-code.ts';
import { checkContext } from '../../helpers/check.ts';
import { makeCatalog, makePromo, makeSnapshot } from '../../helpers/snapshot.ts';
import { reportFigures } from '../helpers.ts';

const LA = 'America/Los_Angeles';
const en = createMessages('en');
const MS = 1;
const HOUR = 60 * 60 * 1000;

function statusAt(now: Date, validUntil: string, validFrom = '2026-01-01T00:00:00-08:00') {
  const promo = makePromo({ validFrom, validUntil, timeZone: LA });
  return expiry.run(checkContext({ promo, now }));
}

function verdictAt(now: Date, validUntil: string) {
  const promo = makePromo({
    code: 'SAVE8',
    validFrom: '2026-01-01T00:00:00-08:00',
    validUntil,
    timeZone: LA,
  });
  const snapshot = makeSnapshot({
    promo: { enteredCode: { known: true, value: 'SAVE8', source: 'promo input' } },
  });
  return diagnose(snapshot, 'SAVE8', makeCatalog([promo]), [], now);
}

let assertions = 0;

describe(`expiry at the exact validUntil instant (process TZ ${Intl.DateTimeFormat().resolvedOptions().timeZone})`, () => {
  // The instants a campaign really ends on: midnight PST, the last second before spring forward, the
  // repeated 01:30 of fall back (first PDT, then PST), and an ordinary PDT night.
  const ENDS = [
    ['the night before spring forward (PST)', '2026-03-08T00:00:00-08:00'],
    ['01:59:59 PST, the last second before the clocks jump', '2026-03-08T01:59:59-08:00'],
    ['03:00 PDT, the first instant after the jump', '2026-03-08T03:00:00-07:00'],
    ['01:30 PDT on fall-back day (the first 01:30)', '2026-11-01T01:30:00-07:00'],
    ['01:30 PST on fall-back day (the second 01:30)', '2026-11-01T01:30:00-08:00'],
    ['23:59:59 PDT, an ordinary campaign end', '2026-06-30T23:59:59-07:00'],
  ] as const;

  it.each(ENDS)('%s: valid 1 ms before, expired at and 1 ms after', (_label, validUntil) => {
    const end = Date.parse(validUntil);
    expect(statusAt(new Date(end - MS), validUntil).status).toBe('warn');
    expect(statusAt(new Date(end), validUntil).code).toBe('expiry.expired');
    expect(statusAt(new Date(end + MS), validUntil).code).toBe('expiry.expired');
    expect(verdictAt(new Date(end - MS), validUntil).verdict).toBe('will-apply');
    const atEnd = verdictAt(new Date(end), validUntil);
    expect(atEnd.verdict).toBe('will-be-rejected');
    expect(atEnd.culprit?.code).toBe('expiry.expired');
    expect(verdictAt(new Date(end + MS), validUntil).culprit?.code).toBe('expiry.expired');
    assertions += 7;
  });

  it('the two 01:30s of fall-back day are an hour apart, and each expires at its own instant', () => {
    const first = Date.parse('2026-11-01T01:30:00-07:00');
    const second = Date.parse('2026-11-01T01:30:00-08:00');
    expect(second - first).toBe(HOUR);
    // Between them, a code ending at the second 01:30 still works.
    expect(statusAt(new Date(first + 30 * 60 * 1000), '2026-11-01T01:30:00-08:00').status).toBe('warn');
    expect(statusAt(new Date(first + 30 * 60 * 1000), '2026-11-01T01:30:00-07:00').code).toBe(
      'expiry.expired',
    );
    assertions += 3;
  });

  it('the not-started edge: at validFrom it works, 1 ms before it does not', () => {
    const validFrom = '2026-03-08T03:00:00-07:00';
    const start = Date.parse(validFrom);
    const until = '2026-04-01T00:00:00-07:00';
    expect(statusAt(new Date(start - MS), until, validFrom).code).toBe('expiry.not-started');
    expect(statusAt(new Date(start), until, validFrom).code).toBe('expiry.valid');
    assertions += 2;
  });
});

describe('"expiring soon" counts real hours across a DST change', () => {
  it('spring forward: midnight to midnight Pacific is 23 hours, so it warns', () => {
    const result = statusAt(new Date('2026-03-08T00:00:00-08:00'), '2026-03-09T00:00:00-07:00');
    expect(result.code).toBe('expiry.expiring-soon');
    expect(result.facts['endsIn']).toEqual({ kind: 'duration', ms: 23 * HOUR });
    assertions += 2;
  });

  it('fall back: midnight to midnight Pacific is 25 hours, so it does not warn yet', () => {
    const result = statusAt(new Date('2026-11-01T00:00:00-07:00'), '2026-11-02T00:00:00-08:00');
    expect(result.code).toBe('expiry.valid');
    expect(result.facts['endsIn']).toEqual({ kind: 'duration', ms: 25 * HOUR });
    assertions += 2;
  });
});

describe('the local date the shopper reads is the campaign zone’s, whatever the machine’s zone', () => {
  it.each([
    ['2026-03-08T09:59:59Z', 'Mar 8, 2026, 1:59 AM PST'],
    ['2026-03-08T10:00:00Z', 'Mar 8, 2026, 3:00 AM PDT'],
    ['2026-11-01T08:30:00Z', 'Nov 1, 2026, 1:30 AM PDT'],
    ['2026-11-01T09:30:00Z', 'Nov 1, 2026, 1:30 AM PST'],
    // 06:59:59 UTC on July 1st: still June 30th in Los Angeles (and already the afternoon of July 1st in Kolkata).
    ['2026-07-01T06:59:59Z', 'Jun 30, 2026, 11:59 PM PDT'],
    ['2026-12-31T23:59:59-08:00', 'Dec 31, 2026, 11:59 PM PST'],
  ])('%s reads "%s"', (iso, wording) => {
    expect(en.formatInstant(iso, LA)).toBe(wording);
    assertions += 1;
  });

  it('an expired code names the Pacific end date, not the machine’s', () => {
    const result = statusAt(new Date('2026-07-01T12:00:00Z'), '2026-06-30T23:59:59-07:00');
    expect(en.summary(result)).toBe('Expired Jun 30, 2026, 11:59 PM PDT.');
    assertions += 1;
  });

  it('the same instant in UTC and in Kolkata reads in those zones', () => {
    expect(en.formatInstant('2026-07-01T06:59:59Z', 'UTC')).toBe('Jul 1, 2026, 6:59 AM UTC');
    expect(en.formatInstant('2026-07-01T06:59:59Z', 'Asia/Kolkata')).toMatch(
      /^Jul 1, 2026, 12:29 PM (GMT\+5:30|IST)$/,
    );
    assertions += 2;
  });
});

describe('a code the shopper adds "until <date>" lasts that whole day in its zone, DST included', () => {
  const base: AddCodeValues = {
    code: 'MYSHOP5',
    kind: 'fixed',
    amount: '5',
    percent: '',
    cap: '',
    currency: 'USD',
    minSpend: '30',
    validUntil: '',
    timeZone: LA,
    regions: '',
    oncePerAccount: true,
  };
  it.each([
    // Spring-forward day ends in PDT (UTC-7), fall-back day in PST (UTC-8).
    ['2026-03-08', '2026-03-09T06:59:59.000Z'],
    ['2026-03-07', '2026-03-08T07:59:59.000Z'],
    ['2026-11-01', '2026-11-02T07:59:59.000Z'],
    ['2026-10-31', '2026-11-01T06:59:59.000Z'],
  ])('until %s -> %s', (date, instant) => {
    const result = parseAddCodeForm({ ...base, validUntil: date }, new Date('2026-02-01T00:00:00Z'), []);
    expect(result.ok && new Date(result.promo.validUntil).toISOString()).toBe(instant);
    assertions += 1;
  });
});

describe('figures', () => {
  it('reports how many time assertions ran in this zone', () => {
    expect(assertions).toBeGreaterThanOrEqual(50);
    reportFigures(`time (TZ=${process.env['TZ'] ?? 'unset'})`, { assertions });
  });
});
