import { describe, expect, test } from 'vitest';
import { alreadyUsed } from '../../../src/rules/checks/already-used.ts';
import { createMessages } from '../../../src/rules/messages.ts';
import { UNKNOWN_ACCOUNT, type UsageEntry } from '../../../src/rules/schemas/history.ts';
import { runCheck } from '../../helpers/check.ts';
import { makePromo } from '../../helpers/snapshot.ts';

const ME = '2201234567';
const used = (accountId: string, code = 'SAVE8', usedAt = '2026-10-03T17:20:00Z'): UsageEntry => ({
  accountId,
  code,
  usedAt,
  source: 'order',
});

describe('already-used', () => {
  test.each([
    {
      label: 'unlimited codes pass even when used',
      usage: 'unlimited' as const,
      accountId: ME,
      history: [used(ME)],
      code: 'already-used.unlimited',
    },
    {
      label: 'once per account, never used',
      usage: 'once-per-account' as const,
      accountId: ME,
      history: [],
      code: 'already-used.not-used',
    },
    {
      label: 'used by this account',
      usage: 'once-per-account' as const,
      accountId: ME,
      history: [used(ME)],
      code: 'already-used.used',
    },
    {
      label: 'used by another account only',
      usage: 'once-per-account' as const,
      accountId: ME,
      history: [used('2209999999')],
      code: 'already-used.not-used',
    },
    {
      label: 'recorded with different case and spaces',
      usage: 'once-per-account' as const,
      accountId: ME,
      history: [used(ME, ' save8 ')],
      code: 'already-used.used',
    },
    {
      label: 'account unknown, used under the unknown account',
      usage: 'once-per-account' as const,
      accountId: UNKNOWN_ACCOUNT,
      history: [used(UNKNOWN_ACCOUNT)],
      code: 'already-used.used',
    },
    {
      label: 'account unknown, nothing recorded: unknown',
      usage: 'once-per-account' as const,
      accountId: UNKNOWN_ACCOUNT,
      history: [],
      code: 'already-used.account-unknown',
    },
    {
      label: 'account unknown, used by a known account: still unknown',
      usage: 'once-per-account' as const,
      accountId: UNKNOWN_ACCOUNT,
      history: [used(ME)],
      code: 'already-used.account-unknown',
    },
  ])('$label', ({ usage, accountId, history, code }) => {
    expect(runCheck(alreadyUsed, { promo: makePromo({ usage }), accountId, history }).code).toBe(code);
  });

  test('says when it was used, most recent first, in the code’s time zone', () => {
    const history = [used(ME, 'SAVE8', '2026-09-01T10:00:00Z'), used(ME, 'SAVE8', '2026-10-03T17:20:00Z')];
    const result = runCheck(alreadyUsed, { history });
    expect(createMessages('en').summary(result)).toBe(
      'This account already used it on Oct 3, 2026, 10:20 AM PDT.',
    );
  });
});
