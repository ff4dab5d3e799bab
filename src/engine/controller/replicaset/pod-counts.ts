// What the ReplicaSet controller reads of a ReplicaSet's pods on every sync, kept up to date from the Pod
// watch instead of recounted over every owned pod each time (upstream recounts its informer cache; with
// 1,000 pods and a sync per pod change that is quadratic). Watches are synchronous, so when a sync runs the
// index describes exactly the pods the apiserver holds: the same numbers, and the same pods in the same order,
// as a pass over the apiserver's owner index gives (`OwnedPodIndex.verify` checks that on every read).
import type { ApiServer, WatchEvent } from '../../apiserver/apiserver.ts';
import type { Pod, PodTemplateSpec, KubeObject, Stored } from '../../api/types.ts';
import { controllerRef, isPodActive, isPodReady } from '../../api/pod-util.ts';
import { selectorMatches, type Requirement } from '../../apimachinery/labels.ts';
import { deepEqual } from '../../util/copy.ts';

/** What the index reads of a pod's controller (a ReplicaSet or a ReplicationController). */
type PodController = Stored<KubeObject & { spec?: { template?: PodTemplateSpec } }>;

export interface PodCounts {
  /** Active pods (filterActivePods of the pods the ReplicaSet controls). */
  active: number;
  /** Active pods carrying every label of the ReplicaSet's pod template. */
  fullyLabeled: number;
  /** Active and Ready. */
  ready: number;
  /** Deleted but not finished (FilterTerminatingPods). */
  terminating: number;
}

interface Counts extends PodCounts {
  /** The template labels `fullyLabeled` was counted against (stored objects are immutable: identity). */
  labels: Readonly<Record<string, string>>;
  sel: Requirement[];
}

const noLabels: Readonly<Record<string, string>> = {};

function templateSelector(labels: Readonly<Record<string, string>>): Requirement[] {
  return Object.entries(labels).map(([k, v]) => ({ key: k, op: '=' as const, values: [v] }));
}

function isTerminating(p: Pod): boolean {
  const phase = p.status?.phase;
  return !!p.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The uids a pod's ownerReferences name, each once (the apiserver's owner index is a set per uid). */
function ownerUids(p: Pod): string[] {
  const refs = p.metadata?.ownerReferences;
  if (!refs || refs.length === 0) return [];
  if (refs.length === 1) return [refs[0]!.uid];
  return [...new Set(refs.map((r) => r.uid))];
}

const nodeOf = (p: Pod) => p.spec?.nodeName ?? '';

export class OwnedPodIndex {
  /** Set by tests: every read is checked against a full recount. */
  static verify = false;

  /** Per controller uid: the counts calculateStatus needs. */
  private readonly counted = new Map<string, Counts>();
  /** Per controller uid: its active pods by pod uid, in the owner index's order (last write last). */
  private readonly active = new Map<string, Map<string, Stored<Pod>>>();
  /** Per owner uid (any ownerReference): its active pods per node. */
  private readonly onNodes = new Map<string, Map<string, number>>();

  constructor(private readonly api: ApiServer) {}

  /** Feeds one Pod watch event. */
  observe(e: WatchEvent<Pod>): void {
    const old = e.old;
    const cur = e.type === 'DELETED' ? undefined : e.object;
    if (old) this.remove(old);
    if (cur) this.add(cur);
  }

  /** Forgets a ReplicaSet (it was deleted). */
  forget(uid: string): void {
    this.counted.delete(uid);
    this.active.delete(uid);
    this.onNodes.delete(uid);
  }

  private remove(p: Stored<Pod>): void {
    const ref = controllerRef(p);
    if (ref) {
      const c = this.counted.get(ref.uid);
      if (c) count(c, p, -1);
      this.active.get(ref.uid)?.delete(p.metadata.uid);
    }
    if (this.onNodes.size > 0 && isPodActive(p))
      for (const uid of ownerUids(p)) {
        const m = this.onNodes.get(uid);
        if (m) m.set(nodeOf(p), m.get(nodeOf(p))! - 1);
      }
  }

  private add(p: Stored<Pod>): void {
    const ref = controllerRef(p);
    const active = isPodActive(p);
    if (ref) {
      const c = this.counted.get(ref.uid);
      if (c) count(c, p, 1);
      if (active) this.active.get(ref.uid)?.set(p.metadata.uid, p);
    }
    if (this.onNodes.size > 0 && active)
      for (const uid of ownerUids(p)) {
        const m = this.onNodes.get(uid);
        if (m) m.set(nodeOf(p), (m.get(nodeOf(p)) ?? 0) + 1);
      }
  }

  /** The counts of the pods `rs` controls, as the apiserver holds them now. */
  counts(rs: PodController): PodCounts {
    const uid = rs.metadata.uid;
    const labels = rs.spec?.template?.metadata?.labels ?? noLabels;
    let c = this.counted.get(uid);
    if (c && c.labels !== labels && deepEqual(c.labels, labels)) c.labels = labels;
    if (!c || c.labels !== labels) {
      c = this.recount(uid, labels);
      this.counted.set(uid, c);
    } else if (OwnedPodIndex.verify) {
      const full = this.recount(uid, labels);
      for (const k of ['active', 'fullyLabeled', 'ready', 'terminating'] as const)
        if (full[k] !== c[k])
          throw new Error(`pod counts of ${rs.metadata.name}: ${k} ${c[k]} but a recount gives ${full[k]}`);
    }
    return { active: c.active, fullyLabeled: c.fullyLabeled, ready: c.ready, terminating: c.terminating };
  }

  /** The active pods `rs` controls, in the order of the apiserver's owner index (filterActivePods). */
  activePods(rs: PodController): Stored<Pod>[] {
    const uid = rs.metadata.uid;
    let m = this.active.get(uid);
    if (!m) {
      m = new Map();
      for (const p of this.scanActive(uid)) m.set(p.metadata.uid, p);
      this.active.set(uid, m);
    }
    const pods = [...m.values()];
    if (OwnedPodIndex.verify) {
      const full = this.scanActive(uid);
      if (full.length !== pods.length || full.some((p, i) => p !== pods[i]))
        throw new Error(`active pods of ${rs.metadata.name} differ from the owner index`);
    }
    return pods;
  }

  /** Active pods per node among those whose ownerReferences name `uid`. Read-only. */
  activeOnNodes(uid: string): ReadonlyMap<string, number> {
    let m = this.onNodes.get(uid);
    if (!m) {
      m = this.scanNodes(uid);
      this.onNodes.set(uid, m);
    } else if (OwnedPodIndex.verify) {
      const full = this.scanNodes(uid);
      for (const [n, v] of m)
        if ((full.get(n) ?? 0) !== v)
          throw new Error(`pods of ${uid} on ${n}: ${v}, a recount gives ${full.get(n) ?? 0}`);
      for (const [n, v] of full)
        if ((m.get(n) ?? 0) !== v)
          throw new Error(`pods of ${uid} on ${n}: ${m.get(n) ?? 0}, a recount gives ${v}`);
    }
    return m;
  }

  private recount(uid: string, labels: Readonly<Record<string, string>>): Counts {
    const c: Counts = {
      active: 0,
      fullyLabeled: 0,
      ready: 0,
      terminating: 0,
      labels,
      sel: templateSelector(labels),
    };
    for (const p of this.api.listOwnedBy<Pod>('Pod', uid)) if (controllerRef(p)?.uid === uid) count(c, p, 1);
    return c;
  }

  private scanActive(uid: string): Stored<Pod>[] {
    const out: Stored<Pod>[] = [];
    for (const p of this.api.listOwnedBy<Pod>('Pod', uid))
      if (controllerRef(p)?.uid === uid && isPodActive(p)) out.push(p);
    return out;
  }

  private scanNodes(uid: string): Map<string, number> {
    const m = new Map<string, number>();
    this.api.forEachOwnedBy<Pod>('Pod', uid, (p) => {
      if (isPodActive(p)) m.set(nodeOf(p), (m.get(nodeOf(p)) ?? 0) + 1);
    });
    return m;
  }
}

function count(c: Counts, p: Pod, sign: number): void {
  if (isTerminating(p)) c.terminating += sign;
  if (!isPodActive(p)) return;
  c.active += sign;
  if (selectorMatches(c.sel, p.metadata?.labels)) c.fullyLabeled += sign;
  if (isPodReady(p)) c.ready += sign;
}
