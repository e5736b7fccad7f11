import { expect, test } from 'vitest';
import { lowerTier } from '../../../src/rules/checks/lower-tier.ts';
import type { CheckResult } from '../../../src/rules/types.ts';
import { fitting, runCheck } from '../../helpers/check.ts';
import { makePromo, usd } from '../../helpers/snapshot.ts';

const minSpendResult = (status: 'pass' | 'fail'): CheckResult => ({
  id: 'min-spend',
  status,
  code: status === 'fail' ? 'min-spend.below' : 'min-spend.met',
  facts: {},
});
const save18 = makePromo({ code: 'SAVE18', minSpend: usd(129), tier: { ladder: 'global', rank: 4 } });
const save8 = makePromo({ code: 'SAVE8', minSpend: usd(69), tier: { ladder: 'global', rank: 3 } });
const usa10 = makePromo({
  code: 'USA10',
  minSpend: usd(79),
  regions: ['US'],
  tier: { ladder: 'usa', rank: 2 },
});

test.each([
  {
    label: 'min spend met: nothing to suggest',
    earlier: [minSpendResult('pass')],
    fittingNow: [fitting(save8)],
    code: 'lower-tier.not-needed',
    suggestion: undefined,
  },
  {
    label: 'prefers the same ladder over a bigger saving elsewhere',
    earlier: [minSpendResult('fail')],
    fittingNow: [fitting(usa10, usd(10)), fitting(save8, usd(8))],
    code: 'lower-tier.lower-fits',
    suggestion: 'SAVE8',
  },
  {
    label: 'otherwise any code that fits',
    earlier: [minSpendResult('fail')],
    fittingNow: [fitting(usa10, usd(10))],
    code: 'lower-tier.lower-fits',
    suggestion: 'USA10',
  },
  {
    label: 'nothing fits',
    earlier: [minSpendResult('fail')],
    fittingNow: [],
    code: 'lower-tier.none-fits',
    suggestion: undefined,
  },
])('$label', ({ earlier, fittingNow, code, suggestion }) => {
  const result = runCheck(lowerTier, { promo: save18, earlier, fittingNow });
  expect(result.code).toBe(code);
  expect(result.suggestion).toBe(suggestion);
});
