// `kubectl rollout undo` for Deployments: a client-side patch that copies the chosen ReplicaSet's pod
// template (and annotations) back into the Deployment. The controller then adopts that ReplicaSet as the new
// one and renumbers its revision.
import {
  deepCopy,
  deepEqual,
  type ControllerRevision,
  type Deployment,
  type ReplicaSet,
  type StatefulSet,
  type Stored,
} from '../../engine/index.ts';
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
import { applyHistory, printTemplate, workloadHistory } from './history.ts';
import { applyStrategicPatch } from '../resource/strategic-merge.ts';

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

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go findHistory
function findHistory(
  toRevision: number,
  allHistory: readonly Stored<ControllerRevision>[],
): Stored<ControllerRevision> | undefined {
  if (toRevision === 0 && allHistory.length <= 1) return undefined;
  if (toRevision === 0) return [...allHistory].sort((a, b) => a.revision - b.revision)[allHistory.length - 2];
  return allHistory.find((h) => h.revision === toRevision);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go getStatefulSetPatch
/** The patch the controller stores in a revision: the pod template, replaced whole. */
function getStatefulSetPatch(sts: StatefulSet): Record<string, unknown> {
  const template = JSON.parse(JSON.stringify(sts.spec?.template ?? {})) as Record<string, unknown>;
  template.$patch = 'replace';
  return { spec: { template } };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go statefulsetMatch
/** Upstream compares the JSON bytes; both sides are encoded the same way, so key order cannot differ. */
function statefulsetMatch(sts: StatefulSet, history: ControllerRevision): boolean {
  return deepEqual(getStatefulSetPatch(sts), JSON.parse(JSON.stringify(history.data ?? null)));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go StatefulSetRollbacker.Rollback
export function rollbackStatefulSet(
  env: CommandEnv,
  namespace: string,
  name: string,
  toRevision: number,
  dryRun: DryRunStrategy,
): string | KubectlError {
  if (toRevision < 0) return revisionNotFoundErr(toRevision);
  const h = workloadHistory<StatefulSet>(env, 'StatefulSet', namespace, name);
  if (h instanceof GoError) return h;
  if (toRevision === 0 && h.history.length <= 1) return new GoError('no last revision to roll back to');
  const toHistory = findHistory(toRevision, h.history);
  if (!toHistory) return revisionNotFoundErr(toRevision);
  if (dryRun === 'client')
    return `will roll back to ${printTemplate(applyHistory(h.obj, toHistory).spec?.template)}`;
  if (statefulsetMatch(h.obj, toHistory))
    return `${rollbackSkipped} (current template already matches revision ${toRevision})`;
  // The strategic merge patch of the revision's data, sent to the apiserver.
  const patched = applyStrategicPatch(
    'StatefulSet',
    deepCopy(h.obj),
    deepCopy((toHistory.data ?? {}) as Record<string, unknown>),
  ) as unknown as Stored<StatefulSet>;
  const [, err] = env.cluster.api.update(patched, { dryRun: dryRun === 'server' });
  if (err) return new GoError(`failed restoring revision ${toRevision}: ${err.message}`);
  return rollbackSuccess;
}
