import { describe, expect, it } from 'vitest';
import { replay } from './replay.ts';

describe('replay', () => {
  it('prints each command as typed, then its output; prose and comments are skipped', () => {
    const text = [
      'Some prose.',
      '# a comment',
      '$ echo one',
      'ignored',
      '$ echo two >&2; echo three',
      '',
    ].join('\n');
    expect(replay(text)).toBe('$ echo one\none\n$ echo two >&2; echo three\ntwo\nthree\n');
  });

  it('consumes here-document bodies and continuation lines as part of the command', () => {
    const text = ['$ cat <<EOF', 'a $X', 'EOF', '$ X=1; echo \\', '  $X', '$ cat <<EOF', 'b'].join('\n');
    expect(replay(text)).toBe(
      [
        '$ cat <<EOF',
        'a $X',
        'EOF',
        'a ',
        '$ X=1; echo \\',
        '  $X',
        '1',
        '$ cat <<EOF',
        'b',
        "bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')",
        'b',
        '',
      ].join('\n'),
    );
  });

  it('consumes the lines of a multi-line loop up to its done', () => {
    const text = ['$ for i in 1 2', 'do', '  echo "n=$i"', 'done', 'prose', '$ echo end'].join('\n');
    expect(replay(text)).toBe('$ for i in 1 2\ndo\n  echo "n=$i"\ndone\nn=1\nn=2\n$ echo end\nend\n');
  });

  it('reads files named by commands through readFile', () => {
    const files: Record<string, string> = { 'notes.txt': 'from disk\n' };
    expect(replay('$ cat notes.txt\n', { readFile: (p) => files[p] })).toBe('$ cat notes.txt\nfrom disk\n');
  });

  it('advances virtual time for blocking commands and presses Ctrl-C when nothing can change', () => {
    const text =
      '$ sleep 30; kubectl get nodes --no-headers | wc -l\n$ kubectl get nodes -w | grep -c Ready\n$ echo after\n';
    expect(replay(text)).toBe(
      '$ sleep 30; kubectl get nodes --no-headers | wc -l\n3\n$ kubectl get nodes -w | grep -c Ready\n^C\n$ echo after\nafter\n',
    );
  });

  it('interrupts a command that blocks longer than the limit', () => {
    expect(replay('$ sleep 100; echo never\n$ echo $?\n', { maxCommandSeconds: 50 })).toBe(
      '$ sleep 100; echo never\n^C\n$ echo $?\n130\n',
    );
  });

  it('is deterministic for a seed and depends on it', () => {
    const text =
      '$ sim cluster create --ready-after 1\n$ kubectl create deployment web --image=nginx:1.17 --replicas=3\n$ kubectl get po\n';
    expect(replay(text, { seed: 3 })).toBe(replay(text, { seed: 3 }));
    expect(replay(text, { seed: 3 })).not.toBe(replay(text, { seed: 4 }));
  });
});
