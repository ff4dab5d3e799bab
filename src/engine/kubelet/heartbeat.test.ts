import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../cluster.ts';
import { formatRFC3339 } from '../apimachinery/time.ts';
import type { Node } from '../api/types.ts';
import {
  calculateDelay,
  lastLeaseRenewal,
  lastNodeStatusReport,
  leaseRenewTime,
  nodeHeartbeatTime,
  withNodeHeartbeats,
  type KubeletRunState,
} from './heartbeat.ts';

const T0 = Date.UTC(2026, 0, 5);
const s = (n: number) => T0 + n * 1000;
const kubelet = (over: Partial<KubeletRunState> = {}): KubeletRunState => ({
  nodeName: 'node1',
  running: true,
  startedAt: T0,
  ...over,
});

describe('lastLeaseRenewal (nodelease controller every 10 s from the kubelet start)', () => {
  it('a running kubelet renews at its start and every 10 s after', () => {
    const k = kubelet({ startedAt: s(3) });
    expect(lastLeaseRenewal(k, s(3))).toBe(s(3));
    expect(lastLeaseRenewal(k, s(12.999))).toBe(s(3));
    expect(lastLeaseRenewal(k, s(13))).toBe(s(13));
    expect(lastLeaseRenewal(k, s(3 + 3600))).toBe(s(3603));
  });

  it('a stopped kubelet keeps its last renewal before the stop, however late it is asked', () => {
    const k = kubelet({ running: false, stoppedAt: s(57) });
    expect(lastLeaseRenewal(k, s(60))).toBe(s(50));
    expect(lastLeaseRenewal(k, s(100_000))).toBe(s(50));
    expect(lastLeaseRenewal(kubelet({ running: false, stoppedAt: s(60) }), s(90))).toBe(s(60));
  });
});

describe('lastNodeStatusReport (tryUpdateNodeStatus: on start, then 5 min + a one-time delay, then every 5 min)', () => {
  it('TestCalculateDelay: the delay stays within half the report frequency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1e9 }), (seed, start) => {
        const d = calculateDelay(seed, kubelet({ startedAt: T0 + start }));
        return d >= -150_000 && d < 150_000;
      }),
    );
  });

  it('posts at the start, then on the first 10 s tick after 5 min + delay, then every 5 min', () => {
    const k = kubelet();
    const delay = calculateDelay(1, k);
    const first = T0 + Math.ceil((300_000 + delay) / 10_000) * 10_000;
    expect(first - T0).toBeGreaterThanOrEqual(150_000);
    expect(first - T0).toBeLessThanOrEqual(450_000);
    expect(lastNodeStatusReport(1, k, T0)).toBe(T0);
    expect(lastNodeStatusReport(1, k, first - 1)).toBe(T0);
    expect(lastNodeStatusReport(1, k, first)).toBe(first);
    expect(lastNodeStatusReport(1, k, first + 299_999)).toBe(first);
    expect(lastNodeStatusReport(1, k, first + 300_000)).toBe(first + 300_000);
    expect(lastNodeStatusReport(1, k, first + 3_000_000)).toBe(first + 3_000_000);
  });

  it('stops posting when the kubelet stops', () => {
    const k = kubelet({ running: false, stoppedAt: s(2000) });
    const live = lastNodeStatusReport(1, kubelet(), s(2000));
    expect(lastNodeStatusReport(1, k, s(90_000))).toBe(live);
  });

  it('each (re)start draws its own delay', () => {
    const delays = new Set([0, 1, 2, 3, 4].map((i) => calculateDelay(1, kubelet({ startedAt: s(i * 777) }))));
    expect(delays.size).toBeGreaterThan(1);
  });
});

describe('on a cluster', () => {
  it('node1 renews its Lease at the cluster start and posts status on its own grid', () => {
    const c = createCluster();
    const started = c.kubelets.get('node1')!.startedAt;
    expect(started).toBe(c.startMs - 600_000);
    expect(leaseRenewTime(c, 'node1')).toBe(c.startMs);
    c.advanceBy(9_000);
    expect(leaseRenewTime(c, 'node1')).toBe(c.startMs);
    c.advanceBy(1_000);
    expect(leaseRenewTime(c, 'node1')).toBe(c.startMs + 10_000);
    expect(nodeHeartbeatTime(c, 'node1')).toBe(lastNodeStatusReport(1, c.kubelets.get('node1')!, c.now()));
    expect(leaseRenewTime(c, 'node9')).toBeUndefined();
    expect(nodeHeartbeatTime(c, 'node9')).toBeUndefined();
  });

  it('without a recorded stop time, the Ready=Unknown transition gives the last renewal back', () => {
    const c = createCluster();
    c.advanceBy(37_000);
    c.stopNode('node2');
    const k = c.kubelets.get('node2')!;
    const expected = lastLeaseRenewal({ ...k, running: false, stoppedAt: c.now() }, c.now());
    expect(expected).toBe(c.startMs + 30_000);
    c.advanceBy(120_000);
    const ready = c.api
      .get<Node>('Node', undefined, 'node2')!
      .status!.conditions!.find((x) => x.type === 'Ready')!;
    expect(ready.status).toBe('Unknown');
    expect(leaseRenewTime(c, 'node2')).toBe(expected);
    c.advanceBy(3_600_000);
    expect(leaseRenewTime(c, 'node2')).toBe(expected);
  });

  it('withNodeHeartbeats moves only the kubelet-owned conditions and leaves other nodes as they are', () => {
    const c = createCluster();
    c.advanceBy(3_600_000);
    const node = c.api.get<Node>('Node', undefined, 'node1')!;
    const withOther: Node = {
      ...node,
      status: {
        ...node.status,
        conditions: [
          ...node.status!.conditions!,
          {
            type: 'NetworkUnavailable',
            status: 'False',
            reason: 'FlannelIsUp',
            message: 'Flannel is running on this node',
            lastHeartbeatTime: formatRFC3339(c.startMs - 600_000),
            lastTransitionTime: formatRFC3339(c.startMs - 600_000),
          },
        ],
      },
    };
    const beat = formatRFC3339(nodeHeartbeatTime(c, 'node1')!);
    const live = withNodeHeartbeats(c, withOther);
    expect(live.status!.conditions!.map((x) => [x.type, x.lastHeartbeatTime])).toEqual([
      ['MemoryPressure', beat],
      ['DiskPressure', beat],
      ['PIDPressure', beat],
      ['Ready', beat],
      ['NetworkUnavailable', formatRFC3339(c.startMs - 600_000)],
    ]);
    expect(c.api.get<Node>('Node', undefined, 'node1')!.status!.conditions![0]!.lastHeartbeatTime).toBe(
      formatRFC3339(c.startMs - 600_000),
    );
    const stranger: Node = { ...node, metadata: { ...node.metadata, name: 'node9' } };
    expect(withNodeHeartbeats(c, stranger)).toBe(stranger);
  });
});
