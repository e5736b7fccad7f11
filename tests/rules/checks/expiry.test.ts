import { describe, expect, test } from 'vitest';
import { expiry } from '../../../src/rules/checks/expiry.ts';
import { createMessages } from '../../../src/rules/messages.ts';
import { fitting, runCheck } from '../../helpers/check.ts';
import { makePromo } from '../../helpers/snapshot.ts';

const HOUR = 3_600_000;
const promo = makePromo({ validFrom: '2026-11-01T00:00:00-07:00', validUntil: '2026-11-30T23:59:59-08:00' });
const ends = Date.parse(promo.validUntil);
const starts = Date.parse(promo.validFrom);

describe('expiry, compared as instants', () => {
  test.each([
    { label: 'more than a day left passes', now: ends - 25 * HOUR, code: 'expiry.valid' },
    { label: 'a day and a millisecond left passes', now: ends - 24 * HOUR - 1, code: 'expiry.valid' },
    { label: 'exactly 24 h left warns', now: ends - 24 * HOUR, code: 'expiry.expiring-soon' },
    { label: 'one millisecond left warns', now: ends - 1, code: 'expiry.expiring-soon' },
    { label: 'at validUntil itself it has expired (end is exclusive)', now: ends, code: 'expiry.expired' },
    { label: 'long after the end it has expired', now: ends + 90 * 24 * HOUR, code: 'expiry.expired' },
    {
      label: 'one millisecond before validFrom it has not started',
      now: starts - 1,
      code: 'expiry.not-started',
    },
    { label: 'at validFrom itself it is valid (start is inclusive)', now: starts, code: 'expiry.valid' },
  ])('$label', ({ now, code }) => {
    expect(runCheck(expiry, { promo, now: new Date(now) }).code).toBe(code);
  });

  test('facts carry the instant, the code’s zone and the time left', () => {
    const result = runCheck(expiry, { promo, now: new Date(ends - 3 * HOUR) });
    expect(result.facts).toEqual({
      endsAt: { kind: 'instant', value: '2026-11-30T23:59:59-08:00', timeZone: 'America/Los_Angeles' },
      endsIn: { kind: 'duration', ms: 3 * HOUR },
    });
    expect(createMessages('en').summary(result)).toBe('Expires Nov 30, 2026, 11:59 PM PST, in 3 hr.');
  });

  test('an expired code suggests a current code of the same ladder, nearest in rank', () => {
    const expired = makePromo({
      code: 'SUMMER12',
      validFrom: '2026-06-01T00:00:00-07:00',
      validUntil: '2026-06-10T23:59:59-07:00',
      tier: { ladder: 'g', rank: 2 },
    });
    const far = makePromo({ code: 'SAVE18', tier: { ladder: 'g', rank: 4 } });
    const near = makePromo({ code: 'SAVE4', tier: { ladder: 'g', rank: 1 } });
    const result = runCheck(expiry, { promo: expired, fittingNow: [fitting(far), fitting(near)] });
    expect(result.code).toBe('expiry.expired');
    expect(result.suggestion).toBe('SAVE4');
  });
});

describe('expiry across DST changes in America/Los_Angeles', () => {
  // 2026-03-08: clocks jump from 02:00 PST to 03:00 PDT, so that local day has 23 hours.
  test('spring forward: the time left is real elapsed time, an hour less than the wall clock says', () => {
    const endOfMarch8 = makePromo({
      validFrom: '2026-03-01T00:00:00-08:00',
      validUntil: '2026-03-08T23:59:59-07:00',
    });
    const result = runCheck(expiry, { promo: endOfMarch8, now: new Date('2026-03-08T00:30:00-08:00') });
    expect(result.code).toBe('expiry.expiring-soon');
    expect(result.facts['endsIn']).toEqual({ kind: 'duration', ms: 22.5 * HOUR - 1000 });
    expect(createMessages('en').summary(result)).toBe('Expires Mar 8, 2026, 11:59 PM PDT, in 22 hr.');
  });

  // 2026-11-01: 01:00-01:59 happens twice (PDT, then PST).
  const endsSecondOneThirty = makePromo({
    validFrom: '2026-10-01T00:00:00-07:00',
    validUntil: '2026-11-01T01:30:00-08:00',
  });
  test.each([
    {
      label: 'first 01:45 (PDT) is before the second 01:30 (PST): still valid',
      now: '2026-11-01T01:45:00-07:00',
      code: 'expiry.expiring-soon',
    },
    {
      label: 'second 01:29:59 (PST): one second left',
      now: '2026-11-01T01:29:59-08:00',
      code: 'expiry.expiring-soon',
    },
    { label: 'second 01:30 (PST): expired', now: '2026-11-01T01:30:00-08:00', code: 'expiry.expired' },
  ])('fall back: $label', ({ now, code }) => {
    expect(runCheck(expiry, { promo: endsSecondOneThirty, now: new Date(now) }).code).toBe(code);
  });

  test('fall back: the two 01:30s are shown with their own zone names', () => {
    const en = createMessages('en');
    expect(en.formatInstant('2026-11-01T01:30:00-07:00', 'America/Los_Angeles')).toBe(
      'Nov 1, 2026, 1:30 AM PDT',
    );
    expect(en.formatInstant('2026-11-01T01:30:00-08:00', 'America/Los_Angeles')).toBe(
      'Nov 1, 2026, 1:30 AM PST',
    );
  });
});
