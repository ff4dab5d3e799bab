// Defaulting, validation and generation of apps/v1 StatefulSets through the apiserver, with the messages the
// v1.36 apiserver returns (kubectl prefixes them with "The ").
import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../../../api/types.ts';
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

function web(mutate: (s: StatefulSet) => void = () => {}): StatefulSet {
  const s: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  };
  mutate(s);
  return s;
}

const createError = (s: StatefulSet) => server().create(s)[1]?.message;

describe('SetDefaults_StatefulSet', () => {
  it('defaults policy, strategy (partition 0, maxUnavailable 1), retention, replicas, history and claim templates', () => {
    const [s] = server().create(web());
    expect(s!.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      revisionHistoryLimit: 10,
    });
    expect(s!.spec!.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' });
    expect(s!.spec!.volumeClaimTemplates![0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    });
    expect(s!.status).toEqual({ replicas: 0, availableReplicas: 0 });
    expect(s!.metadata.generation).toBe(1);
  });

  it('leaves rollingUpdate nil when only the type RollingUpdate is given', () => {
    const [s] = server().create(web((x) => (x.spec!.updateStrategy = { type: 'RollingUpdate' })));
    expect(s!.spec!.updateStrategy).toEqual({ type: 'RollingUpdate' });
  });
});

describe('ValidateStatefulSet', () => {
  it.each<[string, (s: StatefulSet) => void, string]>([
    [
      'selector does not match template labels',
      (s) => (s.spec!.selector = { matchLabels: { app: 'web' } }),
      'StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    ],
    [
      'empty selector',
      (s) => (s.spec!.selector = {}),
      'StatefulSet.apps "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for statefulset',
    ],
    [
      'unknown pod management policy',
      (s) => (s.spec!.podManagementPolicy = 'Ordered'),
      'StatefulSet.apps "web" is invalid: spec.podManagementPolicy: Invalid value: "Ordered": must be \'OrderedReady\' or \'Parallel\'',
    ],
    [
      'OnDelete with rollingUpdate',
      (s) => (s.spec!.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 0 } }),
      'StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy \'RollingUpdate\'',
    ],
    [
      'negative partition',
      (s) => (s.spec!.updateStrategy = { rollingUpdate: { partition: -1 } }),
      'StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'maxUnavailable 0',
      (s) => (s.spec!.updateStrategy = { rollingUpdate: { maxUnavailable: 0 } }),
      'StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0',
    ],
    [
      'unknown retention policy',
      (s) => (s.spec!.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' }),
      'StatefulSet.apps "web" is invalid: spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ],
    [
      'negative replicas',
      (s) => (s.spec!.replicas = -1),
      'StatefulSet.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'name not a DNS label',
      (s) => (s.metadata!.name = 'web.v1'),
      "StatefulSet.apps \"web.v1\" is invalid: metadata.name: Invalid value: \"web.v1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ],
    [
      'restartPolicy other than Always',
      (s) => (s.spec!.template.spec!.restartPolicy = 'Never'),
      'StatefulSet.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
  ])('%s', (_n, mutate, message) => {
    expect(createError(web(mutate))).toBe(message);
  });
});

describe('ValidateStatefulSetUpdate', () => {
  const forbidden =
    "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

  it.each<[string, (s: StatefulSet) => void]>([
    ['serviceName', (s) => (s.spec!.serviceName = 'other')],
    ['podManagementPolicy', (s) => (s.spec!.podManagementPolicy = 'Parallel')],
    ['volumeClaimTemplates', (s) => (s.spec!.volumeClaimTemplates = [])],
  ])('forbids changing %s', (_n, mutate) => {
    const api = server();
    const [s] = api.create(web());
    const next = deepCopy(s!);
    mutate(next);
    expect(api.update(next)[1]?.message).toBe(forbidden);
  });

  it('allows replicas, template, updateStrategy and minReadySeconds, and bumps the generation', () => {
    const api = server();
    const [s] = api.create(web());
    const next = deepCopy(s!);
    next.spec!.replicas = 3;
    next.spec!.minReadySeconds = 5;
    next.spec!.template.spec!.containers[0]!.image = 'nginx:1.26';
    next.spec!.updateStrategy = { type: 'OnDelete' };
    const [updated, err] = api.update(next);
    expect(err).toBeNull();
    expect(updated!.metadata.generation).toBe(2);
  });

  it("rejects switching to OnDelete while the defaulted rollingUpdate stays (the seed's kubectl patch)", () => {
    const api = server();
    const [s] = api.create(web());
    const next = deepCopy(s!);
    next.spec!.updateStrategy!.type = 'OnDelete';
    expect(api.update(next)[1]?.message).toBe(
      'StatefulSet.apps "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(0xc000b2e3a8)}: only allowed for updateStrategy \'RollingUpdate\'',
    );
  });
});
