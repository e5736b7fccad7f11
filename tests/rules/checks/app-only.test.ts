import { expect, test } from 'vitest';
import { appOnly } from '../../../src/rules/checks/app-only.ts';
import { runCheck } from '../../helpers/check.ts';
import { makePromo, makeSnapshot } from '../../helpers/snapshot.ts';

test.each([
  { appOnly: undefined, platform: 'desktop' as const, code: 'app-only.any-platform' },
  { appOnly: false, platform: 'mobile-web' as const, code: 'app-only.any-platform' },
  { appOnly: true, platform: 'desktop' as const, code: 'app-only.app-only' },
  { appOnly: true, platform: 'mobile-web' as const, code: 'app-only.app-only' },
])('appOnly $appOnly on $platform web: $code', ({ appOnly: onlyInApp, platform, code }) => {
  const promo = onlyInApp === undefined ? makePromo() : makePromo({ appOnly: onlyInApp });
  expect(runCheck(appOnly, { promo, snapshot: makeSnapshot({ platform }) }).code).toBe(code);
});
