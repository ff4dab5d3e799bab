// Builtins for scripts: `read` (a line of stdin into variables), `test`/`[` (conditions for if and while), `:`.
import { doneJob, type Job } from '../job.ts';
import type { CommandContext, CommandSpec } from './command.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const READ_USAGE =
  'read: usage: read [-Eers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

// Models bash builtins/read.def read_builtin: IFS splitting, the last name takes the rest; -r keeps backslashes.
function read(args: string[], ctx: CommandContext): Job {
  let raw = false;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (names.length === 0 && /^-[rsEe]+$/.test(a)) {
      if (a.includes('r')) raw = true;
    } else if (names.length === 0 && (a === '-p' || a === '-t' || a === '-u')) {
      // The prompt only shows when reading a terminal; a timeout never fires on text already there.
      if (args[++i] === undefined)
        return doneJob('', `bash: read: ${a}: option requires an argument\n${READ_USAGE}`, 2);
    } else if (names.length === 0 && a.startsWith('-') && a !== '-' && a !== '--') {
      return doneJob('', `bash: read: ${a.slice(0, 2)}: invalid option\n${READ_USAGE}`, 2);
    } else if (a !== '--' || names.length > 0) {
      if (!NAME.test(a)) return doneJob('', `bash: read: \`${a}': not a valid identifier\n`, 1);
      names.push(a);
    }
  }
  let line = '';
  let complete = false;
  for (;;) {
    const l = ctx.readLine();
    if (l === undefined) break;
    complete = l.endsWith('\n');
    let body = complete ? l.slice(0, -1) : l;
    // Without -r, a backslash at the end of a line joins the next one.
    if (!raw && complete && /(^|[^\\])(\\\\)*\\$/.test(body)) {
      line += body.slice(0, -1);
      continue;
    }
    if (!raw) body = body.replace(/\\(.)/g, '$1');
    line += body;
    break;
  }
  const vars = ctx.session.vars;
  const ifs = ctx.env.get('IFS') ?? ' \t\n';
  if (names.length === 0) {
    vars.set('REPLY', line);
  } else {
    const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
    const isWhite = (c: string | undefined) => c !== undefined && white.includes(c);
    const isIfs = (c: string | undefined) => c !== undefined && ifs.includes(c);
    let i = 0;
    while (isWhite(line[i])) i++;
    names.forEach((name, k) => {
      if (k === names.length - 1) {
        let rest = line.slice(i);
        while (rest && isWhite(rest[rest.length - 1])) rest = rest.slice(0, -1);
        vars.set(name, rest);
        return;
      }
      let field = '';
      while (i < line.length && !isIfs(line[i])) field += line[i++];
      while (isWhite(line[i])) i++;
      if (isIfs(line[i]) && !isWhite(line[i])) i++;
      while (isWhite(line[i])) i++;
      vars.set(name, field);
    });
  }
  return doneJob('', '', complete ? 0 : 1);
}

// Models bash test.c: unary file and string tests, binary string and integer comparisons, !, -a, -o, ( ).
function test(name: string, argv: string[], ctx: CommandContext): Job {
  const who = name === '[' ? '[' : 'test';
  let args = argv;
  if (name === '[') {
    if (args[args.length - 1] !== ']') return doneJob('', "bash: [: missing `]'\n", 2);
    args = args.slice(0, -1);
  }
  class TestError extends Error {}
  const fileExists = (p: string) => p === '.' || p === '/' || p === '~' || ctx.readFile(p) !== undefined;
  const integer = (s: string): number => {
    if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return Number(s);
  };
  const unary: Record<string, (s: string) => boolean> = {
    '-z': (s) => s === '',
    '-n': (s) => s !== '',
    '-e': fileExists,
    '-f': (p) => ctx.readFile(p) !== undefined,
    '-s': (p) => (ctx.readFile(p) ?? '') !== '',
    '-r': fileExists,
    '-w': fileExists,
    '-d': (p) => p === '.' || p === '/' || p === '~',
    '-x': () => false,
  };
  const binary: Record<string, (a: string, b: string) => boolean> = {
    '=': (a, b) => a === b,
    '==': (a, b) => a === b,
    '!=': (a, b) => a !== b,
    '<': (a, b) => a < b,
    '>': (a, b) => a > b,
    '-eq': (a, b) => integer(a) === integer(b),
    '-ne': (a, b) => integer(a) !== integer(b),
    '-lt': (a, b) => integer(a) < integer(b),
    '-le': (a, b) => integer(a) <= integer(b),
    '-gt': (a, b) => integer(a) > integer(b),
    '-ge': (a, b) => integer(a) >= integer(b),
  };
  let k = 0;
  const end = args.length;
  const primary = (): boolean => {
    const a = args[k];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(' && end - k >= 3) {
      k++;
      const v = or();
      if (args[k] !== ')') throw new TestError("`)' expected");
      k++;
      return v;
    }
    if (end - k >= 3 && binary[args[k + 1]!]) {
      const op = args[k + 1]!;
      const b = args[k + 2]!;
      k += 3;
      return binary[op]!(a, b);
    }
    if (unary[a] && end - k >= 2) {
      k += 2;
      return unary[a](args[k - 1]!);
    }
    if (a.startsWith('-') && a.length === 2 && end - k >= 2 && !binary[args[k + 1]!])
      throw new TestError(`${a}: unary operator expected`);
    k++;
    return a !== '';
  };
  const not = (): boolean => {
    if (args[k] === '!' && end - k > 1) {
      k++;
      return !not();
    }
    return primary();
  };
  const and = (): boolean => {
    let v = not();
    while (args[k] === '-a') {
      k++;
      const w = not();
      v = v && w;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[k] === '-o') {
      k++;
      const w = and();
      v = v || w;
    }
    return v;
  };
  // POSIX decides by the number of arguments up to four; longer expressions are parsed.
  const two = (a: string, b: string): boolean => {
    if (a === '!') return b === '';
    const f = unary[a];
    if (!f) throw new TestError(`${a}: unary operator expected`);
    return f(b);
  };
  const three = (a: string, b: string, c: string): boolean => {
    const f = binary[b];
    if (f) return f(a, c);
    if (b === '-a' || b === '-o') return b === '-a' ? a !== '' && c !== '' : a !== '' || c !== '';
    if (a === '!') return !two(b, c);
    if (a === '(' && c === ')') return b !== '';
    throw new TestError(`${b}: binary operator expected`);
  };
  const evaluate = (): boolean => {
    const [a, b, c, d] = args;
    switch (args.length) {
      case 0:
        return false;
      case 1:
        return a !== '';
      case 2:
        return two(a!, b!);
      case 3:
        return three(a!, b!, c!);
      case 4:
        if (a === '!') return !three(b!, c!, d!);
        if (a === '(' && d === ')') return two(b!, c!);
    }
    const v = or();
    if (k < end) throw new TestError('too many arguments');
    return v;
  };
  try {
    return doneJob('', '', evaluate() ? 0 : 1);
  } catch (e) {
    if (e instanceof TestError) return doneJob('', `bash: ${who}: ${e.message}\n`, 2);
    throw e;
  }
}

export const builtinCommands: Record<string, CommandSpec> = {
  read: { run: read, builtin: true },
  test: { run: (args, ctx) => test('test', args, ctx) },
  '[': { run: (args, ctx) => test('[', args, ctx) },
  ':': { run: () => doneJob(''), builtin: true },
};
