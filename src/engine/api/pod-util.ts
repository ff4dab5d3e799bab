// Models kubernetes/pkg/api/v1/pod/util.go helpers used by controllers.
import type { Pod, PodCondition } from './types.ts';
import { parseTime } from '../apimachinery/time.ts';

// Models kubernetes/pkg/api/v1/pod/util.go GetPodReadyCondition
export function getPodReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

// Models kubernetes/pkg/api/v1/pod/util.go IsPodReady
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True';
}

// Models kubernetes/pkg/api/v1/pod/util.go IsPodAvailable
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const c = getPodReadyCondition(pod);
  if (c?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(c.lastTransitionTime);
  return since !== 0 && since + minReadySeconds * 1000 <= now;
}

// Models kubernetes/pkg/controller/controller_utils.go IsPodActive
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

// Models kubernetes/pkg/controller/controller_utils.go FilterActivePods
export function filterActivePods<T extends Pod>(pods: readonly T[]): T[] {
  return pods.filter(isPodActive);
}

export function controllerRef(obj: {
  metadata?: { ownerReferences?: { controller?: boolean; uid: string; kind: string; name: string }[] };
}) {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}
