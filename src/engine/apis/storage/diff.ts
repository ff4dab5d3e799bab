// The spec diff the apiserver appends to "is immutable" errors: both values as indented JSON (Go's
// json.MarshalIndent with one space), compared line by line as a unified diff with 3 lines of context and no
// file headers. Line matching uses a longest common subsequence where difflib uses its longest-block
// heuristic; the two agree on the small, local edits a learner makes.

type Op = ['equal' | 'replace' | 'delete' | 'insert', number, number, number, number];

function opcodes(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const blocks: [number, number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      const last = blocks[blocks.length - 1];
      if (last && last[0] + last[2] === i && last[1] + last[2] === j) last[2]++;
      else blocks.push([i, j, 1]);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  blocks.push([n, m, 0]);
  // Models difflib SequenceMatcher.get_opcodes
  const ops: Op[] = [];
  i = 0;
  j = 0;
  for (const [ai, bj, size] of blocks) {
    if (i < ai && j < bj) ops.push(['replace', i, ai, j, bj]);
    else if (i < ai) ops.push(['delete', i, ai, j, bj]);
    else if (j < bj) ops.push(['insert', i, ai, j, bj]);
    i = ai + size;
    j = bj + size;
    if (size > 0) ops.push(['equal', ai, i, bj, j]);
  }
  return ops;
}

// Models difflib SequenceMatcher.get_grouped_opcodes
function groupedOpcodes(codes: Op[], n: number): Op[][] {
  if (codes.length === 0) codes = [['equal', 0, 1, 0, 1]];
  const first = codes[0]!;
  if (first[0] === 'equal')
    codes[0] = [
      'equal',
      Math.max(first[1], first[2] - n),
      first[2],
      Math.max(first[3], first[4] - n),
      first[4],
    ];
  const last = codes[codes.length - 1]!;
  if (last[0] === 'equal')
    codes[codes.length - 1] = [
      'equal',
      last[1],
      Math.min(last[2], last[1] + n),
      last[3],
      Math.min(last[4], last[3] + n),
    ];
  const groups: Op[][] = [];
  let group: Op[] = [];
  for (const code of codes) {
    const [tag, , i2, , j2] = code;
    let [, i1, , j1] = code;
    if (tag === 'equal' && i2 - i1 > 2 * n) {
      group.push([tag, i1, Math.min(i2, i1 + n), j1, Math.min(j2, j1 + n)]);
      groups.push(group);
      group = [];
      i1 = Math.max(i1, i2 - n);
      j1 = Math.max(j1, j2 - n);
    }
    group.push([tag, i1, i2, j1, j2]);
  }
  if (group.length > 0 && !(group.length === 1 && group[0]![0] === 'equal')) groups.push(group);
  return groups;
}

// Models difflib formatRangeUnified
function formatRange(start: number, stop: number): string {
  const beginning = start + 1;
  const length = stop - start;
  if (length === 1) return String(beginning);
  if (length === 0) return `${beginning - 1},0`;
  return `${beginning},${length}`;
}

/** Go's json.MarshalIndent(v, "", " "): map keys sorted (callers build maps with sorted keys). */
export function goJSON(v: unknown): string {
  return JSON.stringify(v, null, 1)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/diff/diff.go Diff
export function diff(a: unknown, b: unknown): string {
  const la = splitLines(goJSON(a));
  const lb = splitLines(goJSON(b));
  let out = '';
  for (const group of groupedOpcodes(opcodes(la, lb), 3)) {
    const f = group[0]!;
    const l = group[group.length - 1]!;
    out += `@@ -${formatRange(f[1], l[2])} +${formatRange(f[3], l[4])} @@\n`;
    for (const [tag, i1, i2, j1, j2] of group) {
      if (tag === 'equal') {
        for (const line of la.slice(i1, i2)) out += ` ${line}`;
        continue;
      }
      if (tag === 'replace' || tag === 'delete') for (const line of la.slice(i1, i2)) out += `-${line}`;
      if (tag === 'replace' || tag === 'insert') for (const line of lb.slice(j1, j2)) out += `+${line}`;
    }
  }
  return out;
}

// Models difflib SplitLines: every line keeps its newline, the last one gets one.
function splitLines(s: string): string[] {
  const lines = s.split('\n').map((x) => `${x}\n`);
  return lines;
}
