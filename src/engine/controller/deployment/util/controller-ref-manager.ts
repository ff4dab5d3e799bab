// Adoption and release of ReplicaSets by their Deployment (pkg/controller/controller_ref_manager.go).
import type { Deployment, OwnerReference, ReplicaSet, Stored } from '../../../api/types.ts';
import type { ApiServer } from '../../../apiserver/apiserver.ts';
import type { ApiError } from '../../../apiserver/errors.ts';
import { selectorMatches, type Selector } from '../../../apimachinery/labels.ts';
import { deepCopy } from '../../../util/copy.ts';
import { getControllerOf } from './controller-utils.ts';

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/controller_ref.go NewControllerRef
export function newControllerRef(d: Stored<Deployment>): OwnerReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: d.metadata.name,
    uid: d.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

// Models kubernetes/pkg/controller/controller_ref_manager.go ReplicaSetControllerRefManager.ClaimReplicaSets
/**
 * Returns the ReplicaSets `d` owns after adopting matching orphans and releasing owned ones that no
 * longer match. Adoption and release are writes of ownerReferences (upstream patches them).
 */
export function claimReplicaSets(
  api: ApiServer,
  d: Stored<Deployment>,
  selector: Selector,
  sets: readonly Stored<ReplicaSet>[],
): [Stored<ReplicaSet>[], ApiError | Error | null] {
  const claimed: Stored<ReplicaSet>[] = [];
  let firstErr: ApiError | Error | null = null;
  const match = (rs: ReplicaSet) => selectorMatches(selector, rs.metadata?.labels);
  for (const rs of sets) {
    const ref = getControllerOf(rs);
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue;
      if (match(rs)) {
        claimed.push(rs);
        continue;
      }
      if (d.metadata.deletionTimestamp) continue;
      // Models kubernetes/pkg/controller/controller_ref_manager.go ReplicaSetControllerRefManager.ReleaseReplicaSet
      const copy = deepCopy(rs);
      copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter(
        (r) => r.uid !== d.metadata.uid,
      );
      if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
      const [, err] = api.update(copy);
      if (err && err.reason !== 'NotFound') firstErr ??= err;
      continue;
    }
    if (d.metadata.deletionTimestamp || !match(rs) || rs.metadata.deletionTimestamp) continue;
    if (rs.metadata.namespace !== d.metadata.namespace) continue;
    // Models kubernetes/pkg/controller/controller_ref_manager.go RecheckDeletionTimestamp
    const fresh = api.get<Deployment>('Deployment', d.metadata.namespace, d.metadata.name);
    if (!fresh || fresh.metadata.uid !== d.metadata.uid) {
      firstErr ??= new Error(
        `original Deployment ${d.metadata.namespace ?? ''}/${d.metadata.name} is gone: got uid ${fresh?.metadata.uid ?? ''}, wanted ${d.metadata.uid}`,
      );
      continue;
    }
    if (fresh.metadata.deletionTimestamp) {
      firstErr ??= new Error(
        `${d.metadata.namespace ?? ''}/${d.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`,
      );
      continue;
    }
    // Models kubernetes/pkg/controller/controller_ref_manager.go ReplicaSetControllerRefManager.AdoptReplicaSet
    const copy = deepCopy(rs);
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), newControllerRef(d)];
    const [adopted, err] = api.update(copy);
    if (err) {
      if (err.reason !== 'NotFound') firstErr ??= err;
      continue;
    }
    claimed.push(adopted);
  }
  return [claimed, firstErr];
}
