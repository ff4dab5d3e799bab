// Defaulting, validation and generation of apps/v1 Deployments and ReplicaSets through the apiserver, with the
// exact messages the v1.36 apiserver returns (kubectl prefixes them with "The ").
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../api/types.ts';
import { ApiServer } from '../../../apiserver/apiserver.ts';
import { VirtualClock } from '../../../clock/clock.ts';
import { Rand } from '../../../rand/rand.ts';
import { deepCopy } from '../../../util/copy.ts';
import { registerStrategies } from '../../install.ts';

function server(): ApiServer {
  const api = new ApiServer(new VirtualClock(), new Rand(1));
  registerStrategies(api);
  return api;
}

function deployment(mutate: (d: Deployment) => void = () => {}): Deployment {
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
      },
    },
  };
  mutate(d);
  return d;
}

const createError = (d: Deployment | ReplicaSet) => {
  const [, err] = server().create(d);
  return err?.message;
};

describe('SetDefaults_Deployment', () => {
  it('defaults replicas, strategy, history, deadline and the pod template', () => {
    const [d] = server().create(deployment());
    expect(d!.spec).toEqual({
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.17',
              imagePullPolicy: 'IfNotPresent',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              resources: {},
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
    });
    expect(d!.metadata.generation).toBe(1);
    expect(d!.status).toEqual({});
  });

  it('keeps given values and does not add rollingUpdate to Recreate', () => {
    const [d] = server().create(
      deployment((x) => {
        x.spec!.replicas = 0;
        x.spec!.strategy = { type: 'Recreate' };
        x.spec!.revisionHistoryLimit = 0;
      }),
    );
    expect(d!.spec).toMatchObject({ replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 });
    expect(d!.spec!.strategy).not.toHaveProperty('rollingUpdate');
  });

  it('fills only the missing half of rollingUpdate', () => {
    const [d] = server().create(deployment((x) => (x.spec!.strategy = { rollingUpdate: { maxSurge: 0 } })));
    expect(d!.spec!.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 0, maxUnavailable: '25%' },
    });
  });
});

describe('ValidateDeployment', () => {
  const labelsMismatch =
    'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`';
  it.each<[string, (d: Deployment) => void, string]>([
    [
      'missing selector',
      (d) => delete (d.spec as { selector?: unknown }).selector,
      `Deployment.apps "web" is invalid: [spec.selector: Required value, ${labelsMismatch}]`,
    ],
    [
      'selector does not match template labels',
      (d) => (d.spec!.selector = { matchLabels: { app: 'api' } }),
      `Deployment.apps "web" is invalid: ${labelsMismatch}`,
    ],
    [
      'empty selector',
      (d) => (d.spec!.selector = {}),
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ],
    [
      'negative replicas',
      (d) => (d.spec!.replicas = -1),
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'maxSurge and maxUnavailable both 0',
      (d) =>
        (d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxSurge and maxUnavailable both 0%',
      (d) => (d.spec!.strategy = { rollingUpdate: { maxSurge: '0%', maxUnavailable: '0%' } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0',
    ],
    [
      'maxUnavailable over 100%',
      (d) => (d.spec!.strategy = { rollingUpdate: { maxUnavailable: '110%' } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 110%: must not be greater than 100%',
    ],
    [
      'maxSurge not a percent',
      (d) => (d.spec!.strategy = { rollingUpdate: { maxSurge: '1.5' } }),
      "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: 1.5: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ],
    [
      'negative maxUnavailable',
      (d) => (d.spec!.strategy = { rollingUpdate: { maxUnavailable: -1 } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'unsupported strategy type',
      (d) => (d.spec!.strategy = { type: 'BlueGreen' }),
      'Deployment.apps "web" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ],
    [
      'Recreate with rollingUpdate',
      (d) => (d.spec!.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'',
    ],
    [
      'container without image',
      (d) => delete d.spec!.template.spec!.containers[0]!.image,
      'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value',
    ],
    [
      'restartPolicy other than Always',
      (d) => (d.spec!.template.spec!.restartPolicy = 'OnFailure'),
      'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ],
    [
      'progressDeadlineSeconds not above minReadySeconds',
      (d) => {
        d.spec!.minReadySeconds = 10;
        d.spec!.progressDeadlineSeconds = 10;
      },
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    ],
    [
      'name not a DNS subdomain',
      (d) => (d.metadata!.name = 'Web'),
      "Deployment.apps \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      'bad selector operator',
      (d) => (d.spec!.selector = { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] }),
      'Deployment.apps "web" is invalid: [spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator, spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["web"]}]}: invalid label selector]',
    ],
  ])('%s', (_n, mutate, message) => {
    expect(createError(deployment(mutate))).toBe(message);
  });

  it('accepts matchExpressions that match the template', () => {
    expect(
      createError(
        deployment(
          (d) => (d.spec!.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] }),
        ),
      ),
    ).toBeUndefined();
  });
});

describe('ValidateDeploymentUpdate', () => {
  it('rejects a changed selector: field is immutable', () => {
    const api = server();
    const [d] = api.create(deployment());
    const next = deepCopy(d!);
    next.spec!.selector = { matchLabels: { app: 'web2' } };
    next.spec!.template.metadata!.labels = { app: 'web2' };
    const [, err] = api.update(next);
    expect(err?.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
    );
  });

  it('bumps the generation on spec and annotation changes, not on the revision annotation alone', () => {
    const api = server();
    const [d] = api.create(deployment());
    const withRevision = deepCopy(d!);
    withRevision.metadata.annotations = { 'deployment.kubernetes.io/revision': '1' };
    expect(api.update(withRevision)[0]!.metadata.generation).toBe(1);
    const annotated = deepCopy(api.get<Deployment>('Deployment', 'default', 'web')!);
    annotated.metadata.annotations = { ...annotated.metadata.annotations, 'kubernetes.io/change-cause': 'x' };
    expect(api.update(annotated)[0]!.metadata.generation).toBe(2);
    const scaled = deepCopy(api.get<Deployment>('Deployment', 'default', 'web')!);
    scaled.spec!.replicas = 3;
    expect(api.update(scaled)[0]!.metadata.generation).toBe(3);
    const status = deepCopy(api.get<Deployment>('Deployment', 'default', 'web')!);
    status.status = { observedGeneration: 3 };
    expect(api.update(status, { status: true })[0]!.metadata.generation).toBe(3);
  });
});

describe('ValidateReplicaSet', () => {
  const replicaSet = (mutate: (r: ReplicaSet) => void = () => {}): ReplicaSet => {
    const r: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
        },
      },
    };
    mutate(r);
    return r;
  };

  it('defaults replicas to 1 and starts with replicas 0 in status', () => {
    const [r] = server().create(replicaSet());
    expect(r!.spec!.replicas).toBe(1);
    expect(r!.status).toEqual({ replicas: 0 });
    expect(r!.spec!.template!.spec!.containers[0]!.imagePullPolicy).toBe('Always');
  });

  it.each<[string, (r: ReplicaSet) => void, string]>([
    [
      'negative replicas',
      (r) => (r.spec!.replicas = -2),
      'ReplicaSet.apps "web-abc" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0',
    ],
    [
      'selector does not match template labels',
      (r) => (r.spec!.selector = { matchLabels: { app: 'x' } }),
      'ReplicaSet.apps "web-abc" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ],
  ])('%s', (_n, mutate, message) => {
    expect(createError(replicaSet(mutate))).toBe(message);
  });

  it('rejects a changed selector on update', () => {
    const api = server();
    const [r] = api.create(replicaSet());
    const next = deepCopy(r!);
    next.spec!.selector = { matchLabels: { app: 'web', tier: 'x' } };
    next.spec!.template!.metadata!.labels = { app: 'web', tier: 'x' };
    expect(api.update(next)[1]?.message).toBe(
      'ReplicaSet.apps "web-abc" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable',
    );
  });
});
