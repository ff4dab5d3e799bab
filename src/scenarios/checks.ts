// Evaluates a step's outcome check against the cluster (and the commands run so far).
import type { Cluster, Deployment, Pod, ReplicaSet } from '../engine/index.ts';
import type { Check } from './schema.ts';

export interface CheckContext {
  cluster: Cluster;
  commands: readonly string[];
}

function deploymentComplete(
  check: Extract<Check, { type: 'deploymentComplete' }>,
  cluster: Cluster,
): boolean {
  const ns = check.namespace ?? 'default';
  const d = cluster.api.get<Deployment>('Deployment', ns, check.name);
  if (!d) return false;
  const replicas = d.spec?.replicas ?? 1;
  const st = d.status ?? {};
  if (check.replicas !== undefined && replicas !== check.replicas) return false;
  if (
    check.image !== undefined &&
    !(d.spec?.template.spec?.containers ?? []).some((c) => c.image === check.image)
  )
    return false;
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go DeploymentStatusViewer.Status
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return false;
  if ((st.updatedReplicas ?? 0) < replicas) return false;
  if ((st.replicas ?? 0) > (st.updatedReplicas ?? 0)) return false;
  if ((st.availableReplicas ?? 0) < (st.updatedReplicas ?? 0)) return false;
  if (check.settled) {
    const mine = cluster.api
      .listOwnedBy<ReplicaSet>('ReplicaSet', d.metadata.uid)
      .flatMap((rs) => cluster.api.listOwnedBy<Pod>('Pod', rs.metadata.uid));
    if (mine.some((p) => p.metadata.deletionTimestamp)) return false;
    if (mine.length !== replicas) return false;
  }
  return true;
}

export function evaluateCheck(check: Check, ctx: CheckContext): boolean {
  switch (check.type) {
    case 'deploymentComplete':
      return deploymentComplete(check, ctx.cluster);
    case 'commandRun': {
      const re = new RegExp(check.pattern);
      return ctx.commands.some((c) => re.test(c.trim()));
    }
    case 'all':
      return check.checks.every((c) => evaluateCheck(c, ctx));
  }
}
