import { expect, test } from 'vitest';
import { firstOrder } from '../../../src/rules/checks/first-order.ts';
import { UNKNOWN_ACCOUNT, type UsageEntry } from '../../../src/rules/schemas/history.ts';
import { runCheck } from '../../helpers/check.ts';
import { makePromo } from '../../helpers/snapshot.ts';

const ME = '2201234567';
const order = (accountId: string): UsageEntry => ({
  accountId,
  code: 'SAVE4',
  usedAt: '2026-08-14T02:00:00Z',
  source: 'order',
});

test.each([
  {
    label: 'not first-order-only',
    firstOrderOnly: false,
    accountId: ME,
    history: [order(ME)],
    code: 'first-order.not-required',
    status: 'pass',
  },
  {
    label: 'this account ordered before',
    firstOrderOnly: true,
    accountId: ME,
    history: [order(ME)],
    code: 'first-order.has-ordered',
    status: 'fail',
  },
  {
    label: 'unknown account, an unknown-account order recorded',
    firstOrderOnly: true,
    accountId: UNKNOWN_ACCOUNT,
    history: [order(UNKNOWN_ACCOUNT)],
    code: 'first-order.maybe-ordered',
    status: 'warn',
  },
  {
    label: 'no orders recorded: only a warning, we cannot see every order',
    firstOrderOnly: true,
    accountId: ME,
    history: [],
    code: 'first-order.first-order-only',
    status: 'warn',
  },
  {
    label: 'only another account ordered',
    firstOrderOnly: true,
    accountId: ME,
    history: [order('2209999999')],
    code: 'first-order.first-order-only',
    status: 'warn',
  },
])('$label', ({ firstOrderOnly, accountId, history, code, status }) => {
  const result = runCheck(firstOrder, { promo: makePromo({ firstOrderOnly }), accountId, history });
  expect([result.code, result.status]).toEqual([code, status]);
});
