// The server-side Table a `kubectl get` receives (metav1.Table), built locally from stored objects.
import type { KubeObject } from '../../../engine/index.ts';
import { humanDuration, parseTime } from '../../../engine/index.ts';

export interface ColumnDefinition {
  name: string;
  type: string;
  /** `name` marks the column that carries the object name (kubectl prefixes it with the kind). */
  format?: string;
  /** 0 for default columns, 1 for the extra columns of `-o wide`. */
  priority: number;
}

export type Cell = string | number | null;

export interface TableRow {
  cells: Cell[];
  object: KubeObject;
}

export interface Table {
  columnDefinitions: ColumnDefinition[];
  rows: TableRow[];
}

export interface GenerateOptions {
  wide: boolean;
  /** Virtual now (Unix ms): AGE and "ago" columns are relative to it. */
  now: number;
}

export const col = (name: string, type = 'string', priority = 0, format?: string): ColumnDefinition => ({
  name,
  type,
  priority,
  ...(format ? { format } : {}),
});

// Models kubernetes/pkg/printers/internalversion/printers.go translateTimestampSince
export function translateTimestampSince(ts: string | undefined | null, now: number): string {
  if (!ts) return '<unknown>';
  return humanDuration(now - parseTime(ts));
}
