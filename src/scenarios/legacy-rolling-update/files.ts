// The learner's virtual home for the legacy rolling-update tutorial (seed 003): the JSON specs of a GKE v1.1
// era API, written in the seed's shape with our own image names (a project registry `rollout-lab`).

export const registry = 'asia.gcr.io/rollout-lab';
export const api100 = `${registry}/node-api:1.0.0`;
export const api101 = `${registry}/node-api:1.0.1`;
export const fluentd = `${registry}/fluentd:1.0.0`;

/** The label value the seed's versioned RC carries (a Unix time, when that RC was first written). */
export const firstVersion = '1453323827';

interface RcSpec {
  name: string;
  selector: Record<string, string>;
  images: string[];
}

const containers = (images: string[]) =>
  images.map((image) =>
    image.includes('/fluentd:')
      ? { name: 'fluentd-container', image, ports: [{ containerPort: 24224, protocol: 'TCP' }] }
      : { name: 'node-api-container', image, ports: [{ containerPort: 3000, protocol: 'TCP' }] },
  );

/** A ReplicationController of 3 API Pods, as JSON with 2-space indentation. */
function rc({ name, selector, images }: RcSpec): string {
  return `${JSON.stringify(
    {
      kind: 'ReplicationController',
      apiVersion: 'v1',
      metadata: { name, labels: { name } },
      spec: {
        replicas: 3,
        selector,
        template: { metadata: { labels: selector }, spec: { containers: containers(images) } },
      },
    },
    null,
    2,
  )}\n`;
}

const apiPods = { name: 'api-pods' };

/** Part 1: one container per Pod. */
export const apiRc = rc({ name: 'api-rc', selector: apiPods, images: [api100] });

/** The Service in front of the API Pods: it selects `name=api-pods` only, whatever the version. */
export const apiSrv = `${JSON.stringify(
  {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name: 'api-srv', labels: { name: 'api-srv' } },
    spec: {
      type: 'LoadBalancer',
      ports: [{ port: 3000, targetPort: 3000, protocol: 'TCP' }],
      selector: apiPods,
    },
  },
  null,
  2,
)}\n`;

/** Part 2: the API with a fluentd sidecar, still named api-rc and selecting only `name`. */
export const apiRcMulti = rc({ name: 'api-rc', selector: apiPods, images: [api100, fluentd] });
/** The next version under the same name: refused (a new RC needs a new name). */
export const apiRcMultiNext = rc({ name: 'api-rc', selector: apiPods, images: [api101, fluentd] });
/** …renamed, but with the same selector: refused again (old and new Pods must be told apart). */
export const apiRcV2 = rc({ name: 'api-rc-v2', selector: apiPods, images: [api101, fluentd] });
/** Part 3: the fix — a `version` label in the selector and the Pods, and the version in the RC's name. */
export const apiRcVersioned = rc({
  name: `api-rc-${firstVersion}`,
  selector: { ...apiPods, version: firstVersion },
  images: [api100, fluentd],
});

/**
 * The seed's last command: find the current RC, take the time as the new version, and hand the new RC to
 * rolling-update through a heredoc (its `${…}` are expanded by the shell). Compact JSON keeps it short.
 */
export const versionedUpdate = [
  `CURRENT_RC_NAME=$(kubectl get rc | grep '^api-rc' | cut -d ' ' -f 1)`,
  `CURRENT_UNIXTIME=$(date +'%s')`,
  [
    'cat << EOS | kubectl rolling-update ${CURRENT_RC_NAME} -f -',
    '{"kind": "ReplicationController", "apiVersion": "v1",',
    ' "metadata": {"name": "api-rc-${CURRENT_UNIXTIME}", "labels": {"name": "api-rc-${CURRENT_UNIXTIME}"}},',
    ' "spec": {"replicas": 3,',
    '  "selector": {"name": "api-pods", "version": "${CURRENT_UNIXTIME}"},',
    '  "template": {"metadata": {"labels": {"name": "api-pods", "version": "${CURRENT_UNIXTIME}"}},',
    '   "spec": {"containers": [',
    `    {"name": "node-api-container", "image": "${api101}", "ports": [{"containerPort": 3000}]},`,
    `    {"name": "fluentd-container", "image": "${fluentd}", "ports": [{"containerPort": 24224}]}]}}}}`,
    'EOS',
  ].join('\n'),
] as const;
