// Command-line flag parsing as spf13/pflag does it for kubectl (interspersed flags, `--flag=value`,
// `--flag value`, `-o yaml`, `-oyaml`, `-n=ns`, grouped bool shorthands, `--`), with pflag's error texts.
import type { FlagSpec, FlagValue } from './command.ts';

/** kubectl's persistent (global) flags. Only `namespace` means something here; the rest are accepted. */
export const globalFlags: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '' },
  { name: 'kubeconfig', type: 'string', default: '' },
  { name: 'context', type: 'string', default: '' },
  { name: 'cluster', type: 'string', default: '' },
  { name: 'user', type: 'string', default: '' },
  { name: 'server', short: 's', type: 'string', default: '' },
  { name: 'token', type: 'string', default: '' },
  { name: 'as', type: 'string', default: '' },
  { name: 'as-group', type: 'stringArray', default: [] },
  { name: 'as-uid', type: 'string', default: '' },
  { name: 'certificate-authority', type: 'string', default: '' },
  { name: 'client-certificate', type: 'string', default: '' },
  { name: 'client-key', type: 'string', default: '' },
  { name: 'tls-server-name', type: 'string', default: '' },
  { name: 'username', type: 'string', default: '' },
  { name: 'password', type: 'string', default: '' },
  { name: 'cache-dir', type: 'string', default: '' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'insecure-skip-tls-verify', type: 'bool', default: false },
  { name: 'match-server-version', type: 'bool', default: false },
  { name: 'warnings-as-errors', type: 'bool', default: false },
  { name: 'disable-compression', type: 'bool', default: false },
  { name: 'profile', type: 'string', default: 'none' },
  { name: 'profile-output', type: 'string', default: 'profile.pprof' },
  { name: 'kuberc', type: 'string', default: '' },
  { name: 'v', short: 'v', type: 'int', default: 0 },
  { name: 'help', short: 'h', type: 'bool', default: false },
];

/** Flags every mutating command shares (`cmdutil.AddDryRunFlag`, `AddFilenameOptionFlags`, ...). */
export const filenameFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
];
export const dryRunFlag: FlagSpec = { name: 'dry-run', type: 'string', default: 'none' };
export const outputFlag: FlagSpec = { name: 'output', short: 'o', type: 'string', default: '' };
export const fieldManagerFlag = (def: string): FlagSpec => ({
  name: 'field-manager',
  type: 'string',
  default: def,
});
export const showManagedFieldsFlag: FlagSpec = { name: 'show-managed-fields', type: 'bool', default: false };
export const templateFlag: FlagSpec = { name: 'template', type: 'string', default: '' };
export const allowMissingTemplateKeysFlag: FlagSpec = {
  name: 'allow-missing-template-keys',
  type: 'bool',
  default: true,
};
export const selectorFlag: FlagSpec = { name: 'selector', short: 'l', type: 'string', default: '' };
export const recordFlag: FlagSpec = { name: 'record', type: 'bool', default: false };

/** pflag's NoOptDefVal: the value a flag takes when given without one. */
function noOptDefVal(spec: FlagSpec): string | undefined {
  if (spec.type === 'bool') return 'true';
  if (spec.name === 'dry-run') return 'unchanged';
  if (spec.name === 'validate') return 'strict';
  return undefined;
}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  given: Set<string>;
  args: string[];
  /** Index in `args` where `--` was seen, or -1 (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  help: boolean;
}

/** A pflag parse error: the message before kubectl's `See '<cmd> --help' for usage.` suffix. */
export class FlagParseError {
  constructor(readonly message: string) {}
}

// Models spf13/pflag flag.go FlagSet.lookup with kubectl's WordSepNormalizeFunc (`_` → `-`)
function normalize(name: string): string {
  return name.replaceAll('_', '-');
}

function displayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Go's strconv.Quote for the ASCII strings a command line holds. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

// Models golang strconv ParseBool
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

// Models golang strconv ParseInt(s, 0, 64)
export function parseGoInt(s: string): number | string {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]*|0[bB][01_]+|[1-9][0-9_]*|0)$/.exec(s);
  if (!m) return `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`;
  const body = m[2]!.replaceAll('_', '');
  let v: bigint;
  if (/^0[xX]/.test(body)) v = BigInt(body);
  else if (/^0[bB]/.test(body)) v = BigInt(body);
  else if (/^0[oO]/.test(body)) v = BigInt(`0o${body.slice(2) || '0'}`);
  else if (body.length > 1 && body.startsWith('0')) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  if (m[1] === '-') v = -v;
  if (v > 9223372036854775807n || v < -9223372036854775808n)
    return `strconv.ParseInt: parsing ${goQuote(s)}: value out of range`;
  return Number(v);
}

function setValue(
  spec: FlagSpec,
  value: string,
  values: Map<string, FlagValue>,
  given: Set<string>,
): FlagParseError | undefined {
  let v: FlagValue;
  switch (spec.type) {
    case 'bool': {
      const b = parseGoBool(value);
      if (b === undefined)
        return new FlagParseError(
          `invalid argument ${goQuote(value)} for ${goQuote(displayName(spec))} flag: strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`,
        );
      v = b;
      break;
    }
    case 'int': {
      const n = parseGoInt(value);
      if (typeof n === 'string')
        return new FlagParseError(
          `invalid argument ${goQuote(value)} for ${goQuote(displayName(spec))} flag: ${n}`,
        );
      v = n;
      break;
    }
    case 'stringArray': {
      const prev = given.has(spec.name) ? (values.get(spec.name) as string[]) : [];
      // `--filename` is a StringSlice upstream: `-f a.yaml,b.yaml` names two files.
      const parts = spec.name === 'filename' ? value.split(',') : [value];
      v = [...prev, ...parts];
      break;
    }
    default:
      v = value;
  }
  values.set(spec.name, v);
  given.add(spec.name);
  return undefined;
}

// Models spf13/pflag flag.go FlagSet.parseArgs, parseLongArg, parseShortArg
export function parseFlags(
  specs: readonly FlagSpec[],
  argv: readonly string[],
): ParsedFlags | FlagParseError {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    if (!byName.has(s.name)) byName.set(s.name, s);
    if (s.short && !byShort.has(s.short)) byShort.set(s.short, s);
  }
  const values = new Map<string, FlagValue>();
  for (const s of specs)
    if (s.default !== undefined) values.set(s.name, Array.isArray(s.default) ? [...s.default] : s.default);
  const given = new Set<string>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  let help = false;
  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length === 0 || s[0] !== '-' || s.length === 1) {
      args.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = args.length;
        args.push(...rest);
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') return new FlagParseError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = normalize(eq >= 0 ? body.slice(0, eq) : body);
      const spec = byName.get(name);
      if (!spec) {
        if (name === 'help') {
          help = true;
          continue;
        }
        return new FlagParseError(`unknown flag: --${name}`);
      }
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (noOptDefVal(spec) !== undefined) value = noOptDefVal(spec)!;
      else if (rest.length > 0) value = rest.shift()!;
      else return new FlagParseError(`flag needs an argument: ${s}`);
      const err = setValue(spec, value, values, given);
      if (err) return err;
      if (spec.name === 'help' && values.get('help') === true) help = true;
      continue;
    }
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0]!;
      const spec = byShort.get(c);
      if (!spec) {
        if (c === 'h') {
          help = true;
          shorthands = shorthands.slice(1);
          continue;
        }
        return new FlagParseError(`unknown shorthand flag: '${c}' in -${shorthands}`);
      }
      let value: string;
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        shorthands = '';
      } else if (noOptDefVal(spec) !== undefined) {
        value = noOptDefVal(spec)!;
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        shorthands = '';
      } else if (rest.length > 0) {
        value = rest.shift()!;
        shorthands = '';
      } else {
        return new FlagParseError(`flag needs an argument: '${c}' in -${shorthands}`);
      }
      const err = setValue(spec, value, values, given);
      if (err) return err;
      if (spec.name === 'help' && values.get('help') === true) help = true;
    }
  }
  return { values, given, args, argsLenAtDash, help };
}

/** Whether the flag `name` (long, without dashes) or shorthand takes no value (cobra hasNoOptDefVal). */
export function hasNoOptDefVal(specs: readonly FlagSpec[], name: string, short: boolean): boolean {
  const spec = specs.find((s) => (short ? s.short === name : s.name === normalize(name)));
  return spec !== undefined && noOptDefVal(spec) !== undefined;
}

const durationUnits: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60000,
  h: 3600000,
};

// Models golang time ParseDuration (to whole milliseconds)
/** Milliseconds, or the Go error text (`time: invalid duration "x"`). */
export function parseGoDuration(s: string): number | string {
  const orig = s;
  const invalid = `time: invalid duration ${goQuote(orig)}`;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(\.\d*)?/.exec(s)!;
    if (m[0] === '' || m[0] === '.') return invalid;
    s = s.slice(m[0].length);
    const u = /^[^\d.]*/.exec(s)![0];
    if (u === '') return `time: missing unit in duration ${goQuote(orig)}`;
    const mult = durationUnits[u];
    if (mult === undefined) return `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}`;
    s = s.slice(u.length);
    total += Number(m[0]) * mult;
  }
  return Math.round(neg ? -total : total);
}

/** pflag's error for a Duration flag given an unparsable value. */
export function durationFlagError(spec: FlagSpec, value: string, goErr: string): FlagParseError {
  return new FlagParseError(
    `invalid argument ${goQuote(value)} for ${goQuote(displayName(spec))} flag: ${goErr}`,
  );
}
