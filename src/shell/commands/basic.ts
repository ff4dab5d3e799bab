// Small commands: echo, cat, ls, true, false, clear, help, and the variable builtins export and unset.
import { doneJob, type Job } from '../job.ts';
import type { CommandContext, CommandSpec } from './command.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Models bash builtins/echo.def echo_builtin (the -n, -e and -E options; escapes of -e).
function echo(args: string[]): Job {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = text.replace(/\\(0[0-7]{0,3}|x[0-9A-Fa-f]{1,2}|.)/g, (m, e: string) => {
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        a: '\x07',
        b: '\b',
        e: '\x1b',
        f: '\f',
        v: '\v',
        '\\': '\\',
      };
      if (e in simple) return simple[e]!;
      if (e[0] === '0') return String.fromCharCode(parseInt(e.slice(1) || '0', 8));
      if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
      return m;
    });
  }
  return doneJob(newline ? `${text}\n` : text);
}

function cat(args: string[], ctx: CommandContext): Job {
  let out = '';
  let err = '';
  let code = 0;
  const files = args.length === 0 ? ['-'] : args;
  for (const f of files) {
    if (f.startsWith('-') && f !== '-') {
      return doneJob(
        out,
        `${err}cat: invalid option -- '${f.slice(1, 2)}'\nTry 'cat --help' for more information.\n`,
        1,
      );
    }
    if (f === '-') {
      out += ctx.stdin ?? '';
      continue;
    }
    const text = ctx.readFile(f);
    if (text === undefined) {
      err += `cat: ${f}: No such file or directory\n`;
      code = 1;
    } else {
      out += text;
    }
  }
  return doneJob(out, err, code);
}

function ls(args: string[], ctx: CommandContext): Job {
  const names = [...ctx.session.files.keys()].sort();
  if (args.length === 0) return doneJob(names.map((n) => `${n}\n`).join(''));
  let out = '';
  let err = '';
  for (const a of args) {
    if (ctx.session.files.has(a.replace(/^\.\//, ''))) out += `${a}\n`;
    else err += `ls: cannot access '${a}': No such file or directory\n`;
  }
  return doneJob(out, err, err ? 2 : 0);
}

// Models bash builtins/setattr.def export_builtin (assignments and `export -p`).
function exportVars(args: string[], ctx: CommandContext): Job {
  const vars = ctx.session.vars;
  const list = args.filter((a) => a !== '-p' && a !== '--');
  if (list.length === 0) {
    const names = [...vars.keys()].sort();
    const quote = (v: string) => v.replace(/["\\$`]/g, '\\$&');
    return doneJob(names.map((n) => `declare -x ${n}="${quote(vars.get(n)!)}"\n`).join(''));
  }
  let err = '';
  for (const a of list) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      err += `bash: export: \`${a}': not a valid identifier\n`;
      continue;
    }
    if (eq >= 0) vars.set(name, a.slice(eq + 1));
  }
  return doneJob('', err, err ? 1 : 0);
}

function unset(args: string[], ctx: CommandContext): Job {
  let err = '';
  for (const a of args) {
    if (a === '-v' || a === '-f') continue;
    if (!NAME.test(a)) err += `bash: unset: \`${a}': not a valid identifier\n`;
    else ctx.session.vars.delete(a);
  }
  return doneJob('', err, err ? 1 : 0);
}

export const HELP = `Rollout Lab shell: a small bash for driving the simulated cluster.

  kubectl ...                     the Kubernetes command-line tool (try: kubectl help)
  curl [-s] [-S] [-i] [-o FILE] [-w FORMAT] URL
                                  HTTP GET to a node port, ClusterIP, Service name or pod IP
  sim cluster create [--workers N] [--ready-after S] [--terminate-after S] [--seed N]
                                  replace the cluster with a fresh one
  sim node stop NAME              power a node off
  sim node start NAME             power it on again
  sim host alias NAME NODE        let NAME (e.g. host01) resolve to a node
  sim image add IMAGE [--port N] [--response TEXT]
                                  make an image pullable (and answer curl)
  sleep N                         wait N seconds of virtual time
  timeout N COMMAND ...           stop COMMAND after N seconds (exit status 124)
  date                            the virtual clock (UTC)
  echo, printf, cat, ls, grep, head, tail, wc, cut, tr, sort, uniq, awk, seq, xargs
  read, test, [, true, false, :, export NAME=VALUE, unset NAME, clear, help

As in bash: quotes, \\ escapes, $NAME, \${NAME:-default}, $(command), \`command\`, $((1 + 2)),
NAME=VALUE, ;, &&, ||, | pipes, > and >> into files of the home directory, here-documents (<<EOF … EOF),
for NAME in WORDS; do …; done, while/until …; do …; done, if …; then …; elif …; else …; fi,
{ …; }, ( … ), break and continue. Ctrl-C stops the running command.
`;

export const basicCommands: Record<string, CommandSpec> = {
  echo: { run: echo },
  cat: { run: cat },
  ls: { run: ls },
  true: { run: () => doneJob('') },
  false: { run: () => doneJob('', '', 1) },
  clear: {
    run: (_args, ctx) => {
      ctx.clearScreen();
      return doneJob('');
    },
  },
  help: { run: () => doneJob(HELP), builtin: true },
  export: { run: exportVars, builtin: true },
  unset: { run: unset, builtin: true },
};
