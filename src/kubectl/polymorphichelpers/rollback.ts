// `kubectl rollout undo` for Deployments: a client-side patch that copies the chosen ReplicaSet's pod
// template (and annotations) back into the Deployment. The controller then adopts that ReplicaSet as the new
// one and renumbers its revision.
import { deepCopy, type Deployment, type ReplicaSet, type Stored } from '../../engine/index.ts';
import type { CommandEnv } from '../process.ts';
import { GoError, type DryRunStrategy, type KubectlError } from '../cmd/util/helpers.ts';
import {
  defaultDeploymentUniqueLabelKey,
  deprecatedRollbackTo,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  getAllReplicaSets,
  lastAppliedConfigAnnotation,
  maxReplicasAnnotation,
  revision as revisionOf,
  revisionAnnotation,
  revisionHistoryAnnotation,
} from './deployment-util.ts';
import { printTemplate } from './history.ts';

const rollbackSuccess = 'rolled back';
const rollbackSkipped = 'skipped rollback';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go annotationsToSkip
const annotationsToSkip = new Set([
  lastAppliedConfigAnnotation,
  revisionAnnotation,
  revisionHistoryAnnotation,
  desiredReplicasAnnotation,
  maxReplicasAnnotation,
  deprecatedRollbackTo,
]);

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go revisionNotFoundErr
function revisionNotFoundErr(r: number): GoError {
  return new GoError(`unable to find specified revision ${r} in history`);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go deploymentRevision
function deploymentRevision(
  env: CommandEnv,
  d: Stored<Deployment>,
  toRevision: number,
): Stored<ReplicaSet> | GoError {
  const { allOld, newRS } = getAllReplicaSets(env, d);
  const all = newRS ? [...allOld, newRS] : allOld;
  let latest: Stored<ReplicaSet> | undefined;
  let latestRevision = -1;
  let previous: Stored<ReplicaSet> | undefined;
  let previousRevision = -1;
  for (const rs of all) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) return revisionNotFoundErr(toRevision);
  if (!previous) return new GoError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go DeploymentRollbacker.Rollback
/** The operation to print (`rolled back`, `skipped rollback (...)`, or the template for --dry-run=client). */
export function rollbackDeployment(
  env: CommandEnv,
  namespace: string,
  name: string,
  toRevision: number,
  dryRun: DryRunStrategy,
): string | KubectlError {
  if (toRevision < 0) return revisionNotFoundErr(toRevision);
  const d = env.cluster.api.get<Deployment>('Deployment', namespace, name);
  if (!d) return new GoError(`failed to retrieve Deployment ${name}: deployments.apps "${name}" not found`);
  const rs = deploymentRevision(env, d, toRevision);
  if (rs instanceof GoError) return rs;
  if (dryRun === 'client') return printTemplate(rs.spec?.template);
  if (d.spec?.paused) {
    return new GoError(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
    return `${rollbackSkipped} (current template already matches revision ${toRevision})`;
  }
  const template = deepCopy(rs.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[defaultDeploymentUniqueLabelKey];
  const annotations: Record<string, string> = {};
  for (const k of annotationsToSkip) {
    const v = d.metadata.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!annotationsToSkip.has(k)) annotations[k] = v;
  // The JSON patch: replace /spec/template and /metadata/annotations.
  const updated = deepCopy(d);
  (updated.spec ??= { selector: {}, template: {} }).template = template;
  updated.metadata.annotations = annotations;
  const [, err] = env.cluster.api.update(updated, { dryRun: dryRun === 'server' });
  if (err) return new GoError(`failed restoring revision ${toRevision}: ${err.message}`);
  return rollbackSuccess;
}
