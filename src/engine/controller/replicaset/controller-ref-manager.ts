// Adoption and release of pods by their ReplicaSet or ReplicationController (pkg/controller/controller_ref_manager.go).
import type { KubeObject, OwnerReference, Pod, Stored } from '../../api/types.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { ApiError } from '../../apiserver/errors.ts';
import { controllerRef, isPodActive } from '../../api/pod-util.ts';
import { selectorMatches, type Selector } from '../../apimachinery/labels.ts';
import { deepCopy } from '../../util/copy.ts';

// Models kubernetes/pkg/controller/controller_ref_manager.go PodControllerRefManager.ClaimPods
/**
 * Claims the active pods of the owner's namespace (ClaimPods over FilterActivePods of all its pods): releases
 * the ones it controls that its selector no longer matches and adopts the matching orphans. Adoption and
 * release are writes of ownerReferences (upstream patches them); the claimed pods are then the ones whose
 * controller it is, which is how the caller reads them. Pods are visited in name order. Returns the first
 * error.
 */
export function claimPods(
  api: ApiServer,
  owner: Stored<KubeObject>,
  selector: Selector | null,
  ref: OwnerReference,
): ApiError | Error | null {
  const uid = owner.metadata.uid;
  const ns = owner.metadata.namespace;
  const match = (p: Pod) => selector !== null && selectorMatches(selector, p.metadata?.labels);
  let firstErr: ApiError | Error | null = null;
  for (const pod of api.list<Pod>('Pod', ns)) {
    if (!isPodActive(pod)) continue;
    const cur = controllerRef(pod);
    if (cur) {
      // Owned by someone else, or ours and still matching; a controller being deleted releases nothing.
      if (cur.uid !== uid || match(pod) || owner.metadata.deletionTimestamp) continue;
      // Models kubernetes/pkg/controller/controller_ref_manager.go PodControllerRefManager.ReleasePod
      const copy = deepCopy(pod);
      copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
      const [, err] = api.update(copy);
      if (err && err.reason !== 'NotFound') firstErr ??= err;
      continue;
    }
    if (owner.metadata.deletionTimestamp || !match(pod) || pod.metadata.deletionTimestamp) continue;
    if (pod.metadata.namespace !== ns) continue;
    // Models kubernetes/pkg/controller/controller_ref_manager.go RecheckDeletionTimestamp
    const fresh = api.get<KubeObject>(owner.kind, ns, owner.metadata.name);
    if (!fresh || fresh.metadata.uid !== uid) {
      firstErr ??= new Error(
        `original ${owner.kind} ${ns ?? ''}/${owner.metadata.name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${uid}`,
      );
      continue;
    }
    if (fresh.metadata.deletionTimestamp) {
      firstErr ??= new Error(
        `${ns ?? ''}/${owner.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`,
      );
      continue;
    }
    // Models kubernetes/pkg/controller/controller_ref_manager.go PodControllerRefManager.AdoptPod
    const copy = deepCopy(pod);
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), { ...ref }];
    const [, err] = api.update(copy);
    if (err && err.reason !== 'NotFound') firstErr ??= err;
  }
  return firstErr;
}
