// The building blocks of `kubectl describe`: an indenting writer over Go's text/tabwriter (minwidth 0,
// tabwidth 8, padding 2), multi-line label/annotation/taint/toleration lists, and the Events section.
import {
  humanDuration,
  parseTime,
  type Cluster,
  type Event,
  type KubeObject,
  type Taint,
  type Toleration,
} from '../../engine/index.ts';
import { newDescribeTabWriter, type TabWriter } from '../printers/tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go prefixWriter
export class PrefixWriter {
  constructor(private readonly out: TabWriter) {}

  /** Writes `text` indented by two spaces per level (only the text's start is indented). */
  write(level: number, text: string): void {
    this.out.write('  '.repeat(level) + text);
  }

  writeLine(text: string): void {
    this.out.write(`${text}\n`);
  }

  flush(): void {
    this.out.flush();
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go tabbedString
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const tw = newDescribeTabWriter();
  f(new PrefixWriter(tw));
  tw.flush();
  return tw.take();
}

/** Everything a describer reads besides the object: the cluster (for related objects) and the time. */
export interface DescribeContext {
  cluster: Cluster;
  now: number;
  showEvents: boolean;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go translateTimestampSince
export function translateTimestampSince(ts: string | undefined | null, now: number): string {
  if (!ts) return '<unknown>';
  return humanDuration(now - parseTime(ts));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printLabelsMultilineWithIndent
export function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Readonly<Record<string, string>> | undefined,
  skip: ReadonlySet<string> = new Set(),
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {})
    .filter((k) => !skip.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels);
}

const maxAnnotationLen = 140;
const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}...` : s);

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printAnnotationsMultiline
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !skipAnnotations.has(k))
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > maxAnnotationLen || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, maxAnnotationLen - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

// Models kubernetes/staging/src/k8s.io/api/core/v1/taint.go Taint.ToString
export function taintToString(t: Taint): string {
  if (t.value) return `${t.key}=${t.value}:${t.effect}`;
  return `${t.key}:${t.effect}`;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printTaintsMultilineWithIndent
export function printNodeTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintToString(t)}\n`);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printTolerationsMultilineWithIndent
export function printTolerationsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export function printPodTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  printTolerationsMultilineWithIndent(w, '', title, '\t', tolerations);
}

export interface EventRef {
  namespace?: string;
  name: string;
  /** Omitted for pods: their events are matched without the kind. */
  kind?: string;
  uid?: string;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go searchEvents
/** Events whose involvedObject matches the reference, in the apiserver's list order. */
export function searchEvents(cluster: Cluster, ref: EventRef): Event[] {
  const ns = ref.namespace || undefined;
  return cluster.api.list<Event>('Event', ns).filter((e) => {
    const o = e.involvedObject;
    if ((o.name ?? '') !== ref.name) return false;
    if ((o.namespace ?? '') !== (ref.namespace ?? '')) return false;
    if (ref.kind && o.kind !== ref.kind) return false;
    if (ref.uid && o.uid !== ref.uid) return false;
    return true;
  });
}

/** The reference kubectl builds for an object (reference.GetReference). */
export function refOf(obj: KubeObject, withKind = true): EventRef {
  return {
    namespace: obj.metadata?.namespace,
    name: obj.metadata?.name ?? '',
    ...(withKind ? { kind: obj.kind } : {}),
    uid: obj.metadata?.uid,
  };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list.go eventTime
function eventTime(e: Event): number {
  if (e.series?.lastObservedTime) return parseTime(e.series.lastObservedTime);
  if (e.lastTimestamp) return parseTime(e.lastTimestamp);
  return parseTime(e.eventTime);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents
/** The Events section. Events with equal times keep the apiserver's order (upstream's sort is not stable). */
export function describeEvents(events: readonly Event[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = events
    .map((e, i) => ({ e, i, t: eventTime(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime
      ? translateTimestampSince(e.eventTime, now)
      : translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (e.series)
      interval = `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1)
      interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    // kubectl ≥ 1.35 names the container an event is about (kubernetes/kubernetes#133627).
    if (e.involvedObject.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printController
export function printController(obj: KubeObject): string {
  const ref = obj.metadata?.ownerReferences?.find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export const stringOrNone = (s: string | undefined) => (s ? s : '<none>');

/** Go's %v of a bool in describe output (printBool). */
export const printBool = (b: boolean | undefined) => (b ? 'True' : 'False');
