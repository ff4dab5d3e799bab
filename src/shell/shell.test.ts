import { describe, expect, it } from 'vitest';
import { Shell, type ShellOptions } from './shell.ts';
import { Session } from './session.ts';
import { doneJob, type Job, type JobUpdate } from './job.ts';
import type { CommandSpec } from './commands/command.ts';

/** Runs a command line to completion, stepping the cluster while it blocks, and returns the transcript. */
function run(
  shell: Shell,
  text: string,
  stdin?: string,
): { out: string; err: string; all: string; code: number } {
  const p = shell.run(text, stdin !== undefined ? { stdin } : {});
  let out = '';
  let err = '';
  let all = '';
  const take = (u: JobUpdate) => {
    for (const c of u.chunks) {
      if (c.fd === 1) out += c.text;
      else err += c.text;
      all += c.text;
    }
  };
  let u = p.pollChunks();
  take(u);
  while (!u.done) {
    if (!shell.session.cluster.step()) {
      u = p.interruptChunks();
      take(u);
      break;
    }
    u = p.pollChunks();
    take(u);
  }
  return { out, err, all, code: u.exitCode };
}

/** A command that prints one numbered line per poll and never finishes by itself (like `get -w`). */
const ticker: CommandSpec = {
  run: (): Job => {
    let n = 0;
    return {
      poll: () => ({ chunks: [{ fd: 1, text: `line ${++n}\n` }], done: false, exitCode: 0 }),
      interrupt: () => ({ chunks: [{ fd: 2, text: 'ticker stopped\n' }], done: true, exitCode: 130 }),
    };
  },
};

/** Records its argv and stdin. */
function recorder(calls: { args: string[]; stdin: string | undefined }[]): CommandSpec {
  return {
    run: (args, ctx) => {
      calls.push({ args, stdin: ctx.stdin });
      return doneJob(`ran ${args.join(' ')}\n`);
    },
  };
}

function newShell(options: ShellOptions = {}): Shell {
  return new Shell(new Session({ workers: 2 }), options);
}

describe('Shell: words, variables and lists', () => {
  it('expands variables set by export and plain assignment', () => {
    const sh = newShell();
    expect(run(sh, 'export IMG=nginx:1.18 TAG=v2; N="a b"; echo $IMG ${TAG} "$N" $N').out).toBe(
      'nginx:1.18 v2 a b a b\n',
    );
    expect(sh.session.vars.get('N')).toBe('a b');
    expect(run(sh, 'export').out).toBe(
      'declare -x IMG="nginx:1.18"\ndeclare -x N="a b"\ndeclare -x TAG="v2"\n',
    );
    expect(run(sh, 'unset TAG; echo "[$TAG]"').out).toBe('[]\n');
  });

  it('honours && and || and sets $?', () => {
    const sh = newShell();
    expect(run(sh, 'false && echo no || echo yes; echo $?').out).toBe('yes\n0\n');
    expect(run(sh, 'true || echo no; false; echo $?').out).toBe('1\n');
    expect(run(sh, '! false && echo negated').out).toBe('negated\n');
  });

  it('prints bash texts for unknown commands and syntax errors', () => {
    const sh = newShell();
    expect(run(sh, 'kubeclt get po')).toMatchObject({ err: 'bash: kubeclt: command not found\n', code: 127 });
    expect(run(sh, 'echo a && && echo b')).toMatchObject({
      err: "bash: syntax error near unexpected token `&&'\n",
      code: 2,
    });
    expect(run(sh, "echo 'open")).toMatchObject({
      err: "bash: unexpected EOF while looking for matching `''\n",
      code: 2,
    });
    expect(run(sh, 'export 1X=2')).toMatchObject({
      err: "bash: export: `1X=2': not a valid identifier\n",
      code: 1,
    });
  });

  it('keeps stdout and stderr in the order they were produced', () => {
    const sh = newShell();
    expect(run(sh, 'echo one; nope; echo two >&2; echo three').all).toBe(
      'one\nbash: nope: command not found\ntwo\nthree\n',
    );
  });

  it('turns a command that throws into stderr text', () => {
    const boom: CommandSpec = {
      run: () => {
        throw new Error('kaboom');
      },
    };
    const sh = newShell({ commands: { boom } });
    expect(run(sh, 'boom; echo after')).toMatchObject({
      out: 'after\n',
      err: 'boom: internal error: kaboom\n',
      code: 0,
    });
  });

  it('runs an empty line or a comment as nothing', () => {
    expect(run(newShell(), '   # just a comment')).toMatchObject({ all: '', code: 0 });
  });
});

describe('Shell: here-documents, files and redirections', () => {
  it('feeds a here-document to the command, expanding variables unless the delimiter is quoted', () => {
    const calls: { args: string[]; stdin: string | undefined }[] = [];
    const sh = newShell({ commands: { kubectl: recorder(calls) } });
    sh.session.vars.set('IMG', 'nginx:1.17');
    const text = "kubectl apply -f - <<EOF\nimage: $IMG\nEOF\nkubectl apply -f - <<'EOF'\nimage: $IMG\nEOF";
    expect(Shell.needsMoreInput('kubectl apply -f - <<EOF\nimage: $IMG\nEOF')).toBe(false);
    expect(Shell.needsMoreInput('kubectl apply -f - <<EOF\nimage: x')).toBe(true);
    expect(run(sh, text).out).toBe('ran apply -f -\nran apply -f -\n');
    expect(calls.map((c) => c.stdin)).toEqual(['image: nginx:1.17\n', 'image: $IMG\n']);
  });

  it('warns, as bash does, when a here-document is not terminated', () => {
    expect(run(newShell(), 'cat <<EOF\nx').all).toBe(
      "bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\nx\n",
    );
  });

  it('writes and reads files of the virtual home directory', () => {
    const sh = newShell();
    run(sh, 'cat > web.yaml <<EOF\nkind: Deployment\nEOF');
    expect(sh.session.files.get('web.yaml')).toBe('kind: Deployment\n');
    run(sh, 'echo more >> ./web.yaml; echo hidden > /dev/null');
    expect(run(sh, 'cat web.yaml; ls').out).toBe('kind: Deployment\nmore\nweb.yaml\n');
    expect(run(sh, 'cat nope.yaml')).toMatchObject({
      err: 'cat: nope.yaml: No such file or directory\n',
      code: 1,
    });
    expect(run(sh, 'cat < nope.yaml')).toMatchObject({
      err: 'bash: nope.yaml: No such file or directory\n',
      code: 1,
    });
    expect(run(sh, 'nope 2>/dev/null; echo $?').all).toBe('127\n');
  });

  it('reads files outside the home directory through the driver', () => {
    const sh = newShell({ readFile: (p) => (p === 'deploy.yaml' ? 'from disk\n' : undefined) });
    expect(run(sh, 'cat deploy.yaml').out).toBe('from disk\n');
  });

  it('passes the caller-supplied stdin to the first command', () => {
    expect(run(newShell(), 'cat; cat', 'given\n').out).toBe('given\n');
  });
});

describe('Shell: pipes', () => {
  const lines = 'NAME READY\nweb-1 1/1\nweb-2 0/1\ndb-1 1/1\n';

  it('filters with grep, head, tail and wc', () => {
    const sh = newShell();
    sh.session.files.set('po.txt', lines);
    expect(run(sh, 'cat po.txt | grep web').out).toBe('web-1 1/1\nweb-2 0/1\n');
    expect(run(sh, 'cat po.txt | grep -v -e web -e NAME').out).toBe('db-1 1/1\n');
    expect(run(sh, 'cat po.txt | grep -c "1/1"').out).toBe('2\n');
    expect(run(sh, 'cat po.txt | grep -E "web-(1|2) 0"').out).toBe('web-2 0/1\n');
    expect(run(sh, 'cat po.txt | grep "web-\\(1\\|2\\) 0"').out).toBe('web-2 0/1\n');
    expect(run(sh, 'cat po.txt | grep -i name | wc -l').out).toBe('1\n');
    expect(run(sh, 'cat po.txt | head -n 2').out).toBe('NAME READY\nweb-1 1/1\n');
    expect(run(sh, 'cat po.txt | head -2 | tail -1').out).toBe('web-1 1/1\n');
    expect(run(sh, 'cat po.txt | tail -n +3').out).toBe('web-2 0/1\ndb-1 1/1\n');
    expect(run(sh, 'cat po.txt | wc').out).toBe('      4       8      40\n');
    expect(run(sh, 'cat po.txt | grep nothing').code).toBe(1);
    expect(run(sh, 'grep db po.txt').out).toBe('db-1 1/1\n');
  });

  it('streams into filters and stops the writer when head has its lines', () => {
    const p = newShell({ commands: { ticker } }).run('ticker | grep -v 2 | head -n 3');
    expect(p.poll()).toEqual({ stdout: 'line 1\n', stderr: '', done: false, exitCode: 0 });
    expect(p.poll()).toEqual({ stdout: '', stderr: '', done: false, exitCode: 0 });
    expect(p.poll()).toEqual({ stdout: 'line 3\n', stderr: '', done: false, exitCode: 0 });
    expect(p.poll()).toEqual({ stdout: 'line 4\n', stderr: 'ticker stopped\n', done: true, exitCode: 0 });
  });

  it('hands a non-filter reader the whole output once the writer is done', () => {
    const calls: { args: string[]; stdin: string | undefined }[] = [];
    const sh = newShell({ commands: { kubectl: recorder(calls) } });
    expect(run(sh, 'echo "kind: Pod" | kubectl apply -f -').out).toBe('ran apply -f -\n');
    expect(calls[0]!.stdin).toBe('kind: Pod\n');
  });

  it('sends stderr down the pipe with 2>&1', () => {
    expect(run(newShell(), 'nope 2>&1 | wc -l').all).toBe('1\n');
  });
});

describe('Shell: virtual time', () => {
  it('sleep blocks until the cluster clock has advanced N seconds', () => {
    const sh = newShell();
    const c = sh.session.cluster;
    const t0 = c.now();
    const p = sh.run('sleep 5; echo woke');
    expect(p.poll()).toMatchObject({ stdout: '', done: false });
    c.advanceBy(4999);
    expect(p.poll()).toMatchObject({ done: false });
    c.advanceBy(1);
    expect(p.poll()).toEqual({ stdout: 'woke\n', stderr: '', done: true, exitCode: 0 });
    expect(c.now() - t0).toBe(5000);
  });

  it('sleep lands exactly on its deadline when the driver steps an idle cluster', () => {
    const sh = newShell();
    const t0 = sh.session.cluster.now();
    expect(run(sh, 'sleep 1.5 0.5').code).toBe(0);
    expect(sh.session.cluster.now() - t0).toBe(2000);
    expect(run(sh, 'sleep x')).toMatchObject({
      err: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
      code: 1,
    });
    expect(run(sh, 'sleep')).toMatchObject({
      err: "sleep: missing operand\nTry 'sleep --help' for more information.\n",
      code: 1,
    });
  });

  it('timeout interrupts the command after N virtual seconds with exit status 124', () => {
    const sh = newShell({ commands: { ticker } });
    const t0 = sh.session.cluster.now();
    expect(run(sh, 'timeout 3 sleep 10; echo $?').out).toBe('124\n');
    expect(sh.session.cluster.now() - t0).toBe(3000);
    expect(run(sh, 'timeout 10 sleep 1; echo $?').out).toBe('0\n');
    const r = run(sh, 'timeout 2s ticker');
    expect(r).toMatchObject({ err: 'ticker stopped\n', code: 124 });
    expect(run(sh, 'timeout 5 nope')).toMatchObject({
      err: "timeout: failed to run command 'nope': No such file or directory\n",
      code: 127,
    });
    expect(run(sh, 'timeout 5')).toMatchObject({
      err: "timeout: missing operand\nTry 'timeout --help' for more information.\n",
      code: 125,
    });
    expect(run(sh, 'timeout 5x sleep 1')).toMatchObject({ code: 125 });
  });

  it('Ctrl-C stops the running command and the rest of the line', () => {
    const sh = newShell({ commands: { ticker } });
    const p = sh.run('ticker; echo never');
    expect(p.poll().stdout).toBe('line 1\n');
    expect(p.interrupt()).toEqual({ stdout: '', stderr: 'ticker stopped\n', done: true, exitCode: 130 });
    expect(p.poll()).toEqual({ stdout: '', stderr: '', done: true, exitCode: 130 });
  });
});

describe('Shell: sim, clear and help', () => {
  it('sim cluster create replaces the cluster with the asked shape', () => {
    const sh = newShell();
    const before = sh.session.cluster;
    const r = run(sh, 'sim cluster create --workers 3 --ready-after 5 --terminate-after=2 --seed 7');
    expect(r).toMatchObject({
      out: 'Cluster created: 1 control-plane node (control-plane) and 3 worker nodes (node1, node2, node3).\n',
      code: 0,
    });
    expect(sh.session.cluster).not.toBe(before);
    expect(sh.session.cluster.options).toMatchObject({
      workers: 3,
      readyAfterSeconds: 5,
      terminateAfterSeconds: 2,
      seed: 7,
    });
    expect(run(sh, 'sim cluster create --workers x')).toMatchObject({ code: 1 });
    expect(run(sh, 'sim cluster create --nodes 3').err).toBe('error: unknown flag: --nodes\n');
  });

  it('sim node stop/start power nodes through the cluster', () => {
    const sh = newShell();
    expect(run(sh, 'sim node stop node9')).toMatchObject({ err: 'error: node "node9" not found\n', code: 1 });
    expect(run(sh, 'sim node stop node2')).toMatchObject({ out: 'node/node2 powered off\n', code: 0 });
    expect(run(sh, 'sim node stop node2')).toMatchObject({
      err: 'error: node "node2" is already stopped\n',
      code: 1,
    });
    expect(run(sh, 'sim node start node2')).toMatchObject({ out: 'node/node2 powered on\n', code: 0 });
    expect(run(sh, 'sim frobnicate').code).toBe(1);
  });

  it('clear calls the console and drops output it wiped', () => {
    let clears = 0;
    const sh = newShell({ onClear: () => clears++ });
    expect(run(sh, 'echo before; clear; echo after').all).toBe('after\n');
    expect(clears).toBe(1);
  });

  it('help lists the commands', () => {
    const out = run(newShell(), 'help').out;
    for (const cmd of ['kubectl', 'sim cluster create', 'sleep', 'timeout', 'export'])
      expect(out).toContain(cmd);
  });
});
