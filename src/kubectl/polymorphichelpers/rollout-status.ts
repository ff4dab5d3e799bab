// The status line `kubectl rollout status` prints for each watch event of the object it follows.
import type { DaemonSet, Deployment, KubeObject, StatefulSet } from '../../engine/index.ts';
import { GoError } from '../cmd/util/helpers.ts';
import { getDeploymentCondition, revision as revisionOf, timedOutReason } from './deployment-util.ts';

export interface StatusResult {
  status: string;
  done: boolean;
}

export type StatusViewer = (obj: KubeObject, revision: number) => StatusResult | GoError;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status
export function deploymentStatus(obj: KubeObject, revision: number): StatusResult | GoError {
  const d = obj as Deployment;
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const rev = revisionOf(d);
    if (rev === undefined) {
      return new GoError(
        `cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "": invalid syntax`,
      );
    }
    if (revision !== rev)
      return new GoError(`desired revision (${revision}) is different from the running revision (${rev})`);
  }
  const st = d.status ?? {};
  if ((d.metadata?.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const cond = getDeploymentCondition(d, 'Progressing');
    if (cond?.reason === timedOutReason)
      return new GoError(`deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec?.replicas;
    const updated = st.updatedReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) {
      return {
        status: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`,
        done: false,
      };
    }
    if ((st.replicas ?? 0) > updated) {
      return {
        status: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`,
        done: false,
      };
    }
    if ((st.availableReplicas ?? 0) < updated) {
      return {
        status: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
        done: false,
      };
    }
    return { status: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { status: 'Waiting for deployment spec update to be observed...\n', done: false };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go DaemonSetStatusViewer.Status
export function daemonSetStatus(obj: KubeObject): StatusResult | GoError {
  const ds = obj as DaemonSet;
  const name = ds.metadata?.name ?? '';
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return new GoError('rollout status is only available for RollingUpdate strategy type');
  }
  const st = ds.status;
  if ((ds.metadata?.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    const updated = st?.updatedNumberScheduled ?? 0;
    if (updated < desired) {
      return {
        status: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`,
        done: false,
      };
    }
    if ((st?.numberAvailable ?? 0) < desired) {
      return {
        status: `Waiting for daemon set "${name}" rollout to finish: ${st?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`,
        done: false,
      };
    }
    return { status: `daemon set "${name}" successfully rolled out\n`, done: true };
  }
  return { status: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go StatefulSetStatusViewer.Status
export function statefulSetStatus(obj: KubeObject): StatusResult | GoError {
  const sts = obj as StatefulSet;
  const spec = sts.spec;
  const st = sts.status;
  if ((spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return new GoError('rollout status is only available for RollingUpdate strategy type');
  }
  if (!st?.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) {
    return { status: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  if (spec?.replicas !== undefined && (st.readyReplicas ?? 0) < spec.replicas) {
    return {
      status: `Waiting for ${spec.replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`,
      done: false,
    };
  }
  const partition = spec?.updateStrategy?.rollingUpdate?.partition;
  if (spec?.updateStrategy?.rollingUpdate) {
    if (
      spec.replicas !== undefined &&
      partition !== undefined &&
      (st.updatedReplicas ?? 0) < spec.replicas - partition
    ) {
      return {
        status: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${spec.replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return {
      status: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`,
      done: true,
    };
  }
  if (st.updateRevision !== st.currentRevision) {
    return {
      status: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision ?? ''}...\n`,
      done: false,
    };
  }
  return {
    status: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...\n`,
    done: true,
  };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go StatusViewerFor
export function statusViewerFor(kind: string, group: string): StatusViewer | GoError {
  if (group === 'apps' && kind === 'Deployment') return deploymentStatus;
  if (group === 'apps' && kind === 'DaemonSet') return (o) => daemonSetStatus(o);
  if (group === 'apps' && kind === 'StatefulSet') return (o) => statefulSetStatus(o);
  return new GoError(`no status viewer has been implemented for ${kind}${group ? `.${group}` : ''}`);
}
