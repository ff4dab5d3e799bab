// `--sort-by=<jsonpath>`: orders objects (or a table's rows) by one field, as kubectl's sorters compare values.
import { findJSONPathResults, relaxedJSONPathExpression } from '../../printers/jsonpath.ts';
import { parseQuantity } from '../../describe/quantity.ts';
import { goSortSlice } from '../../util/gosort.ts';

// Models github.com/fvbommel/sortorder natsort.go NaturalLess
export function naturalLess(str1: string, str2: string): boolean {
  const isdigit = (b: string | undefined) => b !== undefined && b >= '0' && b <= '9';
  let idx1 = 0;
  let idx2 = 0;
  while (idx1 < str1.length && idx2 < str2.length) {
    const c1 = str1[idx1]!;
    const c2 = str2[idx2]!;
    const dig1 = isdigit(c1);
    const dig2 = isdigit(c2);
    if (dig1 !== dig2) return dig1;
    if (!dig1) {
      if (c1 !== c2) return c1 < c2;
      idx1++;
      idx2++;
      continue;
    }
    let z1 = idx1;
    while (str1[idx1] === '0') idx1++;
    let z2 = idx2;
    while (str2[idx2] === '0') idx2++;
    const nz1 = idx1;
    const nz2 = idx2;
    while (isdigit(str1[idx1])) idx1++;
    while (isdigit(str2[idx2])) idx2++;
    const len1 = idx1 - nz1;
    const len2 = idx2 - nz2;
    if (len1 !== len2) return len1 < len2;
    const nr1 = str1.slice(nz1, idx1);
    const nr2 = str2.slice(nz2, idx2);
    if (nr1 !== nr2) return nr1 < nr2;
    z1 = nz1 - z1;
    z2 = nz2 - z2;
    if (z1 !== z2) return z1 < z2;
  }
  return str1.length - idx1 < str2.length - idx2;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go isLess (for JSON values)
export function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa && qb) return qa.milli < qb.milli;
    return naturalLess(a, b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!isLess(a[i], b[i])) return false;
    return true;
  }
  return false;
}

/** The error kubectl prints when no object has the field. */
export class SortError extends Error {}

function fieldFor(sortBy: string): string {
  try {
    return relaxedJSONPathExpression(sortBy);
  } catch {
    return sortBy;
  }
}

function valuesOf(field: string, obj: unknown, table: boolean): unknown[] {
  try {
    return findJSONPathResults(field, obj);
  } catch (e) {
    throw new SortError(table ? `sorting error: ${(e as Error).message}` : (e as Error).message);
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go RuntimeSort.Less
function lessByValues(x: readonly unknown[], y: readonly unknown[]): boolean {
  if (x.length === 0) return true;
  if (y.length === 0) return false;
  return isLess(x[0], y[0]);
}

function sortKeyed<T>(keyed: readonly { item: T; values: unknown[] }[]): T[] {
  return goSortSlice(keyed, (a, b) => lessByValues(a.values, b.values)).map((k) => k.item);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go SortingPrinter.PrintObj (Table) + NewTableSorter
/** Sorts a server-side table's rows, as kubectl does before printing them (only when there are several). */
export function sortTableRows<T>(rows: readonly T[], objectOf: (t: T) => unknown, sortBy: string): T[] {
  if (rows.length <= 1) return [...rows];
  const field = fieldFor(sortBy);
  const keyed = rows.map((item) => ({ item, values: valuesOf(field, objectOf(item), true) }));
  if (!keyed.some((k) => k.values.length > 0)) {
    throw new SortError(`couldn't find any field with path "${field}" in the list of objects`);
  }
  return sortKeyed(keyed);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go SortObjects
/** Sorts the objects of a list (`-o json|yaml|name|custom-columns|...` with --sort-by). */
export function sortObjects<T>(objects: readonly T[], sortBy: string): T[] {
  if (objects.length === 0) return [];
  let field: string;
  try {
    field = relaxedJSONPathExpression(sortBy);
  } catch (e) {
    throw new SortError((e as Error).message);
  }
  const keyed = objects.map((item) => ({ item, values: valuesOf(field, item, false) }));
  if (!keyed.some((k) => k.values.length > 0)) {
    throw new SortError(`couldn't find any field with path "${field}" in the list of objects`);
  }
  return sortKeyed(keyed);
}
