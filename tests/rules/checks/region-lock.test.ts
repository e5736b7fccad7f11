import { describe, expect, test } from 'vitest';
import { regionLock } from '../../../src/rules/checks/region-lock.ts';
import { createMessages } from '../../../src/rules/messages.ts';
import { known, missing, type Field } from '../../../src/rules/schemas/field.ts';
import { fitting, runCheck } from '../../helpers/check.ts';
import { makePromo, makeSnapshot } from '../../helpers/snapshot.ts';

const usOnly = makePromo({ code: 'USA10', regions: ['US'] });
const country = (value: string | null): Field<string> =>
  value === null ? missing('not shown on this page') : known(value, 'test');

describe('region-lock', () => {
  test('a global code passes wherever the shopper is', () => {
    const snapshot = makeSnapshot({ region: { shipTo: country('BR'), account: country(null) } });
    expect(runCheck(regionLock, { promo: makePromo({ regions: 'GLOBAL' }), snapshot }).code).toBe(
      'region-lock.global',
    );
  });

  test.each([
    { label: 'US account shipping to the US passes', shipTo: 'US', account: 'US', code: 'region-lock.match' },
    { label: 'shipping to Canada fails', shipTo: 'CA', account: 'US', code: 'region-lock.ship-to-outside' },
    {
      label: 'a German account shipping to the US fails',
      shipTo: 'US',
      account: 'DE',
      code: 'region-lock.account-outside',
    },
    {
      label: 'ship-to outside decides even when the account is unknown',
      shipTo: 'CA',
      account: null,
      code: 'region-lock.ship-to-outside',
    },
    {
      label: 'account outside decides even when ship-to is unknown',
      shipTo: null,
      account: 'DE',
      code: 'region-lock.account-outside',
    },
    { label: 'ship-to unknown is unknown', shipTo: null, account: 'US', code: 'region-lock.ship-to-unknown' },
    {
      label: 'account unknown is unknown, never a guessed pass',
      shipTo: 'US',
      account: null,
      code: 'region-lock.account-unknown',
    },
  ])('$label', ({ shipTo, account, code }) => {
    const snapshot = makeSnapshot({ region: { shipTo: country(shipTo), account: country(account) } });
    expect(runCheck(regionLock, { promo: usOnly, snapshot }).code).toBe(code);
  });

  test('a code for several countries takes any of them for each side', () => {
    const promo = makePromo({ regions: ['US', 'PR'] });
    const snapshot = makeSnapshot({ region: { shipTo: country('PR'), account: country('US') } });
    expect(runCheck(regionLock, { promo, snapshot }).code).toBe('region-lock.match');
  });

  test('a region failure suggests a global code that fits, and names the countries', () => {
    const snapshot = makeSnapshot({ region: { shipTo: country('CA'), account: country('CA') } });
    const otherUsOnly = makePromo({ code: 'USA5', regions: ['US'] });
    const global = makePromo({ code: 'SAVE4', regions: 'GLOBAL' });
    const result = runCheck(regionLock, {
      promo: usOnly,
      snapshot,
      fittingNow: [fitting(otherUsOnly), fitting(global)],
    });
    expect(result.suggestion).toBe('SAVE4');
    expect(createMessages('en').summary(result)).toBe('For United States only; your order ships to Canada.');
  });
});
