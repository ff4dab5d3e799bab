import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import type { Event, Pod } from '../api/types.ts';
import { isPodReady } from '../api/pod-util.ts';

const pod = (spec: Pod['spec']): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const get = (c: ReturnType<typeof createCluster>) => c.api.get<Pod>('Pod', 'default', 'p')!;
const events = (c: ReturnType<typeof createCluster>) =>
  c.api
    .list<Event>('Event', 'default')
    .filter((e) => e.involvedObject.name === 'p')
    .map((e) => `${e.reason}: ${e.message}`);

describe('kubelet', () => {
  it('pulls, creates and starts a container with upstream event texts', () => {
    const c = createCluster({ workers: 1 });
    c.api.create(pod({ containers: [{ name: 'nginx', image: 'nginx:1.18' }] }));
    c.advanceBy(30_000);
    expect(events(c)).toEqual([
      'Scheduled: Successfully assigned default/p to node1',
      'Pulling: Pulling image "nginx:1.18"',
      'Pulled: Successfully pulled image "nginx:1.18" in 4.2s (4.2s including waiting). Image size: 67300000 bytes.',
      'Created: Container created',
      'Started: Container started',
    ]);
    expect(isPodReady(get(c))).toBe(true);
  });

  it('a readiness probe gates Ready; failures are Unhealthy events', () => {
    const c = createCluster({ workers: 1 });
    c.api.create(
      pod({
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.18',
            readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 },
          },
        ],
      }),
    );
    c.advanceBy(60_000);
    const p = get(c);
    expect(p.status?.phase).toBe('Running');
    expect(isPodReady(p)).toBe(false);
    expect(events(c)).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('a container that exits is restarted with back-off: immediately, then 10 s, 20 s, 40 s (CrashLoopBackOff)', () => {
    const c = createCluster({ workers: 1 });
    c.api.create(
      pod({ containers: [{ name: 'bb', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 1'] }] }),
    );
    const starts: number[] = [];
    let last = -1;
    c.advanceBy(200_000, () => {
      const cs = get(c).status?.containerStatuses?.[0];
      if (cs?.state?.running && cs.restartCount !== last) {
        last = cs.restartCount;
        starts.push(Math.round(c.elapsed() / 1000));
      }
      return false;
    });
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    // Each run lasts 2 s (+1 s to start); waits before restarts: 0, 10, 20, 40, 80.
    expect(gaps.slice(0, 4)).toEqual([3, 13, 23, 43]);
    expect(get(c).status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(1);
    expect(
      events(c).some((e) =>
        e.startsWith('BackOff: Back-off restarting failed container bb in pod p_default('),
      ),
    ).toBe(true);
  });

  it('a failing liveness probe kills and restarts the container', () => {
    const c = createCluster({ workers: 1 });
    c.api.create(
      pod({
        containers: [
          {
            name: 'liveness',
            image: 'registry.k8s.io/busybox:1.27.2',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: {
              exec: { command: ['cat', '/tmp/healthy'] },
              initialDelaySeconds: 5,
              periodSeconds: 5,
            },
          },
        ],
      }),
    );
    c.advanceBy(90_000);
    expect(events(c)).toContain(
      "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    );
    expect(events(c)).toContain('Killing: Container liveness failed liveness probe, will be restarted');
    c.advanceBy(30_000);
    expect(get(c).status?.containerStatuses?.[0]?.restartCount).toBe(1);
  });

  it('keeps a DisruptionTarget condition it does not own, ahead of its own (status_manager.go mergePodStatus)', () => {
    const c = createCluster({ workers: 1 });
    c.api.create(pod({ containers: [{ name: 'nginx', image: 'nginx:1.18' }] }));
    c.advanceBy(30_000);
    const written: Pod[] = [];
    c.api.watch<Pod>('Pod', (e) => {
      if (e.type === 'MODIFIED') written.push(e.object);
    });
    const [, err] = c.evict('default', 'p');
    expect(err).toBeNull();
    const types = (p: Pod) => (p.status?.conditions ?? []).map((x) => `${x.type}=${x.status}`);
    // Evicted: the condition is appended to the pod's conditions...
    expect(types(written[0]!).at(-1)).toBe('DisruptionTarget=True');
    // ...and once the kubelet has stopped the container and reported it, the condition is still there, first.
    c.advanceBy(60_000);
    const last = written.at(-1)!;
    expect(last.status?.containerStatuses?.[0]?.state?.terminated).toBeDefined();
    expect(types(last)).toEqual([
      'DisruptionTarget=True',
      'PodReadyToStartContainers=False',
      'Initialized=True',
      'Ready=False',
      'ContainersReady=False',
      'PodScheduled=True',
    ]);
    expect(last.status?.conditions?.[0]).toMatchObject({
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    });
  });
});
