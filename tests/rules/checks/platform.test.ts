import { expect, test } from 'vitest';
import { platform } from '../../../src/rules/checks/platform.ts';
import { createMessages } from '../../../src/rules/messages.ts';
import { runCheck } from '../../helpers/check.ts';
import { makeSnapshot } from '../../helpers/snapshot.ts';

test.each([
  { platform: 'desktop' as const, code: 'platform.desktop', status: 'pass', fix: null },
  {
    platform: 'mobile-web' as const,
    code: 'platform.mobile-web',
    status: 'warn',
    fix: 'Use the official AliExpress app for this order.',
  },
])('$platform: $status', ({ platform: kind, code, status, fix }) => {
  const result = runCheck(platform, { snapshot: makeSnapshot({ platform: kind }) });
  expect([result.code, result.status]).toEqual([code, status]);
  expect(createMessages('en').fix(result)).toBe(fix);
});
