// Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go: creating, updating and deleting the pods
// of a StatefulSet and their PersistentVolumeClaims, with the events upstream records. The object manager is
// the apiserver itself (synchronous), so there is no retry on conflict.
import type { PersistentVolumeClaim, Pod, StatefulSet, Stored } from '../../api/types.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { ApiError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import { deepCopy } from '../../util/copy.ts';
import {
  getPersistentVolumeClaimName,
  getPersistentVolumeClaimRetentionPolicy,
  getPersistentVolumeClaims,
  getOrdinal,
  hasStaleOwnerRef,
  hasUnexpectedController,
  identityMatches,
  isClaimOwnerUpToDate,
  storageMatches,
  updateClaimOwnerRefForSetAndPod,
  updateIdentity,
  updateStorage,
  type SetPod,
} from './stateful-set-utils.ts';

export const source = { component: 'statefulset-controller' };

type Err = ApiError | Error;

/** Go's strings.Title of a one-word verb. */
const title = (verb: string) => verb.charAt(0).toUpperCase() + verb.slice(1);

export class StatefulPodControl {
  constructor(
    private readonly api: ApiServer,
    private readonly recorder: EventRecorder,
  ) {}

  private getClaim(ns: string | undefined, name: string): Stored<PersistentVolumeClaim> | undefined {
    return this.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.CreateStatefulPod
  /** Returns the created pod (its uid is needed for the claims' owner references) or the error. */
  createStatefulPod(set: Stored<StatefulSet>, pod: SetPod): Err | null {
    const claimErr = this.createPersistentVolumeClaims(set, pod);
    if (claimErr) {
      this.recordPodEvent('create', set, pod, claimErr);
      return claimErr;
    }
    const [created, err] = this.api.create(pod);
    if (err?.reason === 'AlreadyExists') return err;
    if (created) {
      const policyErr = this.updatePodClaimForRetentionPolicy(set, created);
      if (policyErr) {
        this.recordPodEvent('update', set, pod, policyErr);
        return policyErr;
      }
    }
    this.recordPodEvent('create', set, pod, err);
    return err;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.UpdateStatefulPod
  updateStatefulPod(set: Stored<StatefulSet>, pod: SetPod): Err | null {
    let consistent = true;
    if (!identityMatches(set, pod)) {
      updateIdentity(set, pod);
      consistent = false;
    }
    if (!storageMatches(set, pod)) {
      updateStorage(set, pod);
      consistent = false;
      const err = this.createPersistentVolumeClaims(set, pod);
      if (err) {
        this.recordPodEvent('update', set, pod, err);
        return err;
      }
    }
    const [match, matchErr] = this.claimsMatchRetentionPolicy(set, pod);
    if (matchErr) {
      this.recordPodEvent('update', set, pod, matchErr);
      return matchErr;
    }
    if (!match) {
      const err = this.updatePodClaimForRetentionPolicy(set, pod);
      if (err) {
        this.recordPodEvent('update', set, pod, err);
        return err;
      }
      consistent = false;
    }
    if (consistent) return null;
    const [, err] = this.api.update(pod);
    this.recordPodEvent('update', set, pod, err);
    return err;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.DeleteStatefulPod
  deleteStatefulPod(set: Stored<StatefulSet>, pod: Pod): Err | null {
    const [, err] = this.api.delete('Pod', pod.metadata?.namespace, pod.metadata?.name ?? '');
    this.recordPodEvent('delete', set, pod, err);
    return err;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.ClaimsMatchRetentionPolicy
  claimsMatchRetentionPolicy(set: Stored<StatefulSet>, pod: Pod): [boolean, Err | null] {
    const ordinal = getOrdinal(pod);
    for (const t of set.spec?.volumeClaimTemplates ?? []) {
      const claim = this.getClaim(set.metadata.namespace, getPersistentVolumeClaimName(set, t, ordinal));
      if (claim && !isClaimOwnerUpToDate(claim, set, pod)) return [false, null];
    }
    return [true, null];
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.UpdatePodClaimForRetentionPolicy
  updatePodClaimForRetentionPolicy(set: Stored<StatefulSet>, pod: Pod): Err | null {
    const ordinal = getOrdinal(pod);
    for (const t of set.spec?.volumeClaimTemplates ?? []) {
      const claimName = getPersistentVolumeClaimName(set, t, ordinal);
      const stored = this.getClaim(set.metadata.namespace, claimName);
      if (!stored) continue;
      if (hasUnexpectedController(stored, set, pod)) {
        this.recorder.event(
          set,
          'Warning',
          'ConflictingController',
          `PersistentVolumeClaim ${claimName} has a conflicting OwnerReference that acts as a manging controller, the retention policy is ignored for this claim`,
          source,
        );
      }
      if (!isClaimOwnerUpToDate(stored, set, pod)) {
        const claim = deepCopy(stored);
        updateClaimOwnerRefForSetAndPod(claim, set, pod);
        const [, err] = this.api.update(claim);
        if (err)
          return new Error(`could not update claim ${claimName} for delete policy ownerRefs: ${err.message}`);
      }
    }
    return null;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.PodClaimIsStale
  podClaimIsStale(set: Stored<StatefulSet>, pod: Pod): boolean {
    if (getPersistentVolumeClaimRetentionPolicy(set).whenScaled === 'Retain') return false;
    for (const { claim } of getPersistentVolumeClaims(set, pod)) {
      const pvc = this.getClaim(claim.metadata?.namespace, claim.metadata?.name ?? '');
      if (pvc && hasStaleOwnerRef(pvc, pod, { apiVersion: 'v1', kind: 'Pod' })) return true;
    }
    return false;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.recordPodEvent
  private recordPodEvent(verb: string, set: Stored<StatefulSet>, pod: Pod, err: Err | null): void {
    const name = pod.metadata?.name ?? '';
    if (!err) {
      const message = `${verb} Pod ${name} in StatefulSet ${set.metadata.name} successful`;
      this.recorder.event(set, 'Normal', `Successful${title(verb)}`, message, source);
    } else {
      const message = `${verb} Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${err.message}`;
      this.recorder.event(set, 'Warning', `Failed${title(verb)}`, message, source);
    }
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.recordClaimEvent
  private recordClaimEvent(
    verb: string,
    set: Stored<StatefulSet>,
    pod: Pod,
    claim: PersistentVolumeClaim,
    err: Err | null,
  ): void {
    const c = claim.metadata?.name ?? '';
    const p = pod.metadata?.name ?? '';
    if (!err) {
      const message = `${verb} Claim ${c} Pod ${p} in StatefulSet ${set.metadata.name} success`;
      this.recorder.event(set, 'Normal', `Successful${title(verb)}`, message, source);
    } else {
      const message = `${verb} Claim ${c} for Pod ${p} in StatefulSet ${set.metadata.name} failed error: ${err.message}`;
      this.recorder.event(set, 'Warning', `Failed${title(verb)}`, message, source);
    }
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.createMissingPersistentVolumeClaims
  createMissingPersistentVolumeClaims(set: Stored<StatefulSet>, pod: Pod): Err | null {
    const err = this.createPersistentVolumeClaims(set, pod);
    if (err) return err;
    const policyErr = this.updatePodClaimForRetentionPolicy(set, pod);
    if (policyErr) {
      this.recordPodEvent('update', set, pod, policyErr);
      return policyErr;
    }
    return null;
  }

  // Models kubernetes/pkg/controller/statefulset/stateful_pod_control.go StatefulPodControl.createPersistentVolumeClaims
  private createPersistentVolumeClaims(set: Stored<StatefulSet>, pod: Pod): Err | null {
    const errs: string[] = [];
    for (const { claim } of getPersistentVolumeClaims(set, pod)) {
      const name = claim.metadata?.name ?? '';
      const pvc = this.getClaim(claim.metadata?.namespace, name);
      if (!pvc) {
        const [, err] = this.api.create(claim);
        if (err) errs.push(`failed to create PVC ${name}: ${err.message}`);
        if (!err || err.reason !== 'AlreadyExists') this.recordClaimEvent('create', set, pod, claim, err);
      } else if (pvc.metadata.deletionTimestamp) {
        errs.push(`pvc ${name} is being deleted`);
      }
    }
    // utilerrors.NewAggregate: one error prints alone, several as [a, b].
    if (errs.length === 0) return null;
    return new Error(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  }
}
