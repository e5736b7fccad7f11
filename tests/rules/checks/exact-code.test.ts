import { describe, expect, test } from 'vitest';
import { exactCode } from '../../../src/rules/checks/exact-code.ts';
import { createMessages } from '../../../src/rules/messages.ts';
import { runCheck } from '../../helpers/check.ts';
import { makeCatalog, makePromo } from '../../helpers/snapshot.ts';

const catalog = makeCatalog(['SAVE8', 'BOGO10', 'SILVER5'].map((code) => makePromo({ code })));

describe('exact-code', () => {
  test.each([
    { typed: 'SAVE8', code: 'SAVE8', problems: [] },
    { typed: 'SAVE8 ', code: 'SAVE8', problems: ['whitespace'] },
    { typed: '\tSAVE8', code: 'SAVE8', problems: ['whitespace'] },
    { typed: 'SAVE\u00A08', code: 'SAVE8', problems: ['whitespace'] },
    { typed: 'SAVE8\u200B', code: 'SAVE8', problems: ['invisible'] },
    { typed: '\uFEFFSAVE8', code: 'SAVE8', problems: ['invisible'] },
    { typed: 'SA\u200DVE8', code: 'SAVE8', problems: ['invisible'] },
    { typed: 'save8', code: 'SAVE8', problems: ['case'] },
    { typed: ' Save8\u200C', code: 'SAVE8', problems: ['whitespace', 'invisible', 'case'] },
    { typed: 'ＳＡＶＥ８', code: 'SAVE8', problems: [] },
    // Every lookalike pair, in both directions.
    { typed: 'B0GO10', code: 'BOGO10', problems: ['lookalike'] }, // 0 for O
    { typed: 'BOGO1O', code: 'BOGO10', problems: ['lookalike'] }, // O for 0
    { typed: 'BOGOI0', code: 'BOGO10', problems: ['lookalike'] }, // I for 1
    { typed: 'BOGOl0', code: 'BOGO10', problems: ['lookalike'] }, // l for 1
    { typed: 'S1LVER5', code: 'SILVER5', problems: ['lookalike'] }, // 1 for I
    { typed: 'SlLVER5', code: 'SILVER5', problems: ['lookalike'] }, // l for I
    { typed: 'SILVERS', code: 'SILVER5', problems: ['lookalike'] }, // S for 5
    { typed: '5ILVER5', code: 'SILVER5', problems: ['lookalike'] }, // 5 for S
    { typed: 'SAVEB', code: 'SAVE8', problems: ['lookalike'] }, // B for 8
    { typed: '8OGO10', code: 'BOGO10', problems: ['lookalike'] }, // 8 for B
    { typed: 'silvers', code: 'SILVER5', problems: ['case', 'lookalike'] },
  ])('$typed -> $code $problems', ({ typed, code, problems }) => {
    const result = runCheck(exactCode, { catalog, enteredCode: typed });
    expect(result.code).toBe(problems.length === 0 ? 'exact-code.exact' : 'exact-code.mistyped');
    expect(result.facts['code']).toEqual({ kind: 'text', value: code });
    if (problems.length > 0) {
      expect(result.facts['problems']).toEqual({ kind: 'list', value: problems });
      expect(result.suggestion).toBe(code);
    }
  });

  test('an exact catalog match wins over a lookalike of another code', () => {
    const both = makeCatalog([makePromo({ code: 'SAVE8' }), makePromo({ code: 'SAVEB' })]);
    expect(runCheck(exactCode, { catalog: both, enteredCode: 'SAVEB' }).code).toBe('exact-code.exact');
  });

  test.each([
    { typed: 'NOTACODE', code: 'exact-code.not-in-catalog' },
    { typed: 'SAVE88', code: 'exact-code.not-in-catalog' },
    { typed: '', code: 'exact-code.empty' },
    { typed: ' \u200B ', code: 'exact-code.empty' },
  ])('unknown: "$typed"', ({ typed, code }) => {
    const result = runCheck(exactCode, { catalog, enteredCode: typed });
    expect(result.code).toBe(code);
    expect(result.status).toBe('unknown');
  });

  test('words "you typed X, the code is Y", with invisible characters made visible', () => {
    const result = runCheck(exactCode, { catalog, enteredCode: 'SAVEB\u200B ' });
    expect(createMessages('en').summary(result)).toBe(
      'You typed “SAVEB◌␣”, the code is SAVE8 (extra spaces, invisible characters, and a lookalike character: 0/O, 1/I/l, 5/S or 8/B).',
    );
  });
});
