// Label selectors: matching, parsing `-l` strings and printing them as kubectl does.
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Labels = Readonly<Record<string, string>>;

export type Operator = 'in' | 'notin' | 'exists' | '!' | '=' | '==' | '!=';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

/** A parsed selector: all requirements must hold. An empty list selects everything. */
export type Selector = readonly Requirement[];

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/labels/selector.go Requirement.Matches
export function requirementMatches(r: Requirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = has ? labels[r.key] : undefined;
  switch (r.op) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(v!);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(v!);
    case 'exists':
      return has;
    case '!':
      return !has;
  }
}

export function selectorMatches(sel: Selector, labels: Labels | undefined): boolean {
  for (const r of sel) if (!requirementMatches(r, labels)) return false;
  return true;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector
export function labelSelectorAsSelector(ls: LabelSelector | undefined): Selector | null {
  if (!ls) return null; // nil selects nothing
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) reqs.push({ key: k, op: '=', values: [v] });
  for (const e of ls.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In') reqs.push({ key: e.key, op: 'in', values: [...(e.values ?? [])] });
    else if (op === 'NotIn') reqs.push({ key: e.key, op: 'notin', values: [...(e.values ?? [])] });
    else if (op === 'Exists') reqs.push({ key: e.key, op: 'exists', values: [] });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, op: '!', values: [] });
  }
  return sortRequirements(reqs);
}

function sortRequirements(reqs: Requirement[]): Requirement[] {
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function requirementString(r: Requirement): string {
  switch (r.op) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.op} (${[...r.values].sort().join(',')})`;
    default:
      return `${r.key}${r.op}${r.values[0] ?? ''}`;
  }
}

export function selectorString(sel: Selector): string {
  return sel.map(requirementString).join(',');
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go FormatLabelSelector
export function formatLabelSelector(ls: LabelSelector | undefined): string {
  const sel = labelSelectorAsSelector(ls);
  if (!sel) return '<none>';
  const s = selectorString(sel);
  return s === '' ? '<none>' : s;
}

/** `app=web,tier=front` as `kubectl describe` prints a label map (sorted, one per line when multiline). */
export function formatLabels(labels: Labels | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

const keyRe = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/labels/selector.go Parse
/** Parses a `-l` selector string. Returns an error message in kubectl's words on bad input. */
export function parseSelector(input: string): [Selector, string | null] {
  const reqs: Requirement[] = [];
  const s = input.trim();
  if (s === '') return [[], null];
  let i = 0;
  const skipWs = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const readIdent = () => {
    const m = /^[^\s,=!()<>]+/.exec(s.slice(i));
    if (!m) return '';
    i += m[0].length;
    return m[0];
  };
  while (i < s.length) {
    skipWs();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
      skipWs();
    }
    const key = readIdent();
    if (!key || !keyRe.test(key))
      return [[], `unable to parse requirement: found '${key || s[i] || ''}', expected: identifier`];
    skipWs();
    if (negate) {
      reqs.push({ key, op: '!', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      reqs.push({ key, op: 'exists', values: [] });
    } else if (s.startsWith('==', i) || s.startsWith('!=', i) || s[i] === '=') {
      const op: Operator = s.startsWith('==', i) ? '==' : s.startsWith('!=', i) ? '!=' : '=';
      i += op.length;
      skipWs();
      const m = /^[^\s,()]*/.exec(s.slice(i))!;
      i += m[0].length;
      reqs.push({ key, op, values: [m[0]] });
    } else {
      const m = /^(in|notin)\s*\(([^)]*)\)/.exec(s.slice(i));
      if (!m)
        return [
          [],
          `unable to parse requirement: found '${s.slice(i).split(/[\s,]/)[0]}', expected: in, notin, =, ==, !=, gt, lt`,
        ];
      i += m[0].length;
      const values = m[2]!
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      reqs.push({ key, op: m[1] as Operator, values });
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') return [[], `unable to parse requirement: found '${s[i]}', expected: ','`];
      i++;
    }
  }
  return [sortRequirements(reqs), null];
}
