// Models kubernetes/pkg/controller/nodelifecycle/node_lifecycle_controller.go for powered-off workers:
// a node whose kubelet stops renewing its Lease turns Ready=Unknown after the grace period, gets the
// `node.kubernetes.io/unreachable` NoSchedule and NoExecute taints, and its pods lose readiness. When the
// kubelet posts Ready again, the taints go.
// Simplification: instead of a monitor loop every 5 s forever, the controller schedules the one monitor pass
// that will find a silent node (keeping the 5 s grid and the 10 s lease renewal grid), so an idle cluster has
// no pending timers.
import type { Controller, ControllerContext } from '../controller.ts';
import type { Node, NodeCondition, Pod, Taint } from '../../api/types.ts';
import { formatRFC3339, parseTime } from '../../apimachinery/time.ts';
import { deepCopy } from '../../util/copy.ts';

// Models kubernetes/cmd/kube-controller-manager/app/options defaults (v1.32+: grace 50 s)
export const nodeMonitorPeriodMs = 5_000;
export const nodeMonitorGracePeriodMs = 50_000;
/** The kubelet renews its Lease every 10 s (0.25 × the 40 s lease duration). */
export const leaseRenewIntervalMs = 10_000;

export const UnreachableTaintTemplate: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
export const NotReadyTaintTemplate: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };

const source = { component: 'node-controller' };

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';
  /** Node name → virtual time of the kubelet's last Lease renewal, for nodes whose kubelet is down. */
  private readonly silentSince = new Map<string, number>();
  private readonly timers = new Map<string, number>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clusterStart: number,
  ) {
    ctx.api.watch<Node>('Node', (e) => {
      if (e.type !== 'DELETED') ctx.queue.add(this, `taints/${e.object.metadata.name}`);
    });
  }

  /** Called when a node's kubelet stops (power off). `nodeStart` is when that kubelet started. */
  kubeletStopped(nodeName: string, nodeStart: number): void {
    const now = this.ctx.clock.now();
    const lastRenew = nodeStart + Math.floor((now - nodeStart) / leaseRenewIntervalMs) * leaseRenewIntervalMs;
    // The monitor pass that first observed that renewal (probeTimestamp), on the 5 s grid.
    const grid = (t: number) =>
      this.clusterStart + Math.ceil((t - this.clusterStart) / nodeMonitorPeriodMs) * nodeMonitorPeriodMs;
    const probe = grid(lastRenew);
    // The first pass with now.After(probe + grace).
    const due = grid(probe + nodeMonitorGracePeriodMs + 1);
    this.silentSince.set(nodeName, lastRenew);
    const id = this.ctx.clock.setTimeout(
      () => {
        this.timers.delete(nodeName);
        this.ctx.queue.add(this, `health/${nodeName}`);
      },
      Math.max(0, due - now),
    );
    this.timers.set(nodeName, id);
  }

  kubeletStarted(nodeName: string): void {
    this.silentSince.delete(nodeName);
    const id = this.timers.get(nodeName);
    if (id !== undefined) this.ctx.clock.clearTimeout(id);
    this.timers.delete(nodeName);
    this.ctx.queue.add(this, `health/${nodeName}`);
  }

  sync(key: string): void {
    const [what, name] = key.split('/') as [string, string];
    const node = this.ctx.api.get<Node>('Node', undefined, name);
    if (!node) return;
    if (what === 'taints') this.doNoScheduleTaintingPass(node);
    else this.monitorNodeHealth(node);
  }

  // Models kubernetes/pkg/controller/nodelifecycle/node_lifecycle_controller.go monitorNodeHealth (one node)
  private monitorNodeHealth(node: Node & { metadata: { name: string } }): void {
    const name = node.metadata.name;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (this.silentSince.has(name)) {
      if (ready?.status === 'Unknown') return;
      // Models tryUpdateNodeHealth: every kubelet-owned condition becomes Unknown.
      const next = deepCopy(node);
      const ts = formatRFC3339(this.ctx.clock.now());
      next.status!.conditions = (next.status?.conditions ?? []).map((c): NodeCondition =>
        ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type) && c.status !== 'Unknown'
          ? {
              ...c,
              status: 'Unknown',
              reason: 'NodeStatusUnknown',
              message: 'Kubelet stopped posting node status.',
              lastTransitionTime: ts,
            }
          : c,
      );
      const [updated] = this.ctx.api.update(next, { status: true });
      if (!updated) return;
      // Models kubernetes/pkg/controller/util/node/controller_utils.go RecordNodeStatusChange
      this.ctx.recorder.event(
        updated,
        'Normal',
        'NodeNotReady',
        `Node ${name} status is now: NodeNotReady`,
        source,
      );
      this.markPodsNotReady(name);
      // Models processTaintBaseEviction + doNoExecuteTaintingPass (the first node of a zone is tainted at once).
      this.swapNodeControllerTaint(
        name,
        { ...UnreachableTaintTemplate, timeAdded: ts },
        NotReadyTaintTemplate,
      );
      this.ctx.trace.record({
        time: this.ctx.clock.now(),
        controller: this.name,
        upstream: 'pkg/controller/nodelifecycle/node_lifecycle_controller.go monitorNodeHealth',
        rule: 'nodelifecycle.nodeUnreachable',
        object: { kind: 'Node', name },
        values: {
          lastLeaseRenewal: (this.silentSince.get(name)! - this.clusterStart) / 1000,
          gracePeriodSeconds: nodeMonitorGracePeriodMs / 1000,
        },
      });
    } else if (ready?.status === 'True') {
      // Models markNodeAsReachable
      this.swapNodeControllerTaint(name, undefined, UnreachableTaintTemplate, NotReadyTaintTemplate);
    }
  }

  // Models kubernetes/pkg/controller/util/node/controller_utils.go MarkPodsNotReady
  private markPodsNotReady(nodeName: string): void {
    for (const pod of this.ctx.api.list<Pod>('Pod')) {
      if (pod.spec?.nodeName !== nodeName) continue;
      const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!cond || cond.status === 'False') continue;
      const next = deepCopy(pod);
      next.status!.conditions = next.status!.conditions!.map((c) =>
        c.type === 'Ready'
          ? { ...c, status: 'False', lastTransitionTime: formatRFC3339(this.ctx.clock.now()) }
          : c,
      );
      this.ctx.api.update(next, { status: true });
    }
  }

  // Models kubernetes/pkg/controller/nodelifecycle/node_lifecycle_controller.go doNoScheduleTaintingPass
  private doNoScheduleTaintingPass(node: Node & { metadata: { name: string } }): void {
    const conditionTaints: Record<string, Record<string, string>> = {
      Ready: { False: 'node.kubernetes.io/not-ready', Unknown: 'node.kubernetes.io/unreachable' },
      MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
      DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
      PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
    };
    const managed = new Set(Object.values(conditionTaints).flatMap((m) => Object.values(m)));
    managed.add('node.kubernetes.io/unschedulable');
    const want: Taint[] = [];
    for (const c of node.status?.conditions ?? []) {
      const key = conditionTaints[c.type]?.[c.status];
      if (key) want.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec?.unschedulable)
      want.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
    const have = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && managed.has(t.key));
    const toAdd = want.filter((w) => !have.some((h) => h.key === w.key));
    const toDel = have.filter((h) => !want.some((w) => w.key === h.key));
    if (toAdd.length === 0 && toDel.length === 0) return;
    const next = deepCopy(node);
    const ts = formatRFC3339(this.ctx.clock.now());
    next.spec ??= {};
    next.spec.taints = [
      ...(next.spec.taints ?? []).filter((t) => !toDel.some((d) => d.key === t.key && d.effect === t.effect)),
      ...toAdd.map((t) => ({ ...t, timeAdded: ts })),
    ];
    if (next.spec.taints.length === 0) delete next.spec.taints;
    this.ctx.api.update(next);
  }

  // Models kubernetes/pkg/controller/util/node/controller_utils.go SwapNodeControllerTaint
  private swapNodeControllerTaint(nodeName: string, add: Taint | undefined, ...remove: Taint[]): void {
    const node = this.ctx.api.get<Node>('Node', undefined, nodeName);
    if (!node) return;
    const taints = (node.spec?.taints ?? []).filter(
      (t) => !remove.some((r) => r.key === t.key && r.effect === t.effect),
    );
    if (add && !taints.some((t) => t.key === add.key && t.effect === add.effect)) taints.push(add);
    const before = node.spec?.taints ?? [];
    if (taints.length === before.length && taints.every((t, i) => t === before[i])) return;
    const next = deepCopy(node);
    next.spec ??= {};
    next.spec.taints = taints;
    if (taints.length === 0) delete next.spec.taints;
    this.ctx.api.update(next);
  }
}

export function taintTimeAdded(t: Taint): number {
  return parseTime(t.timeAdded);
}
