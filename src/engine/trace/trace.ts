// "Why" records: the rule and the numbers behind a controller decision, kept as data next to the events.
// The UI renders them in the learner's language; the engine only stores keys and values.

export interface TraceRecord {
  /** Virtual time (Unix ms) of the decision. */
  time: number;
  /** Who decided, e.g. `deployment-controller`. */
  controller: string;
  /** The upstream function it is ported from, e.g. `pkg/controller/deployment/rolling.go reconcileNewReplicaSet`. */
  upstream: string;
  /** A stable key naming the rule, e.g. `rolling.scaleUpNew`; the UI translates it. */
  rule: string;
  /** The object acted on. */
  object: { kind: string; namespace?: string; name: string };
  /** The numbers and names that decided it, e.g. { replicas: 4, maxSurge: 1, maxTotalPods: 5, currentPodCount: 4 }. */
  values: Record<string, number | string | boolean>;
  /** The message of the event this decision produced, if any (links trace and event). */
  event?: string;
}

export class TraceLog {
  readonly records: TraceRecord[] = [];
  private listeners: ((r: TraceRecord) => void)[] = [];

  record(r: TraceRecord): void {
    this.records.push(r);
    for (const l of this.listeners) l(r);
  }

  subscribe(l: (r: TraceRecord) => void): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }
}
