import { describe, expect, it } from 'vitest';
import type { Node } from '../../engine/index.ts';
import { Harness } from '../cmd/testing/harness.ts';

/** The Lease and Conditions blocks of `kubectl describe node NAME`. */
function leaseAndConditions(h: Harness, name: string): string[] {
  const lines = h.run(`describe node ${name}`).stdout.split('\n');
  const from = lines.findIndex((l) => l.startsWith('Lease:'));
  const to = lines.findIndex((l) => l.startsWith('Addresses:'));
  return lines.slice(from, to);
}

const conditions = (heartbeat: string, transition: string) => [
  'Conditions:',
  '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
  '  ----             ------  -----------------                 ------------------                ------                       -------',
  `  MemoryPressure   False   ${heartbeat}   ${transition}   KubeletHasSufficientMemory   kubelet has sufficient memory available`,
  `  DiskPressure     False   ${heartbeat}   ${transition}   KubeletHasNoDiskPressure     kubelet has no disk pressure`,
  `  PIDPressure      False   ${heartbeat}   ${transition}   KubeletHasSufficientPID      kubelet has sufficient PID available`,
  `  Ready            True    ${heartbeat}   ${transition}   KubeletReady                 kubelet is posting ready status`,
];

const unknown = (heartbeat: string, transition: string) => [
  'Conditions:',
  '  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message',
  '  ----             ------    -----------------                 ------------------                ------              -------',
  ...['MemoryPressure', 'DiskPressure  ', 'PIDPressure   ', 'Ready         '].map(
    (t) =>
      `  ${t}   Unknown   ${heartbeat}   ${transition}   NodeStatusUnknown   Kubelet stopped posting node status.`,
  ),
];

const lease = (holder: string, renew: string) => [
  'Lease:',
  `  HolderIdentity:  ${holder}`,
  '  AcquireTime:     <unset>',
  `  RenewTime:       ${renew}`,
];

/** What Kubelet.stop() should record (see the report): until it does, tests set it as stopNode would. */
function stopNode(h: Harness, name: string): void {
  h.cluster.stopNode(name);
  (h.cluster.kubelets.get(name) as unknown as { stoppedAt?: number }).stoppedAt = h.cluster.now();
}

// node1 joined at 23:50:00 (the cluster was set up 10 min before the start). Its first status post after
// joining came 170 s later (5 min plus this kubelet's one-time delay of -130 s), then every 5 min.
describe('kubectl describe node: Lease and condition heartbeats advance with virtual time', () => {
  it('a running node: RenewTime on the 10 s grid, LastHeartbeatTime every 5 min, transitions fixed', () => {
    const h = new Harness();
    expect(leaseAndConditions(h, 'node1')).toEqual([
      ...lease('node1', 'Mon, 05 Jan 2026 00:00:00 +0000'),
      ...conditions('Sun, 04 Jan 2026 23:57:50 +0000', 'Sun, 04 Jan 2026 23:50:00 +0000'),
    ]);
    h.cluster.advanceBy(7_000);
    expect(leaseAndConditions(h, 'node1')).toEqual([
      ...lease('node1', 'Mon, 05 Jan 2026 00:00:00 +0000'),
      ...conditions('Sun, 04 Jan 2026 23:57:50 +0000', 'Sun, 04 Jan 2026 23:50:00 +0000'),
    ]);
    h.cluster.advanceBy(300_000);
    expect(leaseAndConditions(h, 'node1')).toEqual([
      ...lease('node1', 'Mon, 05 Jan 2026 00:05:00 +0000'),
      ...conditions('Mon, 05 Jan 2026 00:02:50 +0000', 'Sun, 04 Jan 2026 23:50:00 +0000'),
    ]);
    h.cluster.advanceBy(3_600_000);
    expect(leaseAndConditions(h, 'node1')).toEqual([
      ...lease('node1', 'Mon, 05 Jan 2026 01:05:00 +0000'),
      ...conditions('Mon, 05 Jan 2026 01:02:50 +0000', 'Sun, 04 Jan 2026 23:50:00 +0000'),
    ]);
  });

  it('a stopped node: the Lease and heartbeats stay at the last ones before the stop; a restart moves them', () => {
    const h = new Harness();
    h.cluster.advanceBy(307_000);
    stopNode(h, 'node1');
    h.cluster.advanceBy(30_000);
    // 00:05:37: still Ready (the grace period runs from the 00:05:00 renewal), but nothing renews any more.
    expect(leaseAndConditions(h, 'node1')).toEqual([
      ...lease('node1', 'Mon, 05 Jan 2026 00:05:00 +0000'),
      ...conditions('Mon, 05 Jan 2026 00:02:50 +0000', 'Sun, 04 Jan 2026 23:50:00 +0000'),
    ]);
    h.cluster.advanceBy(60_000);
    // The node controller keeps the kubelet's last heartbeat when it marks the conditions Unknown.
    const stopped = [
      ...lease('node1', 'Mon, 05 Jan 2026 00:05:00 +0000'),
      ...unknown('Mon, 05 Jan 2026 00:02:50 +0000', 'Mon, 05 Jan 2026 00:05:55 +0000'),
    ];
    expect(leaseAndConditions(h, 'node1')).toEqual(stopped);
    h.cluster.advanceBy(600_000);
    expect(leaseAndConditions(h, 'node1')).toEqual(stopped);
    h.cluster.startNode('node1');
    h.cluster.advanceBy(15_000);
    expect(leaseAndConditions(h, 'node1')).toEqual([
      ...lease('node1', 'Mon, 05 Jan 2026 00:16:47 +0000'),
      ...conditions('Mon, 05 Jan 2026 00:16:37 +0000', 'Mon, 05 Jan 2026 00:16:37 +0000'),
    ]);
  });

  it('without a recorded stop, the lease is recovered once the node controller marks the node Unknown', () => {
    const h = new Harness();
    h.cluster.advanceBy(307_000);
    h.cluster.stopNode('node1');
    h.cluster.advanceBy(90_000);
    expect(leaseAndConditions(h, 'node1')).toEqual([
      ...lease('node1', 'Mon, 05 Jan 2026 00:05:00 +0000'),
      ...unknown('Mon, 05 Jan 2026 00:02:50 +0000', 'Mon, 05 Jan 2026 00:05:55 +0000'),
    ]);
  });

  it('a node no kubelet runs has no Lease', () => {
    const h = new Harness();
    h.cluster.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node9' } });
    expect(leaseAndConditions(h, 'node9')).toEqual([
      'Lease:              Failed to get lease: leases.coordination.k8s.io "node9" not found',
    ]);
  });
});

describe('kubectl get node -o yaml|jsonpath: lastHeartbeatTime as the kubelet last posted it', () => {
  it('prints the same heartbeats as describe, and the stored object is untouched', () => {
    const h = new Harness();
    h.cluster.advanceBy(307_000);
    expect(
      h.run(
        `get node node1 -o "jsonpath={range .status.conditions[*]}{.type}={.lastHeartbeatTime},{.lastTransitionTime}{'\\n'}{end}"`,
      ).stdout,
    ).toBe(
      [
        'MemoryPressure=2026-01-05T00:02:50Z,2026-01-04T23:50:00Z',
        'DiskPressure=2026-01-05T00:02:50Z,2026-01-04T23:50:00Z',
        'PIDPressure=2026-01-05T00:02:50Z,2026-01-04T23:50:00Z',
        'Ready=2026-01-05T00:02:50Z,2026-01-04T23:50:00Z',
        '',
      ].join('\n'),
    );
    const yaml = h.run('get node node1 -o yaml').stdout;
    expect(yaml).toContain(
      '  - lastHeartbeatTime: "2026-01-05T00:02:50Z"\n    lastTransitionTime: "2026-01-04T23:50:00Z"\n    message: kubelet is posting ready status\n',
    );
    expect(
      h.run('get nodes -o yaml').stdout.match(/lastHeartbeatTime: "2026-01-05T00:02:50Z"/g),
    ).toHaveLength(4);
    const stored = h.cluster.api.get<Node>('Node', undefined, 'node1')!;
    expect(stored.status!.conditions![3]!.lastHeartbeatTime).toBe('2026-01-04T23:50:00Z');
  });
});
