import { describe, expect, test } from 'vitest';
import type { FlagSpec } from './command.ts';
import {
  FlagParseError,
  parseFlags,
  parseGoBool,
  parseGoDuration,
  parseGoInt,
  type ParsedFlags,
} from './flags.ts';

const specs: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'namespace', short: 'n', type: 'string', default: '' },
  { name: 'watch', short: 'w', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'replicas', type: 'int', default: 0 },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'dry-run', type: 'string', default: 'none' },
];

function ok(args: string[]): ParsedFlags {
  const r = parseFlags(specs, args);
  if (r instanceof FlagParseError) throw new Error(r.message);
  return r;
}

function err(args: string[]): string {
  const r = parseFlags(specs, args);
  if (!(r instanceof FlagParseError)) throw new Error('expected an error');
  return r.message;
}

describe('parseFlags (pflag)', () => {
  test('long flags with = and with a separate value, interspersed with arguments', () => {
    const r = ok(['get', '--output=yaml', 'pods', '--namespace', 'kube-system']);
    expect(r.args).toEqual(['get', 'pods']);
    expect(r.values.get('output')).toBe('yaml');
    expect(r.values.get('namespace')).toBe('kube-system');
    expect([...r.given].sort()).toEqual(['namespace', 'output']);
  });

  test('shorthands: -o yaml, -oyaml, -n=ns, grouped bools -wA', () => {
    expect(ok(['-o', 'yaml']).values.get('output')).toBe('yaml');
    expect(ok(['-oyaml']).values.get('output')).toBe('yaml');
    expect(ok(['-n=prod']).values.get('namespace')).toBe('prod');
    const r = ok(['-wA']);
    expect(r.values.get('watch')).toBe(true);
    expect(r.values.get('all-namespaces')).toBe(true);
    expect(ok(['-w=false']).values.get('watch')).toBe(false);
  });

  test('a bool flag does not take the next argument as its value', () => {
    const r = ok(['--watch', 'false']);
    expect(r.values.get('watch')).toBe(true);
    expect(r.args).toEqual(['false']);
  });

  test('defaults are set for flags not given; the first value of a stringArray replaces the default', () => {
    const r = ok(['-f', 'a.yaml', '--filename=b.yaml,c.yaml']);
    expect(r.values.get('filename')).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(r.values.get('replicas')).toBe(0);
    expect(r.values.get('watch')).toBe(false);
  });

  test('-- ends the flags; what follows is positional, and its position is remembered', () => {
    const r = ok(['web', '--', '-o', 'sleep']);
    expect(r.args).toEqual(['web', '-o', 'sleep']);
    expect(r.argsLenAtDash).toBe(1);
    expect(r.values.get('output')).toBe('');
  });

  test('a lone - is an argument, and a flag value may start with a dash', () => {
    expect(ok(['-f', '-']).values.get('filename')).toEqual(['-']);
    expect(ok(['-']).args).toEqual(['-']);
  });

  test('--dry-run without a value means "unchanged" (NoOptDefVal)', () => {
    expect(ok(['--dry-run']).values.get('dry-run')).toBe('unchanged');
    expect(ok(['--dry-run=client']).values.get('dry-run')).toBe('client');
  });

  test('underscores in long flag names are normalized to dashes (WordSepNormalizeFunc)', () => {
    expect(ok(['--all_namespaces']).values.get('all-namespaces')).toBe(true);
  });

  test('-h and --help request help', () => {
    expect(ok(['-h']).help).toBe(true);
    expect(ok(['--help']).help).toBe(true);
  });

  test('pflag error texts', () => {
    expect(err(['--foo'])).toBe('unknown flag: --foo');
    expect(err(['--foo=bar'])).toBe('unknown flag: --foo');
    expect(err(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(err(['-wx'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(err(['--output'])).toBe('flag needs an argument: --output');
    expect(err(['-o'])).toBe("flag needs an argument: 'o' in -o");
    expect(err(['--replicas=abc'])).toBe(
      'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
    expect(err(['--watch=maybe'])).toBe(
      'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
    expect(err(['---x'])).toBe('bad flag syntax: ---x');
  });
});

describe('Go value parsing', () => {
  test('strconv.ParseBool accepts Go spellings only', () => {
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseGoBool)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseGoBool)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(parseGoBool('yes')).toBeUndefined();
  });

  test('strconv.ParseInt with base 0', () => {
    expect(parseGoInt('42')).toBe(42);
    expect(parseGoInt('-1')).toBe(-1);
    expect(parseGoInt('0x10')).toBe(16);
    expect(parseGoInt('010')).toBe(8);
    expect(parseGoInt('3.5')).toBe('strconv.ParseInt: parsing "3.5": invalid syntax');
    expect(parseGoInt('99999999999999999999')).toBe(
      'strconv.ParseInt: parsing "99999999999999999999": value out of range',
    );
  });

  // Models golang time/time_test.go parseDurationTests (a subset)
  test('time.ParseDuration', () => {
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('30s')).toBe(30000);
    expect(parseGoDuration('1m30s')).toBe(90000);
    expect(parseGoDuration('1.5h')).toBe(5400000);
    expect(parseGoDuration('300ms')).toBe(300);
    expect(parseGoDuration('-2m')).toBe(-120000);
    expect(parseGoDuration('5')).toBe('time: missing unit in duration "5"');
    expect(parseGoDuration('5d')).toBe('time: unknown unit "d" in duration "5d"');
    expect(parseGoDuration('abc')).toBe('time: invalid duration "abc"');
    expect(parseGoDuration('')).toBe('time: invalid duration ""');
  });
});
