// Events as client-go's recorder writes them, through the EventCorrelator: identical events are counted
// (x2 over 48m), and the 10th distinct message of one kind within 10 minutes is combined
// ("(combined from similar events): ..."). Spam filtering (25 burst, 1 per 5 min) is applied per object.
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { VirtualClock } from '../clock/clock.ts';
import type { Event, KubeObject, ObjectReference } from '../api/types.ts';
import { formatRFC3339 } from '../apimachinery/time.ts';
import { LruCache } from '../util/lru.ts';
import { deepCopy } from '../util/copy.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

// Models kubernetes/staging/src/k8s.io/client-go/tools/record/events_cache.go constants
const maxLruCacheEntries = 4096;
const defaultAggregateMaxEvents = 10;
const defaultAggregateIntervalInSeconds = 600;
const defaultSpamBurst = 25;
const defaultSpamQPS = 1 / 300;

interface AggregateRecord {
  /** The distinct messages seen, oldest first (at most defaultAggregateMaxEvents: an array is enough). */
  localKeys: string[];
  lastTimestamp: number;
}

interface ObservedEvent {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
}

interface Bucket {
  tokens: number;
  last: number;
}

export class EventRecorder {
  private readonly aggregate = new LruCache<AggregateRecord>(maxLruCacheEntries);
  private readonly observed = new LruCache<ObservedEvent>(maxLruCacheEntries);
  private readonly spam = new LruCache<Bucket>(maxLruCacheEntries);
  private seq = 0;
  private nameNow = -1;
  private nameBase = 0n;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
  ) {}

  event(
    obj: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const m = obj.metadata ?? {};
    const ref: ObjectReference = {
      kind: obj.kind,
      namespace: m.namespace,
      name: m.name,
      uid: m.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: m.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    };
    const now = this.clock.now();
    // Upstream joins source, kind, namespace, name, uid and apiVersion. A uid names one object (and so its
    // kind, namespace, name and apiVersion): it stands for them, which keeps the cache keys short.
    const objectKey =
      ref.uid ||
      `\u0000${ref.kind ?? ''}\u0000${ref.namespace ?? ''}\u0000${ref.name ?? ''}\u0000${ref.apiVersion ?? ''}`;
    const sourceKey = `${source.component}\u0000${source.host ?? ''}\u0000${objectKey}`;
    if (!this.allow(sourceKey, now)) return;

    // Models kubernetes/staging/src/k8s.io/client-go/tools/record/events_cache.go EventAggregator.EventAggregate
    const aggregateKey = `${sourceKey}\u0000${type}\u0000${reason}`;
    let rec = this.aggregate.get(aggregateKey);
    if (!rec || now - rec.lastTimestamp > defaultAggregateIntervalInSeconds * 1000) {
      rec = { localKeys: [], lastTimestamp: now };
      this.aggregate.add(aggregateKey, rec);
    }
    if (!rec.localKeys.includes(message)) rec.localKeys.push(message);
    rec.lastTimestamp = now;
    // Models kubernetes/staging/src/k8s.io/client-go/tools/record/events_cache.go getEventKey (it includes
    // the involved object's fieldPath: the same message about two containers makes two events)
    let eventKey = `${aggregateKey}\u0000${fieldPath ?? ''}\u0000${message}`;
    let finalMessage = message;
    if (rec.localKeys.length >= defaultAggregateMaxEvents) {
      rec.localKeys.shift();
      eventKey = aggregateKey;
      finalMessage = `(combined from similar events): ${message}`;
    }

    // Models kubernetes/staging/src/k8s.io/client-go/tools/record/events_cache.go eventLogger.eventObserve
    const ts = formatRFC3339(now);
    const seen = this.observed.get(eventKey);
    const namespace = ref.namespace ?? 'default';
    if (seen) {
      const existing = this.api.get<Event>('Event', seen.namespace, seen.name);
      if (existing) {
        const ev = deepCopy(existing);
        ev.count = seen.count + 1;
        ev.lastTimestamp = ts;
        ev.message = finalMessage;
        ev.involvedObject = ref;
        this.api.update(ev);
        seen.count++;
        return;
      }
    }
    // Upstream names an event `<object>.<UnixNano in hex>`; the sequence number keeps same-instant names apart.
    if (now !== this.nameNow) {
      this.nameNow = now;
      this.nameBase = BigInt(now) * 1000000n;
    }
    const name = `${ref.name ?? ''}.${(this.nameBase + BigInt(this.seq++)).toString(16)}`;
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message: finalMessage,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.api.createOwned(ev);
    this.observed.add(eventKey, { name, namespace, count: 1, firstTimestamp: ts });
  }

  // Models kubernetes/staging/src/k8s.io/client-go/tools/record/events_cache.go EventSourceObjectSpamFilter.Filter
  private allow(k: string, now: number): boolean {
    let b = this.spam.get(k);
    if (!b) this.spam.add(k, (b = { tokens: defaultSpamBurst, last: now }));
    b.tokens = Math.min(defaultSpamBurst, b.tokens + ((now - b.last) / 1000) * defaultSpamQPS);
    b.last = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
