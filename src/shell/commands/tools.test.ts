import { beforeAll, describe, expect, it } from 'vitest';
import type { Shell } from '../shell.ts';
import { newShell, runToEnd } from '../testing.ts';

// Each line was run by GNU bash 5.2 with coreutils 9.1, findutils 4.9 and mawk 1.3.4 (LC_ALL=C); the expected
// text is what they printed (stdout and stderr in order), with bash's `script: line 1:` prefix as `bash:`.
// The lines run in order in one shell: the first writes po.txt for the others.
let shell: Shell;
beforeAll(() => {
  shell = newShell();
});

describe('cut', () => {
  it.each([
    [
      "printf 'NAME READY STATUS\\nweb-1 1/1 Running\\nweb-2 0/1 Pending\\n' > po.txt; cut -d ' ' -f 1 po.txt",
      'NAME\nweb-1\nweb-2\n',
    ],
    ["cut -d ' ' -f 1,3 po.txt", 'NAME STATUS\nweb-1 Running\nweb-2 Pending\n'],
    ["cut -d ' ' -f 2- po.txt", 'READY STATUS\n1/1 Running\n0/1 Pending\n'],
    ['cut -c 1-3 po.txt', 'NAM\nweb\nweb\n'],
    ['cut -f 1 po.txt', 'NAME READY STATUS\nweb-1 1/1 Running\nweb-2 0/1 Pending\n'],
    ["echo 'a:b:c' | cut -d: -f2 --output-delimiter=/", 'b\n'],
    ["echo 'a:b:c' | cut -d: -f1,3 --complement", 'b\n'],
    ["printf 'a,b\\nno-delim\\n' | cut -d, -f2 -s", 'b\n'],
    ['cut -f 0 po.txt', "cut: fields are numbered from 1\nTry 'cut --help' for more information.\n"],
    [
      'cut po.txt',
      "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
    ],
    [
      'cut -d ab -f 1 po.txt',
      "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n",
    ],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('tr', () => {
  it.each([
    ['echo hello | tr a-z A-Z', 'HELLO\n'],
    ['echo hello | tr -d l', 'heo\n'],
    ["echo 'a   b    c' | tr -s ' '", 'a b c\n'],
    ["echo 'a   b    c' | tr -s ' ' '_'", 'a_b_c\n'],
    ["echo 'Hello World' | tr '[:upper:]' '[:lower:]'", 'hello world\n'],
    ["echo 'abc' | tr abc x", 'xxx\n'],
    ["echo 'a,b;c' | tr ',;' '\\n\\n'", 'a\nb\nc\n'],
    [
      'echo hi | tr a',
      "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n",
    ],
    ["echo 'hello 123' | tr -cd '0-9\\n'", '123\n'],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('sort', () => {
  it.each([
    ["printf 'b\\na\\nc\\na\\n' | sort", 'a\na\nb\nc\n'],
    ["printf 'b\\na\\nc\\na\\n' | sort -r", 'c\nb\na\na\n'],
    ["printf 'b\\na\\nc\\na\\n' | sort -u", 'a\nb\nc\n'],
    ["printf '10\\n9\\n100\\n-1\\n' | sort -n", '-1\n9\n10\n100\n'],
    ["printf '10\\n9\\n100\\n' | sort", '10\n100\n9\n'],
    ["printf 'x 3\\ny 1\\nz 2\\n' | sort -k2", 'y 1\nz 2\nx 3\n'],
    ["printf 'x 3\\ny 1\\nz 2\\n' | sort -k2 -n -r", 'x 3\nz 2\ny 1\n'],
    ["printf 'a:3\\nb:1\\nc:2\\n' | sort -t: -k2,2", 'b:1\nc:2\na:3\n'],
    ["printf 'B\\na\\nC\\n' | sort", 'B\nC\na\n'],
    ["printf 'B\\na\\nC\\n' | sort -f", 'a\nB\nC\n'],
    [
      "printf 'web-1  Running\\nweb-2  Pending\\nweb-3  Running\\n' | sort -k2,2 -k1,1r",
      'web-2  Pending\nweb-3  Running\nweb-1  Running\n',
    ],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('uniq', () => {
  it.each([
    ["printf 'a\\na\\nb\\na\\n' | uniq", 'a\nb\na\n'],
    ["printf 'a\\na\\nb\\na\\n' | uniq -c", '      2 a\n      1 b\n      1 a\n'],
    ["printf 'a\\na\\nb\\nc\\nc\\n' | uniq -d", 'a\nc\n'],
    ["printf 'a\\na\\nb\\nc\\nc\\n' | uniq -u", 'b\n'],
    ["printf 'x\\nX\\n' | uniq -i", 'x\n'],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('printf', () => {
  it.each([
    ["printf '%s=%d\\n' a 1 b 2", 'a=1\nb=2\n'],
    [
      "printf '%5s|%-5s|%05d|%x|%o|%.2f|%e\\n' ab cd 42 255 8 3.14159 12345.678",
      '   ab|cd   |00042|ff|10|3.14|1.234568e+04\n',
    ],
    ["printf 'no newline'", 'no newline'],
    ["printf '%s\\n'", '\n'],
    ["printf '%d\\n' abc", 'bash: printf: abc: invalid number\n0\n'],
    ["printf '%c%c\\n' hello world", 'hw\n'],
    ["printf '%b\\n' 'a\\tb'", 'a\tb\n'],
    ["printf '100%%\\n'", '100%\n'],
    ["printf '%s %s\\n' 1 2 3", '1 2\n3 \n'],
    ["printf '%g %g %g\\n' 0.0001 123456789 2.5", '0.0001 1.23457e+08 2.5\n'],
    ['printf', 'printf: usage: printf [-v var] format [arguments]\n'],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('seq', () => {
  it.each([
    ['seq 3', '1\n2\n3\n'],
    ['seq 2 4', '2\n3\n4\n'],
    ['seq 1 2 7', '1\n3\n5\n7\n'],
    ['seq 5 1', ''],
    ['seq 0 0.5 2', '0.0\n0.5\n1.0\n1.5\n2.0\n'],
    ['seq -s, 1 4', '1,2,3,4\n'],
    ['seq -w 8 11', '08\n09\n10\n11\n'],
    ['seq 3 -1 1', '3\n2\n1\n'],
    ['seq', "seq: missing operand\nTry 'seq --help' for more information.\n"],
    ['seq x', "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n"],
    ['seq 1 0 3', "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n"],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('awk', () => {
  it.each([
    ["echo 'a b c' | awk '{print $2}'", 'b\n'],
    ["printf 'NAME STATUS\\nweb-1 Running\\nweb-2 Pending\\n' | awk 'NR>1 {print $1}'", 'web-1\nweb-2\n'],
    [
      "printf 'NAME STATUS\\nweb-1 Running\\nweb-2 Pending\\n' | awk '$2 == \"Running\" {print $1, NR}'",
      'web-1 2\n',
    ],
    ["printf 'NAME STATUS\\nweb-1 Running\\nweb-2 Pending\\n' | awk '/Pend/'", 'web-2 Pending\n'],
    ["echo 'a:b:c' | awk -F: '{print $NF, NF}'", 'c 3\n'],
    ["echo 'a b c' | awk '{print $1 $3}'", 'ac\n'],
    ["printf '1\\n2\\n3\\n' | awk '{s += $1} END {print \"sum\", s}'", 'sum 6\n'],
    ["printf '1\\n2\\n3\\n' | awk 'BEGIN {print \"start\"} {print $1 * 2}'", 'start\n2\n4\n6\n'],
    ["echo 'x y' | awk '{printf \"%s-%s\\n\", $2, $1}'", 'y-x\n'],
    ["echo 'hello' | awk '{print length($0), toupper($1), substr($1, 2, 3)}'", '5 HELLO ell\n'],
    ["echo 'a b c' | awk '{$2 = \"X\"; print}'", 'a X c\n'],
    ["echo 'a b c' | awk -v n=2 '{print $n}'", 'b\n'],
    ["printf '3\\n10\\n' | awk '$1 > 5'", '10\n'],
    ['echo \'5 apples\' | awk \'{ if ($1 > 3) print "many"; else print "few" }\'', 'many\n'],
    ["printf 'a\\nb\\nc\\n' | awk 'NR==2 {next} {print}'", 'a\nc\n'],
    ["echo 'a b' | awk '{print $1,$2}' OFS=-", 'a-b\n'],
    ["echo 'a b' | awk 'BEGIN {OFS=\"-\"} {print $1,$2}'", 'a-b\n'],
    ["echo '1.5 2' | awk '{print $1 + $2, $1 / 3}'", '3.5 0.5\n'],
    ["echo 'x' | awk '{print'", 'awk: line 2: missing } near end of file\n'],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('xargs', () => {
  it.each([
    ['echo a b c | xargs', 'a b c\n'],
    ["printf '1\\n2\\n3\\n' | xargs -n 1 echo num", 'num 1\nnum 2\nnum 3\n'],
    ["printf 'a\\nb\\n' | xargs -I{} echo 'item {} done'", 'item a done\nitem b done\n'],
    ["printf 'a\\nb\\n' | xargs -t echo", 'echo a b\na b\n'],
    ["printf '' | xargs echo empty", 'empty\n'],
    ["printf '' | xargs -r echo empty", ''],
    ['echo "\'quoted arg\' other" | xargs -n1 echo', 'quoted arg\nother\n'],
    ['echo a | xargs nosuchcmd', 'xargs: nosuchcmd: No such file or directory\n'],
    ['echo a | xargs false; echo "rc=$?"', 'rc=123\n'],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});

describe('test and [', () => {
  it.each([
    ['test 1 -eq 1; echo $?', '0\n'],
    ['[ a = b ]; echo $?', '1\n'],
    ['[ -n "" ]; echo $?', '1\n'],
    ['[ -z "" ]; echo $?', '0\n'],
    ['[ 3 -gt 2 -a 1 -lt 2 ]; echo $?', '0\n'],
    ['[ ! -f nope.txt ]; echo $?', '0\n'],
    ['[ -f po.txt ]; echo $?', '0\n'],
    ['[ abc -eq 1 ]; echo $?', 'bash: [: abc: integer expression expected\n2\n'],
    ['[ a b ]; echo $?', 'bash: [: a: unary operator expected\n2\n'],
    ['[ a b c ]; echo $?', 'bash: [: b: binary operator expected\n2\n'],
    ['[ a = b = c ]; echo $?', 'bash: [: too many arguments\n2\n'],
    ['[ 1 = 1; echo $?', "bash: [: missing `]'\n2\n"],
    ['[ ]; echo $?', '1\n'],
    ['[ x ]; echo $?', '0\n'],
    ['[ -q x ]; echo $?', 'bash: [: -q: unary operator expected\n2\n'],
    ['[ \\( a = a \\) ]; echo $?', '0\n'],
  ])('%s', (src, want) => {
    expect(runToEnd(shell, src).all).toBe(want);
  });
});
