/**
 * Where the content script's time goes: V8's sampling profiler on the page (the content script's isolated
 * world shares the page's isolate), mapped back to source files and lines through a source-mapped build of
 * the same code. Only run when a timing goal is missed: it says which module to change.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Mapping {
  readonly column: number;
  readonly source: number;
  readonly line: number;
}

/** Generated (line, column) -> original source file and line, from a v3 source map. */
export class SourceMapLookup {
  private readonly lines: Mapping[][] = [];
  private readonly sources: readonly string[];

  constructor(mapFile: string) {
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
    this.sources = map.sources.map((source) => source.replace(/^(\.\.\/)+/, ''));
    let source = 0;
    let originalLine = 0;
    for (const lineMappings of map.mappings.split(';')) {
      let column = 0;
      const list: Mapping[] = [];
      for (const segment of lineMappings.split(',')) {
        if (segment === '') continue;
        const fields = decodeVlq(segment);
        column += fields[0] ?? 0;
        if (fields.length >= 4) {
          source += fields[1] ?? 0;
          originalLine += fields[2] ?? 0;
          list.push({ column, source, line: originalLine });
        }
      }
      this.lines.push(list);
    }
  }

  /** 0-based generated position; answers `src/file.ts:line` (1-based line) or null. */
  find(line: number, column: number): string | null {
    const list = this.lines[line];
    if (!list || list.length === 0) return null;
    let found: Mapping | null = null;
    for (const mapping of list) {
      if (mapping.column > column) break;
      found = mapping;
    }
    found ??= list[0] ?? null;
    return found ? `${this.sources[found.source] ?? '?'}:${found.line + 1}` : null;
  }
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL ?? 200) });
  await cdp.send('Profiler.start');
}

export async function stopProfiler(cdp: CDPSession): Promise<Profile> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  return profile;
}

export interface ProfileAttribution {
  /** Sampled ms with our content script on the stack (including the DOM and GC work it caused). */
  readonly totalMs: number;
  /** By the innermost function of ours on the stack, as `source:line of the function`. */
  readonly byFunction: Record<string, number>;
  /** By source file. */
  readonly byModule: Record<string, number>;
}

/** Attribute each sample to the innermost frame of `scriptUrl` on its stack. */
export function attributeProfile(
  profiles: readonly Profile[],
  scriptUrl: string,
  lookup: SourceMapLookup,
): ProfileAttribution {
  const byFunction: Record<string, number> = {};
  const byModule: Record<string, number> = {};
  let totalMs = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const ownerCache = new Map<number, string | null>();
    const ownerOf = (id: number): string | null => {
      const cached = ownerCache.get(id);
      if (cached !== undefined) return cached;
      let owner: string | null = null;
      for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
        const frame = nodes.get(current)?.callFrame;
        if (frame && frame.url === scriptUrl) {
          owner =
            lookup.find(frame.lineNumber, frame.columnNumber) ??
            `${frame.functionName || '(anonymous)'}@${frame.lineNumber}:${frame.columnNumber}`;
          break;
        }
      }
      ownerCache.set(id, owner);
      return owner;
    };
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    samples.forEach((id, i) => {
      // timeDeltas[i] is the time before sample i; the time after it is the next delta.
      const ms = (deltas[i + 1] ?? 0) / 1000;
      const owner = ownerOf(id);
      if (owner === null) return;
      totalMs += ms;
      byFunction[owner] = (byFunction[owner] ?? 0) + ms;
      const module = owner.replace(/:\d+$/, '');
      byModule[module] = (byModule[module] ?? 0) + ms;
    });
  }
  return { totalMs, byFunction, byModule };
}
