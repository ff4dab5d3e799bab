// The default scheduler, reduced to what the tutorials exercise. Filters (in upstream order):
// NodeUnschedulable, TaintToleration, NodeResourcesFit (pod count). Score: fewest pods of the same owner on
// the node (PodTopologySpread's system default), then fewest pods (NodeResourcesFit LeastAllocated with the
// default 100m/200Mi requests); ties are broken at random with the engine RNG, as selectHost does.
// Pods with PersistentVolumeClaims also go through VolumeBinding (volume-binding.ts): they are bound once
// their claims are.
import type { Controller, ControllerContext } from '../controller/controller.ts';
import { keyOf, splitKey } from '../controller/controller.ts';
import type { Node, PersistentVolumeClaim, Pod, Stored, Taint, Toleration } from '../api/types.ts';
import { controllerRef, isPodActive } from '../api/pod-util.ts';
import { formatRFC3339 } from '../apimachinery/time.ts';
import { deepCopy } from '../util/copy.ts';
import {
  bindPodVolumes,
  checkBindings,
  filterVolumes,
  preFilterVolumes,
  volumeReasons,
  type PodVolumeClaims,
  type VolumeDecision,
} from './volume-binding.ts';

const source = { component: 'default-scheduler' };

// Models kubernetes/staging/src/k8s.io/api/core/v1/toleration.go Toleration.ToleratesTaint
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

const filteredEffects = ['NoSchedule', 'NoExecute'];

const unschedulableReason = 'node(s) were unschedulable';
const tooManyPodsReason = 'Too many pods';

/** The filtered-out nodes of a "why" record, by plugin; the first node TaintToleration filtered is named. */
const filterValues = [
  'nodes',
  'unschedulable',
  'untoleratedTaint',
  'taintedNode',
  'taintKey',
  'tooManyPods',
] as const;

/** The "why" records the scheduler writes and the value names each carries. */
export const schedulerTraceRules = {
  // A bound pod: the filter counts, the chosen node's score inputs (the best score) and the tie-break.
  'scheduler.selectHost': [
    ...filterValues,
    'feasible',
    'node',
    'ownerKind',
    'owner',
    'ownerPods',
    'nodePods',
    'ties',
    'randomTieBreak',
  ],
  // No node passed the filters (the FailedScheduling event).
  'scheduler.unschedulable': filterValues,
} as const satisfies Record<string, readonly string[]>;

type SchedulerTraceRule = keyof typeof schedulerTraceRules;

function untoleratedTaint(taints: Taint[], tolerations: Toleration[], effects: string[]): Taint | undefined {
  return taints.find(
    (taint) => effects.includes(taint.effect) && !tolerations.some((t) => toleratesTaint(t, taint)),
  );
}

export class Scheduler implements Controller {
  readonly name = 'default-scheduler';
  private readonly unschedulable = new Set<string>();
  /** The scheduler cache: active pods bound to each node, with their controller's uid. */
  private readonly nodePods = new Map<string, Map<string, string | undefined>>();
  /** Per node, how many of those pods each controller uid has (kept with nodePods). */
  private readonly nodeOwners = new Map<string, Map<string, number>>();
  /** Pods whose scheduling failed for their volumes: retried when claims, volumes or classes change. */
  private readonly volumeUnschedulable = new Set<string>();
  /** Pods assumed on a node while their claims are being bound (the binding cycle's WaitForBinding). */
  private readonly waitingForVolumes = new Map<
    string,
    { uid: string; node: string; values: Record<string, number | string | boolean> }
  >();

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<Pod>('Pod', (e) => {
      const pod = e.object;
      const k = keyOf(pod);
      if (e.type === 'DELETED') this.forgetWaiting(k);
      const oldNode = e.old?.spec?.nodeName;
      if (oldNode) this.forgetPod(oldNode, k);
      const n = pod.spec?.nodeName;
      if (n && e.type !== 'DELETED' && isPodActive(pod)) this.cachePod(n, k, controllerRef(pod)?.uid);
      if (
        e.type !== 'DELETED' &&
        !pod.spec?.nodeName &&
        (pod.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler'
      ) {
        ctx.queue.add(this, keyOf(pod));
      }
      // A pod leaving a node may make room: retry the pods waiting for a node.
      if (e.type === 'DELETED' && pod.spec?.nodeName) this.retryUnschedulable();
    });
    ctx.api.watch<Node>('Node', () => this.retryUnschedulable());
    const volumeChanged = () => {
      for (const k of this.volumeUnschedulable) this.ctx.queue.add(this, k);
      for (const k of this.waitingForVolumes.keys()) this.ctx.queue.add(this, k);
    };
    ctx.api.watch<PersistentVolumeClaim>('PersistentVolumeClaim', volumeChanged);
    ctx.api.watch('PersistentVolume', volumeChanged);
    ctx.api.watch('StorageClass', volumeChanged);
  }

  private forgetWaiting(k: string): void {
    const w = this.waitingForVolumes.get(k);
    if (!w) return;
    this.waitingForVolumes.delete(k);
    this.forgetPod(w.node, k);
  }

  private cachePod(node: string, k: string, owner: string | undefined): void {
    let m = this.nodePods.get(node);
    if (!m) this.nodePods.set(node, (m = new Map<string, string | undefined>()));
    if (m.has(k)) this.forgetPod(node, k);
    m.set(k, owner);
    if (owner === undefined) return;
    let owners = this.nodeOwners.get(node);
    if (!owners) this.nodeOwners.set(node, (owners = new Map<string, number>()));
    owners.set(owner, (owners.get(owner) ?? 0) + 1);
  }

  private forgetPod(node: string, k: string): void {
    const m = this.nodePods.get(node);
    if (!m || !m.has(k)) return;
    const owner = m.get(k);
    m.delete(k);
    if (owner === undefined) return;
    const owners = this.nodeOwners.get(node)!;
    const left = owners.get(owner)! - 1;
    if (left === 0) owners.delete(owner);
    else owners.set(owner, left);
  }

  private retryUnschedulable(): void {
    for (const k of this.unschedulable) this.ctx.queue.add(this, k);
  }

  // Models kubernetes/pkg/scheduler/schedule_one.go scheduleOne (filter, score, selectHost, bind)
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pod = this.ctx.api.get<Pod>('Pod', ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) {
      this.unschedulable.delete(key);
      this.volumeUnschedulable.delete(key);
      // A pod bound meanwhile keeps its place in the cache (the Pod watch has it now); otherwise forget it.
      if (pod?.spec?.nodeName) this.waitingForVolumes.delete(key);
      else this.forgetWaiting(key);
      return;
    }
    const waiting = this.waitingForVolumes.get(key);
    if (waiting) {
      if (waiting.uid === pod.metadata.uid) {
        this.waitForBinding(pod, key, waiting);
        return;
      }
      this.forgetWaiting(key);
    }
    const nodes = this.ctx.api.list<Node>('Node');
    const reasons = new Map<string, number>();
    const feasible: Stored<Node>[] = [];
    const tolerations = pod.spec?.tolerations ?? [];
    let tainted: Stored<Node> | undefined;
    const claims = preFilterVolumes(this.ctx.api, pod);
    if (typeof claims === 'string') {
      this.volumeUnschedulable.add(key);
      this.failScheduling(pod, nodes.length, reasons, undefined, tolerations, claims);
      return;
    }
    const decisions = new Map<string, VolumeDecision>();
    for (const node of nodes) {
      const reason =
        this.filter(node, tolerations, this.nodePods.get(node.metadata.name)?.size ?? 0) ??
        (claims ? this.filterVolumes(claims, node, decisions) : undefined);
      if (reason) {
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        if (
          !tainted &&
          reason !== unschedulableReason &&
          reason !== tooManyPodsReason &&
          !volumeReasons.has(reason)
        )
          tainted = node;
      } else feasible.push(node);
    }
    if (feasible.length === 0) {
      this.unschedulable.add(key);
      if (claims) this.volumeUnschedulable.add(key);
      this.failScheduling(pod, nodes.length, reasons, tainted, tolerations);
      return;
    }
    this.unschedulable.delete(key);
    this.volumeUnschedulable.delete(key);
    const ref = controllerRef(pod);
    const owner = ref?.uid;
    let best: Stored<Node> | undefined;
    let bestSame = Infinity;
    let bestCount = Infinity;
    let ties = 0;
    for (const node of feasible) {
      const here = this.nodePods.get(node.metadata.name);
      const same = owner && here ? (this.nodeOwners.get(node.metadata.name)?.get(owner) ?? 0) : 0;
      const count = here?.size ?? 0;
      const cmp = same - bestSame || count - bestCount;
      if (cmp < 0) {
        best = node;
        bestSame = same;
        bestCount = count;
        ties = 1;
      } else if (cmp === 0) {
        // Models kubernetes/pkg/scheduler/schedule_one.go selectHost (reservoir sampling among the best)
        ties++;
        if (this.ctx.rand.int(0, ties - 1) === 0) best = node;
      }
    }
    const values = filterCounts(nodes.length, reasons, tainted, tolerations);
    values.feasible = feasible.length;
    values.node = best!.metadata.name;
    values.ownerKind = ref?.kind ?? '';
    values.owner = ref?.name ?? '';
    values.ownerPods = bestSame;
    values.nodePods = bestCount;
    values.ties = ties;
    values.randomTieBreak = ties > 1;
    const decision = decisions.get(best!.metadata.name);
    if (decision && (decision.static.length > 0 || decision.provision.length > 0)) {
      // Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/volume_binding.go Reserve + PreBind
      const w = { uid: pod.metadata.uid, node: best!.metadata.name, values };
      this.waitingForVolumes.set(key, w);
      this.cachePod(w.node, key, owner);
      bindPodVolumes(this.ctx.api, decision, w.node);
      this.waitForBinding(pod, key, w);
      return;
    }
    const bound = this.bind(pod, best!);
    if (bound === undefined) return;
    this.traceDecision(pod, 'scheduler.selectHost', 'selectHost', bound, values);
  }

  private filterVolumes(
    claims: PodVolumeClaims,
    node: Stored<Node>,
    decisions: Map<string, VolumeDecision>,
  ): string | undefined {
    const r = filterVolumes(this.ctx.api, claims, node);
    if (typeof r === 'string') return r;
    decisions.set(node.metadata.name, r);
    return undefined;
  }

  // Models kubernetes/pkg/scheduler/framework/plugins/volumebinding/binder.go BindPodVolumes (waiting part)
  /** Binds a pod assumed on its node once its claims are bound; drops the assumption when binding failed. */
  private waitForBinding(
    pod: Stored<Pod>,
    key: string,
    w: { node: string; values: Record<string, number | string | boolean> },
  ): void {
    const state = checkBindings(this.ctx.api, pod);
    if (state === 'wait') return;
    this.forgetWaiting(key);
    const node = state === 'bound' ? this.ctx.api.get<Node>('Node', undefined, w.node) : undefined;
    if (!node) {
      this.ctx.queue.add(this, key);
      return;
    }
    const bound = this.bind(pod, node);
    if (bound === undefined) return;
    this.traceDecision(pod, 'scheduler.selectHost', 'selectHost', bound, w.values);
  }

  /** Records a decision for the "why" view (see schedulerTraceRules). */
  private traceDecision(
    pod: Stored<Pod>,
    rule: SchedulerTraceRule,
    upstream: string,
    event: string,
    values: Record<string, number | string | boolean>,
  ): void {
    this.ctx.trace.record({
      time: this.ctx.clock.now(),
      controller: this.name,
      upstream: `pkg/scheduler/schedule_one.go ${upstream}`,
      rule,
      object: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name },
      values,
      event,
    });
  }

  private filter(node: Stored<Node>, tolerations: Toleration[], podCount: number): string | undefined {
    const taints = node.spec?.taints ?? [];
    // Models kubernetes/pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go Filter
    if (node.spec?.unschedulable) {
      const t = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
      if (!tolerations.some((x) => toleratesTaint(x, t))) return unschedulableReason;
    }
    // Models kubernetes/pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go Filter
    const taint = untoleratedTaint(taints, tolerations, filteredEffects);
    if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    // Models kubernetes/pkg/scheduler/framework/plugins/noderesources/fit.go (pods only)
    const max = Number(node.status?.allocatable?.pods ?? '110');
    if (podCount + 1 > max) return tooManyPodsReason;
    return undefined;
  }

  // Models kubernetes/pkg/scheduler/framework/types.go FitError.Error
  private failScheduling(
    pod: Stored<Pod>,
    numNodes: number,
    reasons: Map<string, number>,
    tainted: Stored<Node> | undefined,
    tolerations: Toleration[],
    preFilterMsg?: string,
  ): void {
    const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
    const why = preFilterMsg ?? parts.join(', ');
    const msg = `0/${numNodes} nodes are available: ${why}. preemption: 0/${numNodes} nodes are available: ${numNodes} Preemption is not helpful for scheduling.`;
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (cond?.status !== 'False' || cond.message !== msg) {
      const next = deepCopy(pod);
      next.status ??= {};
      next.status.conditions = [
        ...(next.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: msg,
          lastProbeTime: null as unknown as string,
          lastTransitionTime: formatRFC3339(this.ctx.clock.now()),
        },
      ];
      this.ctx.api.update(next, { status: true });
      // Once per distinct failure: the scheduler retries on every Node change with the same outcome.
      const values = filterCounts(numNodes, reasons, tainted, tolerations);
      this.traceDecision(pod, 'scheduler.unschedulable', 'schedulePod', msg, values);
    }
    this.ctx.recorder.event(pod, 'Warning', 'FailedScheduling', msg, source);
  }

  // Models kubernetes/pkg/registry/core/pod/storage/storage.go BindingREST.assignPod
  /** The message of the Scheduled event, or undefined when the binding failed. */
  private bind(pod: Stored<Pod>, node: Stored<Node>): string | undefined {
    // Handed over to the apiserver: new where it changes, shared with the stored pod elsewhere.
    const next: Stored<Pod> = {
      ...pod,
      metadata: { ...pod.metadata },
      spec: { ...pod.spec!, nodeName: node.metadata.name },
      status: {
        ...(pod.status ?? {}),
        conditions: [
          ...(pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
          {
            type: 'PodScheduled',
            status: 'True',
            lastProbeTime: null as unknown as string,
            lastTransitionTime: formatRFC3339(this.ctx.clock.now()),
          },
        ],
      },
    };
    const [bound] = this.ctx.api.updateOwned(next);
    if (!bound) return undefined;
    const message = `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`;
    this.ctx.recorder.event(bound, 'Normal', 'Scheduled', message, source);
    return message;
  }
}

/** The filter part of a "why" record: the nodes filtered out, counted by plugin, from the FitError reasons. */
function filterCounts(
  nodes: number,
  reasons: Map<string, number>,
  tainted: Stored<Node> | undefined,
  tolerations: Toleration[],
): Record<string, number | string | boolean> {
  let unschedulable = 0;
  let untolerated = 0;
  let tooManyPods = 0;
  for (const [reason, n] of reasons) {
    if (reason === unschedulableReason) unschedulable += n;
    else if (reason === tooManyPodsReason) tooManyPods += n;
    else if (!volumeReasons.has(reason)) untolerated += n;
  }
  const taint = tainted && untoleratedTaint(tainted.spec?.taints ?? [], tolerations, filteredEffects);
  return {
    nodes,
    unschedulable,
    untoleratedTaint: untolerated,
    taintedNode: tainted?.metadata.name ?? '',
    taintKey: taint ? taint.key : '',
    tooManyPods,
  };
}
