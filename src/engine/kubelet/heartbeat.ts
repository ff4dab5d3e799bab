// The kubelet's two heartbeats: the node Lease it renews every 10 s, and the node status it posts when something
// changed or when the report period expires. Real kubelets run both on perpetual timers; here they are derived
// from when the kubelet started (and stopped), so an idle cluster has nothing scheduled. Both loops tick on the
// same 10 s grid from the kubelet's start (without the 4 % jitter of wait.JitterUntil).
import type { Cluster } from '../cluster.ts';
import type { Node, NodeCondition } from '../api/types.ts';
import { formatRFC3339, parseTime } from '../apimachinery/time.ts';
import {
  leaseRenewIntervalMs,
  nodeMonitorGracePeriodMs,
  nodeMonitorPeriodMs,
} from '../controller/nodelifecycle/node-lifecycle-controller.ts';

// Models kubernetes/pkg/kubelet/apis/config/v1beta1/defaults.go SetDefaults_KubeletConfiguration
export const nodeStatusUpdateFrequencyMs = 10_000;
export const nodeStatusReportFrequencyMs = 300_000;

/** The conditions the kubelet's status setters own (pkg/kubelet/nodestatus/setters.go). */
const kubeletConditions = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']);

/** What the heartbeats depend on; a Kubelet is one. `stoppedAt` is when it last stopped, when recorded. */
export interface KubeletRunState {
  readonly nodeName: string;
  readonly running: boolean;
  readonly startedAt: number;
  readonly stoppedAt?: number;
}

const floorOnGrid = (t: number, origin: number, step: number) =>
  origin + Math.floor((t - origin) / step) * step;

/**
 * Without a recorded stop time, the node controller's Ready=Unknown transition pins the last Lease renewal: it
 * marks the node on the first 5 s monitor pass more than the grace period after the pass that saw that
 * renewal (see NodeLifecycleController.kubeletStopped), so the renewal is the last 10 s grid point at least
 * that lag before the mark. Before the node is marked, a stopped kubelet without `stoppedAt` looks alive.
 */
function renewalBeforeUnknown(node: Node | undefined, k: KubeletRunState): number | undefined {
  const ready = node?.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status !== 'Unknown' || ready.reason !== 'NodeStatusUnknown') return undefined;
  const marked = parseTime(ready.lastTransitionTime ?? undefined);
  if (!(marked >= k.startedAt)) return undefined;
  const lag = Math.ceil((nodeMonitorGracePeriodMs + 1) / nodeMonitorPeriodMs) * nodeMonitorPeriodMs;
  return Math.max(k.startedAt, floorOnGrid(marked - lag, k.startedAt, leaseRenewIntervalMs));
}

/** The last instant the kubelet was alive: `now` while it runs, else when it stopped. */
function aliveUntil(k: KubeletRunState, node: Node | undefined, now: number): number {
  if (k.running) return now;
  if (k.stoppedAt !== undefined && k.stoppedAt >= k.startedAt) return Math.min(k.stoppedAt, now);
  return Math.min(renewalBeforeUnknown(node, k) ?? now, now);
}

// Models kubernetes/staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go controller.Run
/** When the kubelet last renewed its Lease: on the 10 s grid from its start, up to `now` or its stop. */
export function lastLeaseRenewal(k: KubeletRunState, now: number, node?: Node): number {
  return floorOnGrid(Math.max(k.startedAt, aliveUntil(k, node, now)), k.startedAt, leaseRenewIntervalMs);
}

/** FNV-1a: a stable stand-in for rand.Float64() that does not draw from the engine RNG. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x1_0000_0000;
}

// Models kubernetes/pkg/kubelet/kubelet_node_status.go calculateDelay
/** The one-time random shift in [-150 s, 150 s) of the first report period after a (re)start. */
export function calculateDelay(seed: number, k: KubeletRunState): number {
  return Math.floor(nodeStatusReportFrequencyMs * (-0.5 + unitHash(`${seed}/${k.nodeName}/${k.startedAt}`)));
}

// Models kubernetes/pkg/kubelet/kubelet_node_status.go tryUpdateNodeStatus and isUpdateStatusPeriodExpired
/**
 * When the kubelet last posted node status (each post sets every condition's lastHeartbeatTime): at its start
 * (a change), then at the first 10 s tick at least 5 min + calculateDelay later, then every 5 min.
 */
export function lastNodeStatusReport(seed: number, k: KubeletRunState, now: number, node?: Node): number {
  const until = aliveUntil(k, node, now);
  const firstPeriod = nodeStatusReportFrequencyMs + calculateDelay(seed, k);
  const first =
    k.startedAt + Math.ceil(firstPeriod / nodeStatusUpdateFrequencyMs) * nodeStatusUpdateFrequencyMs;
  if (until < first) return k.startedAt;
  return floorOnGrid(until, first, nodeStatusReportFrequencyMs);
}

/** The Lease `kube-node-lease/<node>` renew time, or undefined when no kubelet holds one for that node. */
export function leaseRenewTime(cluster: Cluster, nodeName: string, now = cluster.now()): number | undefined {
  const k = cluster.kubelets.get(nodeName);
  if (!k) return undefined;
  return lastLeaseRenewal(k, now, cluster.api.get<Node>('Node', undefined, nodeName));
}

/** When the node's kubelet last posted status, or undefined when the node has no kubelet. */
export function nodeHeartbeatTime(
  cluster: Cluster,
  nodeName: string,
  now = cluster.now(),
): number | undefined {
  const k = cluster.kubelets.get(nodeName);
  if (!k) return undefined;
  return lastNodeStatusReport(
    cluster.options.seed,
    k,
    now,
    cluster.api.get<Node>('Node', undefined, nodeName),
  );
}

/**
 * The node as the apiserver would hold it if the kubelet's periodic status posts were stored: the kubelet's
 * conditions carry its last heartbeat. Returns the same object when nothing changes.
 */
export function withNodeHeartbeats(cluster: Cluster, node: Node, now = cluster.now()): Node {
  const name = node.metadata?.name;
  const k = name ? cluster.kubelets.get(name) : undefined;
  const conditions = node.status?.conditions;
  if (!k || !conditions) return node;
  const beat = lastNodeStatusReport(cluster.options.seed, k, now, node);
  let changed = false;
  const next = conditions.map((c): NodeCondition => {
    if (!kubeletConditions.has(c.type) || parseTime(c.lastHeartbeatTime ?? undefined) >= beat) return c;
    changed = true;
    return { ...c, lastHeartbeatTime: formatRFC3339(beat) };
  });
  return changed ? { ...node, status: { ...node.status, conditions: next } } : node;
}
