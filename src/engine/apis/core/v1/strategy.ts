// Registry strategies for core/v1 kinds: pod admission and defaults, nodes, services.
import type { Node, Pod, Service } from '../../../api/types.ts';
import type { Strategy } from '../../../apiserver/strategy.ts';
import type { FieldError } from '../../../apiserver/errors.ts';
import { defaultPodSpec } from './defaults.ts';
import { ServiceAllocator, prepareServiceForCreate, validateService } from './service.ts';

// Models kubernetes/plugin/pkg/admission/defaulttolerationseconds/admission.go (300 s for not-ready/unreachable)
const defaultTolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

export function validateContainers(
  containers: Pod['spec'] extends infer S ? (S extends { containers: infer C } ? C : never) : never,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!containers || containers.length === 0) errs.push({ type: 'Required', field: path });
  const names = new Set<string>();
  (containers ?? []).forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) errs.push({ type: 'Required', field: `${p}.name` });
    else if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(c.name) || c.name.length > 63)
      errs.push({
        type: 'Invalid',
        field: `${p}.name`,
        value: JSON.stringify(c.name),
        detail:
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      });
    else if (names.has(c.name))
      errs.push({ type: 'Duplicate', field: `${p}.name`, value: JSON.stringify(c.name) });
    names.add(c.name ?? '');
    if (!c.image || c.image.trim() === '') errs.push({ type: 'Required', field: `${p}.image` });
  });
  return errs;
}

export const podStrategy: Strategy<Pod> = {
  prepareForCreate(pod, ctx) {
    const spec = (pod.spec ??= { containers: [] });
    defaultPodSpec(spec);
    pod.spec.enableServiceLinks ??= true;
    // Models kubernetes/plugin/pkg/admission/priority/admission.go for the two built-in classes.
    const classes: Record<string, number> = {
      'system-node-critical': 2000001000,
      'system-cluster-critical': 2000000000,
    };
    pod.spec.priority ??= classes[pod.spec.priorityClassName ?? ''] ?? 0;
    pod.spec.preemptionPolicy ??= 'PreemptLowerPriority';
    pod.spec.serviceAccountName ??= 'default';
    pod.spec.serviceAccount ??= pod.spec.serviceAccountName;
    const tolerations = (pod.spec.tolerations ??= []);
    for (const t of defaultTolerations) {
      if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push({ ...t });
    }
    // Models kubernetes/plugin/pkg/admission/serviceaccount/admission.go: the projected API access volume.
    if (
      pod.spec.automountServiceAccountToken !== false &&
      !pod.spec.volumes?.some((v) => v.name.startsWith('kube-api-access-'))
    ) {
      const volName = `kube-api-access-${ctx.randString(5)}`;
      (pod.spec.volumes ??= []).push({
        name: volName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            {
              downwardAPI: {
                items: [
                  { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
                ],
              },
            },
          ],
        },
      });
      for (const c of pod.spec.containers) {
        (c.volumeMounts ??= []).push({
          name: volName,
          readOnly: true,
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
        });
      }
    }
    pod.status = { phase: 'Pending', qosClass: 'BestEffort', ...(pod.status ?? {}) };
  },
  validate(pod) {
    return validateContainers(pod.spec?.containers ?? [], 'spec.containers');
  },
};

export const nodeStrategy: Strategy<Node> = {};

/** The Service strategy owns an allocator, so each apiserver gets its own. */
export function serviceStrategy(randInt: (from: number, to: number) => number): Strategy<Service> {
  const alloc = new ServiceAllocator(randInt);
  return {
    prepareForCreate: (svc, ctx) => prepareServiceForCreate(svc, ctx, alloc),
    prepareForUpdate(svc, old) {
      // clusterIP and nodePorts are kept unless set; type changes allocate as needed.
      const spec = (svc.spec ??= {});
      spec.clusterIP ??= old.spec?.clusterIP;
      spec.clusterIPs ??= old.spec?.clusterIPs;
      spec.ipFamilies ??= old.spec?.ipFamilies;
      spec.ipFamilyPolicy ??= old.spec?.ipFamilyPolicy;
      spec.sessionAffinity ??= 'None';
      spec.internalTrafficPolicy ??= 'Cluster';
      spec.type ??= 'ClusterIP';
      for (const p of spec.ports ?? []) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
        const was = old.spec?.ports?.find((o) => o.port === p.port && o.protocol === p.protocol);
        if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !p.nodePort)
          p.nodePort = was?.nodePort ?? alloc.allocatePort();
      }
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
      svc.status ??= old.status;
    },
    validate: validateService,
    release: (svc) => alloc.release(svc),
  };
}
