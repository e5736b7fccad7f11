/**
 * What the popup loads before it can show the answer (issue 8): the modules main.ts imports statically
 * run before it, so they are its critical path. The rule engine's wording, its translations and date-fns
 * must stay out of it (the background words the state), and the sections below the answer must load
 * later. Read from esbuild's module graph of src/popup/main.ts, the same graph any bundler builds.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.ts';

const ENTRY = 'src/popup/main.ts';
/** The rule engine's wording and translations, and date formatting: the background's business. */
const WORDING = /^(src\/rules\/(messages|locales\/)|node_modules\/date-fns\/)/;

let inputs: Metafile['inputs'];

beforeAll(async () => {
  const result = await build({
    entryPoints: [path.join(ROOT, ENTRY)],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  inputs = result.metafile.inputs;
});

/** Every module reachable from `entry`, through static imports only or through dynamic ones too. */
function reachable(entry: string, kinds: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const edge of inputs[file]?.imports ?? []) if (kinds.includes(edge.kind)) visit(edge.path);
  };
  visit(entry);
  return seen;
}

describe('the popup’s code', () => {
  it('shows the answer without loading the rule wording, its translations or date-fns', () => {
    const critical = [...reachable(ENTRY, ['import-statement'])];
    expect(critical).toContain('src/popup/render/verdict.ts');
    expect(critical.filter((file) => WORDING.test(file))).toEqual([]);
    // Everything under the answer comes after it.
    expect(
      critical.filter((file) => /render\/(below-the-fold|codes|add-code|history|settings)/.test(file)),
    ).toEqual([]);
  });

  it('never loads the rule wording or its translations, not even below the answer', () => {
    const all = [...reachable(ENTRY, ['import-statement', 'dynamic-import'])];
    expect(all).toContain('src/popup/render/add-code.ts');
    expect(all.filter((file) => WORDING.test(file))).toEqual([]);
  });
});
