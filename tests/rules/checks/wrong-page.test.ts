import { expect, test } from 'vitest';
import { wrongPage } from '../../../src/rules/checks/wrong-page.ts';
import { runCheck } from '../../helpers/check.ts';
import { makeSnapshot } from '../../helpers/snapshot.ts';

test.each([
  { pageKind: 'checkout' as const, code: 'wrong-page.checkout', status: 'pass' },
  { pageKind: 'cart' as const, code: 'wrong-page.cart', status: 'fail' },
  { pageKind: 'order-placed' as const, code: 'wrong-page.other', status: 'unknown' },
  { pageKind: 'other' as const, code: 'wrong-page.other', status: 'unknown' },
])('code entered on the $pageKind page: $status', ({ pageKind, code, status }) => {
  const result = runCheck(wrongPage, { snapshot: makeSnapshot({ pageKind }) });
  expect([result.code, result.status]).toEqual([code, status]);
});
