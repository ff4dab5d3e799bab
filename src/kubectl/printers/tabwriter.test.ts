import { describe, expect, it } from 'vitest';
import {
  TabWriter,
  newDescribeTabWriter,
  newTableTabWriter,
  tabulate,
  type TabWriterConfig,
} from './tabwriter.ts';

type Case = [
  name: string,
  minwidth: number,
  tabwidth: number,
  padding: number,
  padchar: string,
  discard: boolean,
  src: string,
  expected: string,
];

// The cases of github.com/liggitt/tabwriter tabwriter_test.go (Go's text/tabwriter tests) that use no
// escapes, HTML filtering, right alignment or debug bars.
const cases: Case[] = [
  ['1a', 8, 0, 1, '.', false, '', ''],
  ['2', 8, 0, 1, '.', false, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', false, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', false, '\t', ''],
  ['5', 8, 0, 1, '.', false, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', false, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', false, '*\t*\t', '*.......*'],
  ['6', 8, 0, 1, '.', false, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', false, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', false, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', false, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', false, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', false, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['8', 8, 0, 1, '*', false, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', false, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', false, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['10a', 5, 0, 0, '.', false, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', false, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  [
    '11',
    8,
    0,
    1,
    '.',
    false,
    '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n',
  ],
  ['12b', 2, 0, 0, ' ', false, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  [
    '12c',
    8,
    0,
    1,
    '_',
    false,
    'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n',
    'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n',
  ],
  [
    '13a',
    4,
    0,
    1,
    '-',
    false,
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n',
  ],
  [
    '13b',
    4,
    0,
    3,
    '.',
    false,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n',
  ],
  ['15a', 4, 0, 0, '.', false, 'a\t\tb', 'a.......b'],
  ['15b', 4, 0, 0, '.', true, 'a\t\tb', 'a.......b'],
  ['15c', 4, 0, 0, '.', true, 'a\v\vb', 'a...b'],
  [
    '16a',
    100,
    100,
    0,
    '\t',
    false,
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
    'a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  ],
  [
    '16b',
    100,
    100,
    0,
    '\t',
    true,
    'a\vb\v\vd\na\vb\v\vd\ve\na\na\vb\vc\vd\na\vb\vc\vd\ve\n',
    'a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n',
  ],
];

describe('TabWriter (Go text/tabwriter cases)', () => {
  for (const [name, minwidth, tabwidth, padding, padchar, discard, src, expected] of cases) {
    const cfg: TabWriterConfig = { minwidth, tabwidth, padding, padchar, discardEmptyColumns: discard };
    it(`${name} (written all at once)`, () => {
      expect(tabulate(src, new TabWriter(cfg))).toBe(expected);
    });
    it(`${name} (written byte-by-byte)`, () => {
      const w = new TabWriter(cfg);
      for (const ch of src) w.write(ch);
      w.flush();
      expect(w.take()).toBe(expected);
    });
  }
});

describe('TabWriter RememberWidths (liggitt/tabwriter TestMultiWrite)', () => {
  it('keeps column widths across flushes', () => {
    const w = newTableTabWriter();
    w.write('First\tMiddle\tLast\n');
    w.write('a\tbb\tccc\n');
    w.write('ddd\teeeeeeeeeeeeee\tf\n');
    w.flush();
    w.write('g\th\ti\n');
    w.flush();
    w.write('j\t\t\n');
    w.flush();
    w.write('\tk\t\n');
    w.flush();
    w.write('\t\tl\n');
    w.flush();
    expect(w.take()).toBe(
      [
        'First   Middle           Last\n',
        'a       bb               ccc\n',
        'ddd     eeeeeeeeeeeeee   f\n',
        'g       h                i\n',
        'j                        \n',
        '        k                \n',
        '                         l\n',
      ].join(''),
    );
  });

  it('widens later rows without re-padding rows already written', () => {
    const w = newTableTabWriter();
    w.write('NAME\tAGE\n');
    w.write('a\t1s\n');
    w.flush();
    w.write('a-much-longer-name\t2s\n');
    w.flush();
    w.write('b\t3s\n');
    w.flush();
    expect(w.take()).toBe('NAME   AGE\na      1s\na-much-longer-name   2s\nb                    3s\n');
  });
});

describe('kubectl tab writers', () => {
  it('pads table columns to width+3 with a minimum of 6 and leaves the last column unpadded', () => {
    expect(tabulate('NAME\tREADY\tAGE\nweb\t1/1\t5s\n')).toBe('NAME   READY   AGE\nweb    1/1     5s\n');
  });

  it('describe blocks end at a line without a tab', () => {
    const w = newDescribeTabWriter();
    w.write('Name:\tweb\nNamespace:\tdefault\nPod Template:\n  Labels:\tapp=web\n');
    w.flush();
    expect(w.take()).toBe('Name:       web\nNamespace:  default\nPod Template:\n  Labels:  app=web\n');
  });
});
