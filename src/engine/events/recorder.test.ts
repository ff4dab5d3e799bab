import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock/clock.ts';
import { Rand } from '../rand/rand.ts';
import { ApiServer } from '../apiserver/apiserver.ts';
import type { Event, Pod } from '../api/types.ts';
import { EventRecorder } from './recorder.ts';

function setup() {
  const clock = new VirtualClock(1767571200000);
  const api = new ApiServer(clock, new Rand(1));
  const recorder = new EventRecorder(api, clock);
  const [pod] = api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default' },
    spec: { containers: [{ name: 'a', image: 'nginx' }] },
  });
  const events = () =>
    api
      .list<Event>('Event')
      .map((e) => `${e.reason} x${e.count} ${e.involvedObject.fieldPath ?? '-'} ${e.message}`);
  return { clock, api, recorder, pod: pod!, events };
}

const kubelet = { component: 'kubelet', host: 'node1' };

describe('EventRecorder (client-go EventCorrelator)', () => {
  it('counts an identical event instead of writing a new one', () => {
    const { clock, recorder, pod, events, api } = setup();
    recorder.event(
      pod,
      'Normal',
      'Pulled',
      'Container image "nginx" already present',
      kubelet,
      'spec.containers{a}',
    );
    clock.setNow(clock.now() + 5000);
    recorder.event(
      pod,
      'Normal',
      'Pulled',
      'Container image "nginx" already present',
      kubelet,
      'spec.containers{a}',
    );
    expect(events()).toEqual(['Pulled x2 spec.containers{a} Container image "nginx" already present']);
    const [e] = api.list<Event>('Event');
    expect([e!.firstTimestamp, e!.lastTimestamp]).toEqual(['2026-01-05T00:00:00Z', '2026-01-05T00:00:05Z']);
  });

  it('keeps the same message about two containers apart (getEventKey includes the fieldPath)', () => {
    const { recorder, pod, events } = setup();
    recorder.event(pod, 'Normal', 'Created', 'Container created', kubelet, 'spec.containers{a}');
    recorder.event(pod, 'Normal', 'Created', 'Container created', kubelet, 'spec.containers{b}');
    expect(events()).toEqual([
      'Created x1 spec.containers{a} Container created',
      'Created x1 spec.containers{b} Container created',
    ]);
  });

  it('combines the 10th distinct message of one reason within 10 minutes', () => {
    const { recorder, pod, events } = setup();
    for (let i = 1; i <= 11; i++) recorder.event(pod, 'Warning', 'Failed', `failure ${i}`, kubelet);
    const all = events();
    expect(all).toHaveLength(10);
    expect(all[8]).toBe('Failed x1 - failure 9');
    expect(all[9]).toBe('Failed x2 - (combined from similar events): failure 11');
  });

  it('lets 25 events of one source about one object through, then one per 5 minutes', () => {
    const { clock, recorder, pod, api } = setup();
    for (let i = 0; i < 30; i++) recorder.event(pod, 'Normal', `R${i}`, 'm', kubelet);
    expect(api.count('Event')).toBe(25);
    clock.setNow(clock.now() + 299_000);
    recorder.event(pod, 'Normal', 'Late', 'm', kubelet);
    expect(api.count('Event')).toBe(25);
    clock.setNow(clock.now() + 1_000);
    recorder.event(pod, 'Normal', 'Later', 'm', kubelet);
    expect(api.count('Event')).toBe(26);
    // Another source about the same object has its own bucket.
    recorder.event(pod, 'Normal', 'Scheduled', 'm', { component: 'default-scheduler' });
    expect(api.count('Event')).toBe(27);
  });

  it('forgets the least recently used of its 4096 cached events', () => {
    const { recorder, pod, api } = setup();
    const other = { component: 'c' };
    const obj = (i: number) => ({ ...pod, metadata: { ...pod.metadata, name: `p${i}`, uid: `u${i}` } });
    const counts = (i: number) =>
      api
        .list<Event>('Event')
        .filter((e) => e.involvedObject.name === `p${i}`)
        .map((e) => e.count);
    for (let i = 0; i < 4096; i++) recorder.event(obj(i), 'Normal', 'R', 'm', other);
    recorder.event(obj(0), 'Normal', 'R', 'm', other); // p0 is now the most recently used
    recorder.event(obj(4096), 'Normal', 'R', 'm', other); // the cache is full: p1 goes, not p0
    recorder.event(obj(0), 'Normal', 'R', 'm', other);
    recorder.event(obj(1), 'Normal', 'R', 'm', other);
    expect(counts(0)).toEqual([3]);
    expect(counts(1)).toEqual([1, 1]);
  });
});
