import { describe, expect, it } from 'vitest';
import { heredocs, isIncomplete, parse } from './parser.ts';
import { expandString, expandWords } from './expand.ts';
import { lexHeredocBody } from './lexer.ts';
import type { SimpleCommand } from './ast.ts';

const vars = new Map([
  ['IMG', 'nginx:1.18'],
  ['SPACED', '  a  b '],
  ['EMPTY', ''],
]);
const lookup = (n: string) => (n === '?' ? '3' : vars.get(n));

/** The argv of every simple command, expanded, as bash would pass them. */
function argvs(src: string): string[][] {
  const list = parse(src);
  return list.items.flatMap((ao) =>
    [ao.first, ...ao.rest.map((r) => r.pipeline)].flatMap((p) =>
      p.commands.map((c) => (c.type === 'simple' ? expandWords(c.words, lookup) : [])),
    ),
  );
}

function only(src: string): SimpleCommand {
  const c = parse(src).items[0]?.first.commands[0];
  if (c?.type !== 'simple') throw new Error('no simple command');
  return c;
}

describe('tokenizing and expanding words (outputs checked against bash 5)', () => {
  it.each([
    ['kubectl get po,deploy', ['kubectl', 'get', 'po,deploy']],
    [`echo 'a  b' "c  d" e\\ f`, ['echo', 'a  b', 'c  d', 'e f']],
    [`echo "it's" 'say "hi"'`, ['echo', "it's", 'say "hi"']],
    [`echo "\\$IMG \\" \\\\ \\n"`, ['echo', '$IMG " \\ \\n']],
    ['echo $IMG ${IMG}x "$IMG"', ['echo', 'nginx:1.18', 'nginx:1.18x', 'nginx:1.18']],
    ['echo $SPACED', ['echo', 'a', 'b']],
    ['echo "$SPACED"', ['echo', '  a  b ']],
    ['echo x$SPACED', ['echo', 'x', 'a', 'b']],
    ['echo $EMPTY $MISSING end', ['echo', 'end']],
    ['echo "$EMPTY" \'\' ""', ['echo', '', '', '']],
    ['echo ${MISSING:-fallback} ${IMG:-no}', ['echo', 'fallback', 'nginx:1.18']],
    ['echo $? $', ['echo', '3', '$']],
    ["echo '$IMG'", ['echo', '$IMG']],
    ['echo a#b # a comment', ['echo', 'a#b']],
    [
      'kubectl set image deploy/web nginx=$IMG',
      ['kubectl', 'set', 'image', 'deploy/web', 'nginx=nginx:1.18'],
    ],
    ['echo one \\\n  two', ['echo', 'one', 'two']],
    ['echo a \\', ['echo', 'a', '\\']],
  ])('%s', (src, want) => {
    expect(argvs(src)).toEqual([want]);
  });

  it('splits lists on ; && || and newlines', () => {
    const list = parse('a 1; b && c || d\ne | f');
    expect(list.items).toHaveLength(3);
    expect(list.items[1]!.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(list.items[2]!.first.commands).toHaveLength(2);
  });

  it('recognizes assignments only before the command name', () => {
    const c = only('X=1 Y="a b" echo Z=2');
    expect(c.assignments.map((a) => [a.name, expandString(a.value.parts, lookup)])).toEqual([
      ['X', '1'],
      ['Y', 'a b'],
    ]);
    expect(expandWords(c.words, lookup)).toEqual(['echo', 'Z=2']);
    expect(only('export X=$IMG').assignments).toEqual([]);
  });

  it('parses redirections with file descriptors', () => {
    const c = only('kubectl get po 2>&1 >out.txt 2>>err.log');
    expect(c.redirects.map((r) => (r.type === 'redirect' ? [r.fd, r.op, r.target.raw] : []))).toEqual([
      [2, '>&', '1'],
      [1, '>', 'out.txt'],
      [2, '>>', 'err.log'],
    ]);
  });
});

describe('here-documents', () => {
  const doc = `kubectl apply -f - <<EOF
kind: Deployment
  image: $IMG
EOF
kubectl get po`;

  it('takes the body from the lines after the command, up to the terminator', () => {
    const list = parse(doc);
    expect(list.items).toHaveLength(2);
    const h = list.items[0]!.first.commands[0]!.redirects[0]!;
    expect(h).toMatchObject({ type: 'heredoc', delimiter: 'EOF', quoted: false, unterminated: false });
    expect(h.type === 'heredoc' && h.body).toBe('kind: Deployment\n  image: $IMG\n');
    expect(argvs(doc)).toEqual([
      ['kubectl', 'apply', '-f', '-'],
      ['kubectl', 'get', 'po'],
    ]);
  });

  it('quoted delimiters (<<\'EOF\', <<"EOF") and <<- tab stripping', () => {
    const q = only("cat <<'EOF'\n$IMG\nEOF").redirects[0]!;
    expect(q).toMatchObject({ quoted: true, body: '$IMG\n' });
    const d = only('cat <<"END"\nx\nEND').redirects[0]!;
    expect(d).toMatchObject({ quoted: true, delimiter: 'END' });
    const t = only('cat <<-EOF\n\t\tindented\n\tEOF').redirects[0]!;
    expect(t).toMatchObject({ body: 'indented\n', unterminated: false });
  });

  it('expands unquoted bodies like double quotes, but quotes stay literal', () => {
    expect(expandString(lexHeredocBody('image: "$IMG" \'${IMG}\' \\$HOME ${MISSING:-x}\n'), lookup)).toBe(
      'image: "nginx:1.18" \'nginx:1.18\' $HOME x\n',
    );
  });

  it('reads two here-documents of one line in order', () => {
    const c = only('cmd <<A 3<<B\na\nA\nb\nB');
    expect(c.redirects.map((r) => r.type === 'heredoc' && r.body)).toEqual(['a\n', 'b\n']);
  });
});

describe('needsMoreInput', () => {
  it.each([
    ['kubectl get po', false],
    ['kubectl apply -f - <<EOF', true],
    ['kubectl apply -f - <<EOF\nkind: Pod', true],
    ['kubectl apply -f - <<EOF\nkind: Pod\nEOF', false],
    ['kubectl apply -f - <<EOF\nkind: Pod\nEOF\n', false],
    ["echo 'open", true],
    ['echo "open', true],
    ['echo a &&', true],
    ['echo a |', true],
    ['echo a \\', true],
    ['echo ${A', true],
    ['echo a;;', false],
    ['', false],
  ])('%j → %s', (src, want) => {
    expect(isIncomplete(src)).toBe(want);
  });
});

describe('syntax errors (bash wording)', () => {
  it.each([
    ['&& echo', "syntax error near unexpected token `&&'"],
    ['echo a ;; echo b', "syntax error near unexpected token `;;'"],
    ['echo a &&', 'syntax error: unexpected end of file'],
    ['echo >', "syntax error near unexpected token `newline'"],
    ['echo a | | b', "syntax error near unexpected token `|'"],
    ['echo ${A B}', '${A B}: bad substitution'],
  ])('%s', (src, message) => {
    expect(() => parse(src)).toThrow(message);
  });
});

describe('compound commands and substitutions (parse trees)', () => {
  it('parses for, while, until, if, groups and subshells with their redirections', () => {
    const types = (src: string) => parse(src).items.map((i) => i.first.commands[0]!.type);
    expect(types('for i in a b; do echo $i; done; while true; do :; done; until false; do :; done')).toEqual([
      'for',
      'while',
      'until',
    ]);
    expect(types('if a; then b; elif c; then d; else e; fi\n{ a; }\n( b )')).toEqual([
      'if',
      'group',
      'subshell',
    ]);
    const f = parse('for x in 1 "2 3"\ndo\n echo\ndone > out.txt').items[0]!.first.commands[0]!;
    expect(f).toMatchObject({ type: 'for', name: 'x', redirects: [{ fd: 1, op: '>' }] });
    expect(f.type === 'for' && f.words?.map((w) => w.raw)).toEqual(['1', '"2 3"']);
    const i = parse('if a; then b; elif c; then d; else e; fi').items[0]!.first.commands[0]!;
    expect(i.type === 'if' && [i.clauses.length, i.otherwise?.items.length]).toEqual([2, 1]);
  });

  it('treats reserved words as words where no command starts', () => {
    expect(argvs('echo for do done if then fi { }')).toEqual([
      ['echo', 'for', 'do', 'done', 'if', 'then', 'fi', '{', '}'],
    ]);
    expect(argvs('"done"; \\if')).toEqual([['done'], ['if']]);
  });

  it('parses $(…), backquotes and $((…)) into word parts', () => {
    const w = only('echo a$(kubectl get po | grep x)b "$(echo "q")" `date` $((1+2))').words;
    expect(w.slice(1).map((x) => x.parts.map((p) => p.type))).toEqual([
      ['text', 'subst', 'text'],
      ['subst'],
      ['subst'],
      ['arith'],
    ]);
    const sub = w[1]!.parts[1]!;
    expect(sub.type === 'subst' && sub.list.items[0]!.first.commands.length).toBe(2);
    expect(sub.type === 'subst' && sub.raw).toBe('$(kubectl get po | grep x)');
  });

  it('finds here-documents inside loops and substitutions', () => {
    expect(heredocs(parse('for i in 1; do cat <<EOF\nx\nEOF\ndone')).map((h) => h.body)).toEqual(['x\n']);
    expect(isIncomplete('for i in 1; do cat <<EOF\nx')).toBe(true);
  });
});

describe('needsMoreInput for compound commands', () => {
  it.each([
    ['for i in 1 2; do', true],
    ['for i in 1 2\ndo\n  echo $i', true],
    ['for i in 1 2\ndo\n  echo $i\ndone', false],
    ['while true', true],
    ['if true; then echo', true],
    ['if true; then echo; else', true],
    ['{ echo a', true],
    ['{ echo a }', true],
    ['( echo a', true],
    ['echo $(echo a', true],
    ['echo `echo a', true],
    ['echo $((1 +', true],
    ['for i in 1; do done', false],
  ])('%j → %s', (src, want) => {
    expect(isIncomplete(src)).toBe(want);
  });
});

describe('syntax errors of compound commands (bash wording)', () => {
  it.each([
    ['done', "syntax error near unexpected token `done'"],
    ['for i in 1; do done', "syntax error near unexpected token `done'"],
    ['for i in 1 2 3 do echo; done', "syntax error near unexpected token `done'"],
    ['if true; fi', "syntax error near unexpected token `fi'"],
    ['if then', "syntax error near unexpected token `then'"],
    ['while true; do echo; done foo', "syntax error near unexpected token `foo'"],
    ['then echo', "syntax error near unexpected token `then'"],
    ['echo a )', "syntax error near unexpected token `)'"],
    ['( )', "syntax error near unexpected token `)'"],
    ['{ }', "syntax error near unexpected token `}'"],
    ['echo $(done)', "syntax error near unexpected token `done'"],
    ['echo $(if true)', "syntax error near unexpected token `)'"],
    ['echo a (', "syntax error near unexpected token `('"],
  ])('%s', (src, message) => {
    expect(() => parse(src)).toThrow(message);
  });
});
