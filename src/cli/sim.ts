// `npm run --silent sim -- FILE [--seed N]`: replays a transcript (see replay.ts) and prints the result.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { replay } from './replay.ts';

const USAGE = `Usage: npm run --silent sim -- FILE [--seed N]

Replays the commands of a transcript (lines starting with "$ ") on a simulated cluster and prints
each command followed by its output. Files named by commands (kubectl apply -f web.yaml) are read
relative to FILE's directory.
`;

function main(argv: string[]): number {
  let file: string | undefined;
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (a === '--seed' || a.startsWith('--seed=')) {
      const raw = a === '--seed' ? argv[++i] : a.slice('--seed='.length);
      if (raw === undefined || !/^\d+$/.test(raw)) {
        process.stderr.write(
          `sim: --seed needs a non-negative integer, got ${raw === undefined ? 'nothing' : `"${raw}"`}\n`,
        );
        return 2;
      }
      seed = Number(raw);
    } else if (a.startsWith('-') && a !== '-') {
      process.stderr.write(`sim: unknown flag: ${a}\n\n${USAGE}`);
      return 2;
    } else if (file === undefined) {
      file = a;
    } else {
      process.stderr.write(`sim: only one transcript file may be given (got "${file}" and "${a}")\n`);
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write(`sim: no transcript file given\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    process.stderr.write(`sim: cannot read transcript "${file}": ${reason}\n`);
    return 2;
  }
  const base = dirname(resolve(file));
  const readFile = (path: string): string | undefined => {
    try {
      return readFileSync(resolve(base, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  process.stdout.write(replay(text, { ...(seed !== undefined ? { seed } : {}), readFile }));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
