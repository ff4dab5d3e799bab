import { describe, expect, it } from 'vitest';
import type { JobUpdate } from '../../shell/index.ts';
import { createAppStore } from '../store/store.ts';
import { createConsoleController, echo, type ConsoleProcess } from './console-controller.ts';

/** A fake shell: `wait N` prints a line per poll and finishes after N polls; anything else echoes at once. */
function fakeShell() {
  const ran: string[] = [];
  return {
    ran,
    run(text: string): ConsoleProcess {
      ran.push(text);
      const m = /^wait (\d+)/.exec(text);
      let left = m ? Number(m[1]) : 0;
      let done = false;
      const finish = (u: JobUpdate) => {
        done = u.done;
        return u;
      };
      return {
        pollChunks: () => {
          if (done) return { chunks: [], done: true, exitCode: 0 };
          if (!m)
            return finish({
              chunks: [
                { fd: 1, text: `ran: ${text}\n` },
                { fd: 2, text: 'warn\n' },
              ],
              done: true,
              exitCode: 0,
            });
          left--;
          return finish({ chunks: [{ fd: 1, text: `tick ${left}\n` }], done: left <= 0, exitCode: 0 });
        },
        interruptChunks: () => finish({ chunks: [], done: true, exitCode: 130 }),
      };
    },
  };
}

function setup() {
  const store = createAppStore();
  const shell = fakeShell();
  const commands: string[] = [];
  const c = createConsoleController({
    store,
    shell: () => shell,
    needsMoreInput: (t) => /<<EOF/.test(t) && !/\nEOF$/.test(t),
    onCommand: (l) => commands.push(l),
  });
  const text = () =>
    store
      .getState()
      .chunks.map((x) => x.text)
      .join('');
  return { store, shell, c, commands, text };
}

describe('console controller', () => {
  it('echoes the prompt and prints stdout and stderr in order', () => {
    const { c, text, store, commands } = setup();
    expect(c.submit('kubectl get po')).toBe(true);
    expect(text()).toBe('$ kubectl get po\nran: kubectl get po\nwarn\n');
    expect(store.getState().chunks.map((x) => x.stream)).toEqual(['input', 'stdout', 'stderr']);
    expect(store.getState().history).toEqual(['kubectl get po']);
    expect(commands).toEqual(['kubectl get po']);
    expect(store.getState().running).toBe(false);
  });

  it('collects a here-document over several lines before running it', () => {
    const { c, shell, store, text } = setup();
    expect(c.submit('cat <<EOF')).toBe(false);
    expect(store.getState().continuation).toBe('cat <<EOF');
    expect(c.submit('hello')).toBe(false);
    expect(c.submit('EOF')).toBe(true);
    expect(shell.ran).toEqual(['cat <<EOF\nhello\nEOF']);
    expect(text().startsWith('$ cat <<EOF\n> hello\n> EOF\n')).toBe(true);
    expect(store.getState().continuation).toBeNull();
  });

  it('keeps polling a running command and Ctrl-C stops it', () => {
    const { c, store, text } = setup();
    c.submit('wait 5');
    expect(store.getState().running).toBe(true);
    c.poll();
    c.interrupt();
    expect(store.getState().running).toBe(false);
    expect(text()).toBe('$ wait 5\ntick 4\ntick 3\n^C\n');
    c.poll();
    expect(text()).toBe('$ wait 5\ntick 4\ntick 3\n^C\n');
  });

  it('Ctrl-C on the prompt abandons the typed line', () => {
    const { c, text, shell } = setup();
    c.interrupt('kubectl get');
    expect(text()).toBe('$ kubectl get^C\n');
    expect(shell.ran).toEqual([]);
  });

  it('a Run while a command runs interrupts it first', () => {
    const { c, text } = setup();
    c.run('wait 3');
    c.run('kubectl get po');
    expect(text()).toBe('$ wait 3\ntick 2\n^C\n$ kubectl get po\nran: kubectl get po\nwarn\n');
  });

  it('echo marks continuation lines', () => {
    expect(echo('a\nb\n')).toBe('$ a\n> b\n');
  });
});
