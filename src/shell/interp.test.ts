import { beforeAll, describe, expect, it } from 'vitest';
import type { Shell } from './shell.ts';
import { newShell, runToEnd } from './testing.ts';
import type { Job } from './job.ts';
import type { CommandSpec } from './commands/command.ts';
import { MAX_STEPS_PER_POLL } from './interp.ts';

/** Prints one numbered line per poll and never finishes by itself (like `kubectl get -w`). */
const ticker: CommandSpec = {
  run: (): Job => {
    let n = 0;
    return {
      poll: () => ({ chunks: [{ fd: 1, text: `line ${++n}\n` }], done: false, exitCode: 0 }),
      interrupt: () => ({ chunks: [{ fd: 2, text: 'ticker stopped\n' }], done: true, exitCode: 130 }),
    };
  },
};

let shell: Shell;
beforeAll(() => {
  shell = newShell({ commands: { ticker } });
});
const run = (text: string, stdin?: string) => runToEnd(shell, text, stdin);

// Expected outputs are what bash 5.2 prints for the same lines.
describe('command substitution', () => {
  it.each([
    ['X=$(echo hello world); echo "[$X]" $X', '[hello world] hello world\n'],
    ['echo `echo back` "$(echo "in quotes")"', 'back in quotes\n'],
    ['echo "$(printf \'a\\n\\n\\n\')|"', 'a|\n'],
    ["echo $(printf 'a\\nb')", 'a b\n'],
    ['echo "$(printf \'a\\nb\')"', 'a\nb\n'],
    ['echo $(echo $(echo nested))', 'nested\n'],
    ['echo "x`echo \\`echo inner\\``y"', 'xinnery\n'],
    ['echo $( (echo sub; echo shell) | tr a-z A-Z )', 'SUB SHELL\n'],
    ['echo "${MISSING:-$(echo fallback)}"', 'fallback\n'],
    ['cat <<EOF\nnow $(echo expanded) `echo too`\nEOF', 'now expanded too\n'],
    ["cat <<'EOF'\nnot $(echo expanded)\nEOF", 'not $(echo expanded)\n'],
  ])('%s', (src, want) => {
    expect(run(src)).toMatchObject({ out: want, err: '' });
  });

  it('sets $? of an assignment to the status of the substitution', () => {
    expect(run('X=$(false); echo $?; Y=$(true) Z=$(exit_not_found 2>/dev/null); echo $?').out).toBe(
      '1\n127\n',
    );
    expect(run('echo $(false) $?').out).toBe('1\n');
  });

  it('passes stderr of the substitution through and undoes its variable changes', () => {
    expect(run('A=outer; X=$(A=inner; echo $A; echo oops >&2); echo $X $A')).toMatchObject({
      out: 'inner outer\n',
      err: 'oops\n',
    });
  });

  it('does not split the value of export NAME=$(…) (a declaration builtin)', () => {
    expect(run('export SPLIT=$(echo a b); echo "[$SPLIT]"').out).toBe('[a b]\n');
  });

  it('waits on virtual time inside $(…) and then goes on', () => {
    const t0 = shell.session.cluster.now();
    expect(run('X=$(sleep 5; echo slept); echo $X').out).toBe('slept\n');
    expect(shell.session.cluster.now() - t0).toBe(5000);
  });

  it('polls a blocking substitution: no output until it is done, Ctrl-C stops it', () => {
    const p = shell.run('echo before; X=$(timeout 10 ticker | tail -n 1); echo "got $X"');
    expect(p.poll()).toEqual({ stdout: 'before\n', stderr: '', done: false, exitCode: 0 });
    expect(p.poll().done).toBe(false);
    expect(p.interrupt()).toEqual({ stdout: '', stderr: 'ticker stopped\n', done: true, exitCode: 130 });
    expect(run('echo $?').out).toBe('130\n');
  });
});

describe('arithmetic expansion', () => {
  it.each([
    ['echo $((1 + 2 * 3)) $((7 / 2)) $((-7 % 3)) $((2 ** 10))', '7 3 -1 1024\n'],
    ['N=4; echo $((N * 2)) $(($N + 1)) $((UNSET + 1))', '8 5 1\n'],
    ['i=0; echo $((i++)) $i $((++i)) $((i += 5)) $i', '0 1 2 7 7\n'],
    ['echo $((3 > 2 && 1 == 1)) $((0 || 0)) $((5 > 3 ? 10 : 20)) $((0x10 + 010))', '1 0 10 24\n'],
  ])('%s', (src, want) => {
    expect(run(src).out).toBe(want);
  });

  it('reports errors as bash does and abandons the rest of the line', () => {
    expect(run('echo $((1/0)); echo never')).toMatchObject({
      out: '',
      err: 'bash: 1/0: division by 0 (error token is "0")\n',
      code: 1,
    });
    expect(run('echo $((1 +))').err).toBe('bash: 1 +: syntax error: operand expected (error token is "+")\n');
    expect(run('echo $((1 2))').err).toBe('bash: 1 2: syntax error in expression (error token is "2")\n');
  });
});

describe('for loops', () => {
  it.each([
    ['for i in 1 2 3; do echo "i=$i"; done', 'i=1\ni=2\ni=3\n'],
    ['for i in a b\ndo\n  echo $i\ndone', 'a\nb\n'],
    ['for i in $(seq 2) "x y"; do echo "[$i]"; done', '[1]\n[2]\n[x y]\n'],
    ['for i in; do echo never; done; echo $?', '0\n'],
    ['for i do echo never; done; echo after', 'after\n'],
    ['for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done', '1\n3\n'],
    ['for i in 1 2 3; do echo $i; [ $i = 2 ] && break; done; echo "after $i"', '1\n2\nafter 2\n'],
    ['for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done', '1a\n2a\n'],
    ['for i in 1 2; do for j in a b; do echo $i$j; break 2; done; done', '1a\n'],
    ['for i in 3 1 2; do echo $i; done | sort', '1\n2\n3\n'],
    ['for i in 1 2; do echo $i; done > loop.txt; cat loop.txt', '1\n2\n'],
  ])('%s', (src, want) => {
    expect(run(src)).toMatchObject({ out: want, err: '' });
  });

  it('rejects a bad name at run time, like bash', () => {
    expect(run('for 1x in a; do echo; done')).toMatchObject({
      err: "bash: `1x': not a valid identifier\n",
      code: 1,
    });
  });

  it('sleeps inside the loop on virtual time, printing as it goes', () => {
    const p = shell.run('for i in 1 2 3; do echo "tick $i"; sleep 10; done');
    const c = shell.session.cluster;
    expect(p.poll().stdout).toBe('tick 1\n');
    c.advanceBy(10_000);
    expect(p.poll().stdout).toBe('tick 2\n');
    c.advanceBy(10_000);
    expect(p.poll().stdout).toBe('tick 3\n');
    c.advanceBy(10_000);
    expect(p.poll()).toMatchObject({ stdout: '', done: true, exitCode: 0 });
  });

  it('Ctrl-C inside a loop stops the loop', () => {
    const p = shell.run('for i in 1 2; do ticker; done; echo never');
    expect(p.poll().stdout).toBe('line 1\n');
    expect(p.interrupt()).toEqual({ stdout: '', stderr: 'ticker stopped\n', done: true, exitCode: 130 });
  });

  it('streams a looping writer through a pipe as it runs', () => {
    const p = shell.run('for i in 1 2; do echo "n $i"; sleep 1; done | grep n');
    expect(p.poll().stdout).toBe('n 1\n');
    shell.session.cluster.advanceBy(1000);
    expect(p.poll().stdout).toBe('n 2\n');
  });
});

describe('while and until', () => {
  it.each([
    ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n'],
    ['until false; do echo once; break; done', 'once\n'],
    ['n=0; until [ $n = 2 ]; do n=$((n+1)); done; echo $n', '2\n'],
    ['seq 3 | while read n; do echo "n=$n"; done', 'n=1\nn=2\nn=3\n'],
    ['printf "a b c\\nd e\\n" | while read x rest; do echo "$x|$rest"; done', 'a|b c\nd|e\n'],
    [
      'while read -r line; do echo "<$line>"; done <<EOF\none\\ttwo\n  three  \nEOF',
      '<one\\ttwo>\n<three>\n',
    ],
    ['while false; do :; done; echo $?', '0\n'],
  ])('%s', (src, want) => {
    expect(run(src)).toMatchObject({ out: want, err: '' });
  });

  it('keeps stdin for the loop when kubectl in the body does not read it', () => {
    const calls: string[] = [];
    const sh2 = newShell({
      commands: {
        kubectl: {
          run: (args) => {
            calls.push(args.join(' '));
            return {
              poll: () => ({ chunks: [], done: true, exitCode: 0 }),
              interrupt: () => ({ chunks: [], done: true, exitCode: 0 }),
            };
          },
        },
      },
    });
    runToEnd(sh2, 'printf "web-1\\nweb-2\\n" | while read p; do kubectl delete pod $p; done');
    expect(calls).toEqual(['delete pod web-1', 'delete pod web-2']);
  });

  it('real kubectl in a while-read body leaves the loop its input', () => {
    expect(run('printf "nope1\\nnope2\\n" | while read n; do kubectl get namespace $n; done')).toMatchObject({
      err: 'Error from server (NotFound): namespaces "nope1" not found\nError from server (NotFound): namespaces "nope2" not found\n',
    });
  });

  it('stops an endless loop that never waits for virtual time', () => {
    expect(run('while true; do :; done; echo never')).toMatchObject({
      out: '',
      err: `rollout-lab: stopped after ${MAX_STEPS_PER_POLL} commands that did not wait for virtual time (an endless loop?)\n`,
      code: 130,
    });
  });

  it('runs an endless loop with sleep until Ctrl-C', () => {
    const p = shell.run('while true; do echo x; sleep 2; done');
    expect(p.poll().stdout).toBe('x\n');
    shell.session.cluster.advanceBy(2000);
    expect(p.poll().stdout).toBe('x\n');
    expect(p.interrupt()).toMatchObject({ done: true, exitCode: 130 });
  });
});

describe('if, groups and subshells', () => {
  it.each([
    ['if [ -z "$NOPE" ]; then echo empty; else echo set; fi', 'empty\n'],
    ['if false; then echo a; elif true; then echo b; else echo c; fi', 'b\n'],
    ['if false; then echo a; fi; echo $?', '0\n'],
    ['if ! false; then echo negated; fi', 'negated\n'],
    ['if true\nthen\n  echo multi\nfi', 'multi\n'],
    ['{ echo g1; echo g2; } | wc -l', '2\n'],
    ['{ echo g1; echo g2 >&2; } 2>&1 >/dev/null', 'g2\n'],
    ['A=1; (A=2; echo $A); echo $A', '2\n1\n'],
    ['A=1; { A=2; }; echo $A', '2\n'],
    ['echo x | read V; echo "[$V]"', '[]\n'],
  ])('%s', (src, want) => {
    expect(run(src)).toMatchObject({ out: want, err: '' });
  });
});

describe('NAME=value command', () => {
  it('gives the command the value without setting it in the shell', () => {
    expect(run('IFS=: read a b <<< "x:y z"; echo "$a|$b|$IFS"').out).toBe('x|y z| \t\n\n');
    expect(run('V=1 true; echo "[$V]"').out).toBe('[]\n');
    expect(run('W=old; W=new echo $W').out).toBe('old\n');
    expect(run('A=1 B=$A; echo $B').out).toBe('1\n');
  });
});

describe('break and continue outside loops', () => {
  it('prints bash texts', () => {
    expect(run('break')).toMatchObject({
      err: "bash: break: only meaningful in a `for', `while', or `until' loop\n",
      code: 0,
    });
    expect(run('for i in 1; do break 0; done').err).toBe('bash: break: 0: loop count out of range\n');
    expect(run('for i in 1; do continue x; echo no; done; echo never')).toMatchObject({
      out: '',
      err: 'bash: continue: x: numeric argument required\n',
      code: 128,
    });
  });
});

describe('commands that run other commands, on virtual time', () => {
  it('xargs runs its command lines one after another, each as long as it blocks', () => {
    const t0 = shell.session.cluster.now();
    expect(run('printf "2\\n3\\n" | xargs -n 1 sleep; echo done').out).toBe('done\n');
    expect(shell.session.cluster.now() - t0).toBe(5000);
  });

  it('timeout inside a loop stops each blocked command', () => {
    expect(run('for i in 1 2; do timeout 1 ticker | tail -n 1; echo "status $?"; done')).toMatchObject({
      out: 'line 2\nstatus 0\nline 2\nstatus 0\n',
      err: 'ticker stopped\nticker stopped\n',
    });
  });
});
