import { expect, test } from 'vitest';
import { oneCodePerOrder } from '../../../src/rules/checks/one-code-per-order.ts';
import { known, missing, type Field } from '../../../src/rules/schemas/field.ts';
import type { AppliedPromo } from '../../../src/rules/schemas/snapshot.ts';
import { moneyFact, runCheck } from '../../helpers/check.ts';
import { makeSnapshot, usd } from '../../helpers/snapshot.ts';

const applied = (value: AppliedPromo | null): Field<AppliedPromo | null> =>
  known(value, 'summary Promo codes row');

test.each([
  { label: 'nothing applied', field: applied(null), code: 'one-code-per-order.none-applied' },
  {
    label: 'this very code applied (case aside)',
    field: applied({ code: 'save8', discountMinor: 800 }),
    code: 'one-code-per-order.this-code-applied',
  },
  {
    label: 'another code applied',
    field: applied({ code: 'SAVE4', discountMinor: 400 }),
    code: 'one-code-per-order.another-applied',
  },
  {
    label: 'a code applied, page shows only the amount',
    field: applied({ code: null, discountMinor: 800 }),
    code: 'one-code-per-order.unidentified-applied',
  },
  {
    label: 'promo row unreadable',
    field: missing<AppliedPromo | null>('summary not rendered'),
    code: 'one-code-per-order.unreadable',
  },
])('$label', ({ field, code }) => {
  const result = runCheck(oneCodePerOrder, {
    enteredCode: 'SAVE8',
    snapshot: makeSnapshot({ promo: { applied: field } }),
  });
  expect(result.code).toBe(code);
  if (code === 'one-code-per-order.unidentified-applied')
    expect(moneyFact(result, 'discount')).toEqual(usd(8));
});
