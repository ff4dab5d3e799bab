// Golden transcripts: each NNN-name.txt is replayed exactly as `npm run sim` does and compared byte for byte
// with NNN-name.out. On a mismatch the actual output is written to NNN-name.changed.out for review (diff it,
// and if it is right, move it over the .out file).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replay } from '../../src/cli/replay.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const inputs = readdirSync(dir)
  .filter((f) => /^\d{3}-.+\.txt$/.test(f))
  .sort();

const readFile = (path: string): string | undefined => {
  try {
    return readFileSync(join(dir, path), 'utf8');
  } catch {
    return undefined;
  }
};

describe('transcripts', () => {
  it('has transcripts to check', () => {
    expect(inputs.length).toBeGreaterThan(0);
  });

  it.each(inputs)('%s', (input) => {
    const base = input.replace(/\.txt$/, '');
    const actual = replay(readFileSync(join(dir, input), 'utf8'), { readFile });
    const expectedPath = join(dir, `${base}.out`);
    const changedPath = join(dir, `${base}.changed.out`);
    const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : undefined;
    if (actual === expected) {
      rmSync(changedPath, { force: true });
    } else {
      writeFileSync(changedPath, actual);
    }
    expect(expected, `${base}.out is missing; the output was written to ${base}.changed.out`).toBeDefined();
    expect(actual).toBe(expected);
  });

  it('replays deterministically', () => {
    const first = inputs[0];
    if (!first) return;
    const text = readFileSync(join(dir, first), 'utf8');
    expect(replay(text, { readFile })).toBe(replay(text, { readFile }));
  });
});
