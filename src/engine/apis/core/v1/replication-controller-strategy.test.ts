// Defaulting, validation and generation of core/v1 ReplicationControllers through the apiserver, with the
// exact messages the v1.36 apiserver returns (kubectl prefixes them with "The ").
import { describe, expect, it } from 'vitest';
import type { ReplicationController } from '../../../api/types.ts';
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

/** The seed's api-rc (kubectl rolling-update tutorial), changed by `mutate`. */
function rc(mutate: (rc: ReplicationController) => void = () => {}): ReplicationController {
  const o: ReplicationController = {
    kind: 'ReplicationController',
    apiVersion: 'v1',
    metadata: { name: 'api-rc', labels: { name: 'api-rc' } },
    spec: {
      replicas: 3,
      selector: { name: 'api-pods' },
      template: {
        metadata: { labels: { name: 'api-pods' } },
        spec: {
          containers: [
            {
              name: 'node-api-container',
              image: 'asia.gcr.io/xxxxx/node-api:1.0.0',
              ports: [{ containerPort: 3000, protocol: 'TCP' }],
            },
          ],
        },
      },
    },
  };
  mutate(o);
  return o;
}

const createError = (o: ReplicationController) => server().create(o)[1]?.message;

describe('SetDefaults_ReplicationController', () => {
  it('keeps a given selector, labels and replicas and defaults the pod template', () => {
    const [created] = server().create(rc());
    expect(created!.apiVersion).toBe('v1');
    expect(created!.metadata.labels).toEqual({ name: 'api-rc' });
    expect(created!.metadata.generation).toBe(1);
    expect(created!.status).toEqual({ replicas: 0 });
    expect(created!.spec).toEqual({
      replicas: 3,
      selector: { name: 'api-pods' },
      template: {
        metadata: { labels: { name: 'api-pods' } },
        spec: {
          containers: [
            {
              name: 'node-api-container',
              image: 'asia.gcr.io/xxxxx/node-api:1.0.0',
              ports: [{ containerPort: 3000, protocol: 'TCP' }],
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
  });

  it('defaults the selector, the labels and replicas (1) from the template', () => {
    const [created] = server().create(
      rc((o) => {
        delete o.metadata!.labels;
        delete o.spec!.selector;
        delete o.spec!.replicas;
      }),
    );
    expect(created!.metadata.labels).toEqual({ name: 'api-pods' });
    expect(created!.spec!.selector).toEqual({ name: 'api-pods' });
    expect(created!.spec!.replicas).toBe(1);
  });

  it('an empty selector or empty labels count as unset', () => {
    const [created] = server().create(
      rc((o) => {
        o.metadata!.labels = {};
        o.spec!.selector = {};
      }),
    );
    expect(created!.metadata.labels).toEqual({ name: 'api-pods' });
    expect(created!.spec!.selector).toEqual({ name: 'api-pods' });
  });

  it('a template without labels defaults nothing from it', () => {
    const api = server();
    const [, err] = api.create(
      rc((o) => {
        delete o.metadata!.labels;
        delete o.spec!.selector;
        delete o.spec!.template!.metadata;
      }),
    );
    expect(err!.message).toBe('ReplicationController "api-rc" is invalid: spec.selector: Required value');
  });

  it('explicit replicas 0 stay 0', () => {
    const [created] = server().create(rc((o) => (o.spec!.replicas = 0)));
    expect(created!.spec!.replicas).toBe(0);
  });
});

// Models kubernetes/pkg/apis/core/validation/validation_test.go TestValidateReplicationController (error cases)
describe('ValidateReplicationController', () => {
  const cases: [string, (o: ReplicationController) => void, string][] = [
    [
      'zero-length ID is refused before validation (name or generateName)',
      (o) => (o.metadata!.name = ''),
      'ReplicationController "" is invalid: metadata.name: Required value: name or generateName is required',
    ],
    [
      'invalid name',
      (o) => (o.metadata!.name = 'Api_RC'),
      "ReplicationController \"Api_RC\" is invalid: metadata.name: Invalid value: \"Api_RC\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      'selector_doesnt_match',
      (o) => (o.spec!.selector = { foo: 'bar' }),
      'ReplicationController "api-rc" is invalid: spec.template.metadata.labels: Invalid value: {"name":"api-pods"}: `selector` does not match template `labels`',
    ],
    [
      'selector_doesnt_match (a key the template lacks)',
      (o) => (o.spec!.selector = { name: 'api-pods', version: '1453323827' }),
      'ReplicationController "api-rc" is invalid: spec.template.metadata.labels: Invalid value: {"name":"api-pods"}: `selector` does not match template `labels`',
    ],
    [
      'invalid manifest',
      (o) => delete o.spec!.template,
      'ReplicationController "api-rc" is invalid: spec.template: Required value',
    ],
    [
      'empty selector and no template',
      (o) => {
        delete o.spec!.selector;
        delete o.spec!.template;
      },
      'ReplicationController "api-rc" is invalid: [spec.selector: Required value, spec.template: Required value]',
    ],
    [
      'negative_replicas',
      (o) => (o.spec!.replicas = -1),
      'ReplicationController "api-rc" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'negative minReadySeconds',
      (o) => (o.spec!.minReadySeconds = -1),
      'ReplicationController "api-rc" is invalid: spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'invalid restart policy 1',
      (o) => (o.spec!.template!.spec!.restartPolicy = 'OnFailure'),
      'ReplicationController "api-rc" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ],
    [
      'invalid restart policy 2',
      (o) => (o.spec!.template!.spec!.restartPolicy = 'Never'),
      'ReplicationController "api-rc" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'activeDeadlineSeconds',
      (o) => (o.spec!.template!.spec!.activeDeadlineSeconds = 10),
      'ReplicationController "api-rc" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
    ],
    [
      'no containers',
      (o) => (o.spec!.template!.spec!.containers = []),
      'ReplicationController "api-rc" is invalid: spec.template.spec.containers: Required value',
    ],
    [
      'missing image',
      (o) => delete o.spec!.template!.spec!.containers[0]!.image,
      'ReplicationController "api-rc" is invalid: spec.template.spec.containers[0].image: Required value',
    ],
    [
      'several errors, in upstream order',
      (o) => {
        o.spec!.replicas = -2;
        o.spec!.selector = { foo: 'bar' };
        o.spec!.template!.spec!.restartPolicy = 'Never';
      },
      'ReplicationController "api-rc" is invalid: [spec.replicas: Invalid value: -2: must be greater than or equal to 0, spec.template.metadata.labels: Invalid value: {"name":"api-pods"}: `selector` does not match template `labels`, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]',
    ],
  ];
  for (const [name, mutate, message] of cases) {
    it(name, () => expect(createError(rc(mutate))).toBe(message));
  }

  it('a valid RC is accepted', () => {
    expect(createError(rc())).toBeUndefined();
  });
});

describe('rcStrategy updates', () => {
  function stored(api: ApiServer) {
    return deepCopy(api.get<ReplicationController>('ReplicationController', 'default', 'api-rc')!);
  }

  it('bumps the generation on spec changes only and keeps the status', () => {
    const api = server();
    api.create(rc());
    const st = stored(api);
    st.status = { replicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 };
    api.update(st, { status: true });

    const labelsOnly = stored(api);
    labelsOnly.metadata.labels = { name: 'api-rc', extra: 'x' };
    labelsOnly.status = { replicas: 99 };
    const [a] = api.update(labelsOnly);
    expect(a!.metadata.generation).toBe(1);
    expect(a!.status).toEqual({ replicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });

    const scaled = stored(api);
    scaled.spec!.replicas = 5;
    const [b] = api.update(scaled);
    expect(b!.metadata.generation).toBe(2);
    expect(b!.status!.replicas).toBe(3);
  });

  it('the status subresource changes only the status', () => {
    const api = server();
    api.create(rc());
    const st = stored(api);
    st.spec!.replicas = 7;
    st.status = { replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 };
    const [u] = api.update(st, { status: true });
    expect(u!.spec!.replicas).toBe(3);
    expect(u!.metadata.generation).toBe(1);
    expect(u!.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
  });

  it('the selector may change (unlike a ReplicaSet’s), and is validated again', () => {
    const api = server();
    api.create(rc());
    const moved = stored(api);
    moved.spec!.selector = { name: 'api-pods', deployment: 'abc' };
    moved.spec!.template!.metadata!.labels = { name: 'api-pods', deployment: 'abc' };
    const [ok, err] = api.update(moved);
    expect(err).toBeNull();
    expect(ok!.spec!.selector).toEqual({ name: 'api-pods', deployment: 'abc' });
    expect(ok!.metadata.generation).toBe(2);

    const bad = stored(api);
    bad.spec!.selector = { name: 'other' };
    expect(api.update(bad)[1]!.message).toBe(
      'ReplicationController "api-rc" is invalid: spec.template.metadata.labels: Invalid value: {"deployment":"abc","name":"api-pods"}: `selector` does not match template `labels`',
    );
  });

  it('defaults apply on update too: a removed selector comes back from the template', () => {
    const api = server();
    api.create(rc());
    const o = stored(api);
    delete o.spec!.selector;
    const [u] = api.update(o);
    expect(u!.spec!.selector).toEqual({ name: 'api-pods' });
    expect(u!.metadata.generation).toBe(1);
  });
});
