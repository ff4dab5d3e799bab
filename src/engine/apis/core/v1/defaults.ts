// Models kubernetes/pkg/apis/core/v1/defaults.go for the fields a learner sees in `-o yaml` and describe.
import type { Container, PodSpec, PodTemplateSpec, ReplicationController } from '../../../api/types.ts';

// Models kubernetes/pkg/apis/core/v1/defaults.go SetDefaults_Container
export function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy && c.image !== undefined) {
    const image = c.image;
    const at = image.indexOf('@');
    const lastSlash = image.lastIndexOf('/');
    const colon = image.lastIndexOf(':');
    const tag = at < 0 && colon > lastSlash ? image.slice(colon + 1) : at >= 0 ? '@' : '';
    c.imagePullPolicy = tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
}

// Models kubernetes/pkg/apis/core/v1/defaults.go SetDefaults_PodSpec
export function defaultPodSpec(spec: PodSpec): void {
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}

/** Defaults of a pod template as they appear in a Deployment or ReplicaSet (no pod admission). */
export function defaultPodTemplateSpec(t: PodTemplateSpec): void {
  t.metadata ??= {};
  t.spec ??= { containers: [] };
  defaultPodSpec(t.spec);
}

// Models kubernetes/pkg/apis/core/v1/defaults.go SetDefaults_ReplicationController
/** With the defaults of the fields it holds: spec.replicas (declarative: 1) and the pod template's. */
export function setDefaultsReplicationController(obj: ReplicationController): void {
  const spec = (obj.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (Object.keys(spec.selector ?? {}).length === 0) spec.selector = { ...labels };
    const meta = (obj.metadata ??= {});
    if (Object.keys(meta.labels ?? {}).length === 0) meta.labels = { ...labels };
  }
  spec.replicas ??= 1;
  if (spec.template) defaultPodTemplateSpec(spec.template);
}
