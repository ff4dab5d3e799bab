// Registry strategies of apps/v1 Deployments and ReplicaSets: defaulting on every write, validation, generation.
import type { Deployment, ReplicaSet } from '../../../api/types.ts';
import type { Strategy } from '../../../apiserver/strategy.ts';
import { deepEqual } from '../../../util/copy.ts';
import { setDefaultsDeployment, setDefaultsReplicaSet } from './defaults.ts';
import {
  validateDeployment,
  validateDeploymentUpdate,
  validateReplicaSet,
  validateReplicaSetUpdate,
} from './validation.ts';

/** The annotation the deployment controller keeps on the Deployment itself. */
const revisionAnnotation = 'deployment.kubernetes.io/revision';

function withoutRevision(a: Record<string, string> | undefined): Record<string, string> {
  const { [revisionAnnotation]: _omit, ...rest } = a ?? {};
  return rest;
}

// Models kubernetes/pkg/registry/apps/deployment/strategy.go deploymentStrategy
export const deploymentStrategy: Strategy<Deployment> = {
  generation: true,
  prepareForCreate(d) {
    setDefaultsDeployment(d);
    d.status = {};
  },
  prepareForUpdate(d, old) {
    setDefaultsDeployment(d);
    // Upstream bumps the generation on annotation changes too (they are copied to the new ReplicaSet).
    // The controller writes the revision annotation through the main resource here (our status
    // subresource keeps metadata), so a change of that annotation alone does not count.
    if (!deepEqual(withoutRevision(d.metadata?.annotations), withoutRevision(old.metadata?.annotations))) {
      (d.metadata ??= {}).generation = (old.metadata?.generation ?? 1) + 1;
    }
  },
  validate: validateDeployment,
  validateUpdate: validateDeploymentUpdate,
};

// Models kubernetes/pkg/registry/apps/replicaset/strategy.go rsStrategy
export const replicaSetStrategy: Strategy<ReplicaSet> = {
  generation: true,
  prepareForCreate(rs) {
    setDefaultsReplicaSet(rs);
    rs.status = { replicas: 0 };
  },
  prepareForUpdate(rs) {
    setDefaultsReplicaSet(rs);
  },
  validate: validateReplicaSet,
  validateUpdate: validateReplicaSetUpdate,
};
