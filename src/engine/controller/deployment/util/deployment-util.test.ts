// Ports of the table tests of pkg/controller/deployment/util/deployment_util_test.go (upstream names kept).
import { describe, expect, it } from 'vitest';
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  PodTemplateSpec,
  ReplicaSet,
} from '../../../api/types.ts';
import type { IntOrString } from '../../../apimachinery/intstr.ts';
import { formatRFC3339 } from '../../../apimachinery/time.ts';
import { deepCopy } from '../../../util/copy.ts';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  getActualReplicaCountForReplicaSets,
  getDeploymentCondition,
  getNonNegativeInt32FromAnnotation,
  getReplicaCountForReplicaSets,
  getReplicaSetFraction,
  getReplicaSetProportion,
  getTerminatingReplicaCountForReplicaSets,
  isSaturated,
  maxReplicasAnnotation,
  maxUnavailable,
  minAvailable,
  newRSAvailableReason,
  newRSNewReplicas,
  removeDeploymentCondition,
  replicasAnnotationsNeedUpdate,
  resolveFenceposts,
  revisionAnnotation,
  revisionHistoryAnnotation,
  setDeploymentCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  type RSStatus,
} from './deployment-util.ts';

const hashKey = 'pod-template-hash';
let uid = 0;

// Models kubernetes/pkg/controller/deployment/util/deployment_util_test.go generateDeployment
function generateDeployment(image: string): Deployment {
  const podLabels = { name: image };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: image, annotations: {} },
    spec: {
      replicas: 1,
      selector: { matchLabels: podLabels },
      template: {
        metadata: { labels: podLabels },
        spec: {
          containers: [
            { name: image, image, imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log' },
          ],
          dnsPolicy: 'ClusterFirst',
          terminationGracePeriodSeconds: 30,
          restartPolicy: 'Always',
          securityContext: {},
          enableServiceLinks: true,
        },
      },
    },
  };
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util_test.go generateRS
function generateRS(d: Deployment): ReplicaSet {
  const template = deepCopy(d.spec!.template);
  const labels = template.metadata?.labels ?? {};
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      uid: `uid-${++uid}`,
      name: `${d.metadata!.name!}-${uid}`,
      labels,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata!.name!, uid: 'd', controller: true },
      ],
    },
    spec: { replicas: 0, template, selector: { matchLabels: labels } },
  };
}

function rolling(replicas: number, surge: IntOrString, unavailable: IntOrString): Deployment {
  return {
    spec: {
      replicas,
      selector: {},
      template: {},
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  };
}

// Models kubernetes/pkg/controller/deployment/util/deployment_util_test.go generatePodTemplateSpec
function generatePodTemplateSpec(
  name: string,
  nodeName: string,
  annotations: Record<string, string>,
  labels: Record<string, string>,
): PodTemplateSpec {
  return { metadata: { name, annotations, labels }, spec: { nodeName, containers: [] } };
}

describe('TestEqualIgnoreHash', () => {
  const t = generatePodTemplateSpec;
  const cases: [string, PodTemplateSpec, PodTemplateSpec, boolean][] = [
    [
      'Same spec, same labels',
      t('foo', 'foo-node', {}, { [hashKey]: 'value-1', something: 'else' }),
      t('foo', 'foo-node', {}, { [hashKey]: 'value-1', something: 'else' }),
      true,
    ],
    [
      'Same spec, only pod-template-hash label value is different',
      t('foo', 'foo-node', {}, { [hashKey]: 'value-1', something: 'else' }),
      t('foo', 'foo-node', {}, { [hashKey]: 'value-2', something: 'else' }),
      true,
    ],
    [
      "Same spec, the former doesn't have pod-template-hash label",
      t('foo', 'foo-node', {}, { something: 'else' }),
      t('foo', 'foo-node', {}, { [hashKey]: 'value-2', something: 'else' }),
      true,
    ],
    [
      "Same spec, the label is different, the former doesn't have pod-template-hash label, same number of labels",
      t('foo', 'foo-node', {}, { something: 'else' }),
      t('foo', 'foo-node', {}, { [hashKey]: 'value-2' }),
      false,
    ],
    [
      "Same spec, the label is different, the latter doesn't have pod-template-hash label, same number of labels",
      t('foo', 'foo-node', {}, { [hashKey]: 'value-1' }),
      t('foo', 'foo-node', {}, { something: 'else' }),
      false,
    ],
    [
      'Same spec, the label is different, and the pod-template-hash label value is the same',
      t('foo', 'foo-node', {}, { [hashKey]: 'value-1' }),
      t('foo', 'foo-node', {}, { [hashKey]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, same labels',
      t('foo', 'foo-node', { former: 'value' }, { [hashKey]: 'value-1', something: 'else' }),
      t('foo', 'foo-node', { latter: 'value' }, { [hashKey]: 'value-1', something: 'else' }),
      false,
    ],
    [
      'Different spec, different pod-template-hash label value',
      t('foo-1', 'foo-node', {}, { [hashKey]: 'value-1', something: 'else' }),
      t('foo-2', 'foo-node', {}, { [hashKey]: 'value-2', something: 'else' }),
      false,
    ],
    [
      "Different spec, the former doesn't have pod-template-hash label",
      t('foo-1', 'foo-node-1', {}, { something: 'else' }),
      t('foo-2', 'foo-node-2', {}, { [hashKey]: 'value-2', something: 'else' }),
      false,
    ],
    [
      'Different spec, different labels',
      t('foo', 'foo-node-1', {}, { something: 'else' }),
      t('foo', 'foo-node-2', {}, { nothing: 'else' }),
      false,
    ],
  ];
  it.each(cases)('%s', (_name, former, latter, expected) => {
    expect(equalIgnoreHash(former, latter)).toBe(expected);
    expect(equalIgnoreHash(latter, former)).toBe(expected);
    // The inputs keep their labels.
    expect(former.metadata?.labels).toBeDefined();
    expect(latter.metadata?.labels).toBeDefined();
  });
});

describe('TestFindNewReplicaSet / TestFindOldReplicaSets', () => {
  const now = Date.UTC(2026, 0, 5);
  const deployment = generateDeployment('nginx');
  const newRS = generateRS(deployment);
  newRS.metadata!.labels = { ...newRS.metadata!.labels, [hashKey]: 'hash' };
  newRS.metadata!.creationTimestamp = formatRFC3339(now + 60_000);
  newRS.spec!.replicas = 1;
  const newRSDup = generateRS(deployment);
  newRSDup.metadata!.labels = { ...newRSDup.metadata!.labels, [hashKey]: 'different-hash' };
  newRSDup.metadata!.creationTimestamp = formatRFC3339(now);
  const oldDeployment = generateDeployment('nginx');
  oldDeployment.spec!.template.spec!.containers[0]!.name = 'nginx-old-1';
  const oldRS = generateRS(oldDeployment);
  oldRS.metadata!.creationTimestamp = formatRFC3339(now - 60_000);

  it('Get new ReplicaSet with the same template as Deployment spec but different pod-template-hash value', () => {
    expect(findNewReplicaSet(deployment, [newRS, oldRS])).toBe(newRS);
  });
  it('Get the oldest new ReplicaSet when there are more than one ReplicaSet with the same template', () => {
    expect(findNewReplicaSet(deployment, [newRS, oldRS, newRSDup])).toBe(newRSDup);
  });
  it('Get nil new ReplicaSet', () => {
    expect(findNewReplicaSet(deployment, [oldRS])).toBeUndefined();
  });
  it('Get old ReplicaSets', () => {
    expect(findOldReplicaSets(deployment, [newRS, oldRS])).toEqual([[], [oldRS]]);
  });
  it('Get old ReplicaSets with no new ReplicaSet', () => {
    expect(findOldReplicaSets(deployment, [oldRS])).toEqual([[], [oldRS]]);
  });
  it('Get old ReplicaSets with two new ReplicaSets, only the oldest new ReplicaSet is seen as new ReplicaSet', () => {
    expect(findOldReplicaSets(deployment, [oldRS, newRS, newRSDup])).toEqual([[newRS], [oldRS, newRS]]);
  });
  it('Get empty old ReplicaSets', () => {
    expect(findOldReplicaSets(deployment, [newRS])).toEqual([[], []]);
  });
});

describe('TestGetReplicaCountForReplicaSets', () => {
  const withStatus = (spec: number, status: RSStatus): ReplicaSet => ({
    spec: { replicas: spec, selector: {} },
    status,
  });
  // rs2 is left without an observedGeneration, as in the upstream test.
  const rs1 = withStatus(1, { observedGeneration: 1, replicas: 2, terminatingReplicas: 3 });
  const rs2 = withStatus(2, { replicas: 3, terminatingReplicas: 1 });
  const rs3 = withStatus(3, { replicas: 0 });
  const rs4 = withStatus(1, { observedGeneration: 1, replicas: 1 });
  const cases: [string, ReplicaSet[], number, number, number | undefined][] = [
    ['scaling down rs1', [rs1], 1, 2, 3],
    ['scaling down rs1 and rs2', [rs1, rs2], 3, 5, 4],
    ['scaling up rs3', [rs3], 3, 0, 0],
    ['scaling down rs1 and rs2 and scaling up rs3', [rs1, rs2, rs3], 6, 5, 4],
    ['invalid/unknown terminating status for rs4', [rs4], 1, 1, undefined],
    [
      'invalid/unknown terminating status for rs4 with rs1, rs2 and rs3',
      [rs1, rs2, rs3, rs4],
      7,
      6,
      undefined,
    ],
  ];
  it.each(cases)('%s', (_n, sets, count, actual, terminating) => {
    expect(getReplicaCountForReplicaSets(sets)).toBe(count);
    expect(getActualReplicaCountForReplicaSets(sets)).toBe(actual);
    expect(getTerminatingReplicaCountForReplicaSets(sets)).toBe(terminating);
  });
});

describe('TestResolveFenceposts', () => {
  const cases: [string | undefined, string | undefined, number, number, number, boolean][] = [
    ['0%', '0%', 0, 0, 1, false],
    ['39%', '39%', 10, 4, 3, false],
    ['oops', '39%', 10, 0, 0, true],
    ['55%', 'urg', 10, 0, 0, true],
    [undefined, '39%', 10, 0, 3, false],
    ['39%', undefined, 10, 4, 0, false],
    [undefined, undefined, 10, 0, 1, false],
  ];
  it.each(cases)(
    '%s/%s of %i',
    (surge, unavailable, desired, expectSurge, expectUnavailable, expectError) => {
      const [s, u, err] = resolveFenceposts(surge, unavailable, desired);
      expect([s, u, err !== null]).toEqual([expectSurge, expectUnavailable, expectError]);
    },
  );
});

describe('TestNewRSNewReplicas', () => {
  const cases: [string, string, number, number, number, number][] = [
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ];
  it.each(cases)('%s', (_n, type, depReplicas, newRSReplicas, surge, expected) => {
    const d = generateDeployment('nginx');
    d.spec!.replicas = depReplicas;
    d.spec!.strategy = { type, rollingUpdate: { maxUnavailable: 1, maxSurge: surge } };
    const newRC = generateRS(d);
    newRC.spec!.replicas = newRSReplicas;
    const rs5 = generateRS(d);
    rs5.spec!.replicas = 5;
    expect(newRSNewReplicas(d, [rs5], newRC)).toEqual([expected, null]);
  });
});

describe('TestGetCondition / TestSetCondition / TestRemoveCondition', () => {
  const condProgressing = (): DeploymentCondition => ({
    type: 'Progressing',
    status: 'False',
    reason: 'ForSomeReason',
  });
  const condProgressing2 = (): DeploymentCondition => ({
    type: 'Progressing',
    status: 'True',
    reason: 'BecauseItIs',
  });
  const condAvailable = (): DeploymentCondition => ({
    type: 'Available',
    status: 'True',
    reason: 'AwesomeController',
  });
  const status = (): DeploymentStatus => ({ conditions: [condProgressing(), condAvailable()] });

  it('condition exists / does not exist', () => {
    expect(getDeploymentCondition(status(), 'Available')).toBeDefined();
    expect(getDeploymentCondition(status(), 'ReplicaFailure')).toBeUndefined();
  });
  it.each<[string, DeploymentStatus, DeploymentCondition, DeploymentStatus]>([
    ['set for the first time', {}, condAvailable(), { conditions: [condAvailable()] }],
    ['simple set', { conditions: [condProgressing()] }, condAvailable(), status()],
    [
      'overwrite',
      { conditions: [condProgressing()] },
      condProgressing2(),
      { conditions: [condProgressing2()] },
    ],
  ])('set: %s', (_n, s, cond, expected) => {
    setDeploymentCondition(s, cond);
    expect(s).toEqual(expected);
  });
  it.each<[string, DeploymentStatus, string, DeploymentStatus]>([
    ['remove from empty status', {}, 'Progressing', {}],
    ['simple remove', { conditions: [condProgressing()] }, 'Progressing', {}],
    ["doesn't remove anything", status(), 'ReplicaFailure', status()],
  ])('remove: %s', (_n, s, type, expected) => {
    removeDeploymentCondition(s, type);
    expect(s).toEqual(expected);
  });
});

describe('TestDeploymentComplete', () => {
  const deployment = (
    desired: number,
    current: number,
    updated: number,
    available: number,
    mu: number,
    ms: number,
  ) => {
    const d = rolling(desired, ms, mu);
    d.status = { replicas: current, updatedReplicas: updated, availableReplicas: available };
    return d;
  };
  it.each<[string, Deployment, boolean]>([
    ['not complete: min but not all pods become available', deployment(5, 5, 5, 4, 1, 0), false],
    ['not complete: min availability is not honored', deployment(5, 5, 5, 3, 1, 0), false],
    ['complete', deployment(5, 5, 5, 5, 0, 0), true],
    ['not complete: all pods are available but not updated', deployment(5, 5, 4, 5, 0, 0), false],
    ['not complete: still running old pods', deployment(1, 2, 1, 1, 0, 1), false],
    ['not complete: one replica deployment never comes up', deployment(1, 1, 1, 0, 1, 1), false],
  ])('%s', (_n, d, expected) => {
    expect(deploymentComplete(d, d.status!)).toBe(expected);
  });
});

describe('TestDeploymentProgressing', () => {
  const s = (
    replicas: number,
    updatedReplicas: number,
    readyReplicas: number,
    availableReplicas: number,
  ): DeploymentStatus => ({
    replicas,
    updatedReplicas,
    readyReplicas,
    availableReplicas,
  });
  it.each<[string, DeploymentStatus, DeploymentStatus, boolean]>([
    ['progressing: updated pods', s(10, 4, 4, 4), s(10, 6, 4, 4), true],
    ['not progressing', s(10, 4, 4, 4), s(10, 4, 4, 4), false],
    ['progressing: old pods removed', s(10, 4, 6, 6), s(8, 4, 6, 6), true],
    ['not progressing: less new pods', s(10, 7, 3, 3), s(10, 6, 3, 3), false],
    ['progressing: less overall but more new pods', s(10, 4, 7, 7), s(8, 8, 5, 5), true],
    ['progressing: more ready pods', s(10, 10, 9, 8), s(10, 10, 10, 8), true],
    ['progressing: more available pods', s(10, 10, 10, 9), s(10, 10, 10, 10), true],
  ])('%s', (_n, old, next, expected) => {
    expect(deploymentProgressing({ status: old }, next)).toBe(expected);
  });
});

describe('TestDeploymentTimedOut', () => {
  const timeFn = (min: number, sec: number) => Date.UTC(2016, 0, 1, 0, min, sec);
  const deployment = (reason: string, pds: number | undefined, from: number): Deployment => ({
    spec: { selector: {}, template: {}, ...(pds !== undefined ? { progressDeadlineSeconds: pds } : {}) },
    status: {
      conditions: [{ type: 'Progressing', status: 'True', reason, lastUpdateTime: formatRFC3339(from) }],
    },
  });
  it.each<[string, Deployment, number, boolean]>([
    [
      'nil progressDeadlineSeconds specified - no timeout',
      deployment('', undefined, timeFn(1, 9)),
      timeFn(1, 20),
      false,
    ],
    [
      'infinite progressDeadlineSeconds specified - no timeout',
      deployment('', 2147483647, timeFn(1, 9)),
      timeFn(1, 20),
      false,
    ],
    [
      'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s',
      deployment('', 10, timeFn(1, 9)),
      timeFn(1, 20),
      true,
    ],
    [
      'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s',
      deployment('', 10, timeFn(1, 11)),
      timeFn(1, 20),
      false,
    ],
    [
      'previous status was a complete deployment',
      deployment(newRSAvailableReason, undefined, 0),
      timeFn(1, 20),
      false,
    ],
  ])('%s', (_n, d, now, expected) => {
    expect(deploymentTimedOut(d, d.status!, now)).toBe(expected);
  });
});

describe('TestMaxUnavailable', () => {
  const recreate: Deployment = { spec: { selector: {}, template: {}, strategy: { type: 'Recreate' } } };
  it.each<[string, Deployment, number]>([
    ['maxUnavailable less than replicas', rolling(10, 1, 5), 5],
    ['maxUnavailable equal replicas', rolling(10, 1, 10), 10],
    ['maxUnavailable greater than replicas', rolling(5, 1, 10), 5],
    ['maxUnavailable with replicas is 0', rolling(0, 1, 10), 0],
    ['maxUnavailable with Recreate deployment strategy', recreate, 0],
    ['maxUnavailable less than replicas with percents', rolling(10, 1, '50%'), 5],
    ['maxUnavailable equal replicas with percents', rolling(10, 1, '100%'), 10],
    ['maxUnavailable greater than replicas with percents', rolling(5, 1, '100%'), 5],
  ])('%s', (_n, d, expected) => {
    expect(maxUnavailable(d)).toBe(expected);
  });
});

describe('TestMinAvailable', () => {
  const recreate: Deployment = {
    spec: { replicas: 10, selector: {}, template: {}, strategy: { type: 'Recreate' } },
  };
  it.each<[string, Deployment, number]>([
    ['replicas greater than maxUnavailable', rolling(10, 1, 5), 5],
    ['replicas equal maxUnavailable', rolling(10, 1, 10), 0],
    ['replicas less than maxUnavailable', rolling(5, 1, 10), 0],
    ['replicas is 0', rolling(0, 1, 10), 0],
    ['minAvailable with Recreate deployment strategy', recreate, 0],
    ['replicas greater than maxUnavailable with percents', rolling(10, 1, '60%'), 4],
    ['replicas equal maxUnavailable with percents', rolling(10, 1, '100%'), 0],
    ['replicas less than maxUnavailable with percents', rolling(5, 1, '100%'), 0],
  ])('%s', (_n, d, expected) => {
    expect(minAvailable(d)).toBe(expected);
  });
});

describe('TestGetNonNegativeInt32FromAnnotation', () => {
  it.each<[string, Record<string, string> | undefined, number, boolean, string]>([
    ['invalid empty', undefined, 0, false, ''],
    ['invalid', { test: 'invalid', foo: '2' }, 0, false, 'invalid syntax'],
    ['invalid negative ', { test: '-1', foo: '2' }, 0, false, 'invalid syntax'],
    ['valid zero', { test: '0', foo: '2' }, 0, true, ''],
    ['valid', { test: '13', foo: '2' }, 13, true, ''],
    ['valid max', { test: '2147483647', foo: '2' }, 2147483647, true, ''],
    ['invalid max out of range', { test: '2147483648', foo: '2' }, 0, false, 'out of range'],
    ['invalid max out of range 2', { test: '4294967296', foo: '2' }, 0, false, 'out of range'],
  ])('%s', (_n, annotations, value, valid, errText) => {
    const [v, ok, err] = getNonNegativeInt32FromAnnotation({ metadata: { annotations } }, 'test');
    expect([v, ok]).toEqual([value, valid]);
    if (errText) expect(err?.message).toContain(errText);
    else expect(err).toBeNull();
  });
});

describe('TestAnnotationUtils', () => {
  const tDeployment = generateDeployment('nginx');
  const tRS = generateRS(tDeployment);
  tDeployment.metadata!.annotations![revisionAnnotation] = '1';

  it('SetNewReplicaSetAnnotations', () => {
    for (let i = 10; i < 20; i++) {
      const nextRevision = String(i + 1);
      setNewReplicaSetAnnotations(tDeployment, tRS, nextRevision, true, 5);
      if (i >= 12) expect(tRS.metadata?.annotations?.[revisionHistoryAnnotation]).toBe(`${i - 1},${i}`);
      expect(tRS.metadata?.annotations?.[revisionAnnotation]).toBe(nextRevision);
    }
  });
  it('SetReplicasAnnotations', () => {
    expect(setReplicasAnnotations(tRS, 10, 11)).toBe(true);
    expect(tRS.metadata?.annotations?.[desiredReplicasAnnotation]).toBe('10');
    expect(tRS.metadata?.annotations?.[maxReplicasAnnotation]).toBe('11');
  });
  it('IsSaturated', () => {
    tRS.metadata!.annotations![desiredReplicasAnnotation] = '1';
    tRS.status = { replicas: 1, availableReplicas: 1 };
    tRS.spec!.replicas = 1;
    expect(isSaturated(tDeployment, tRS)).toBe(true);
  });
});

describe('TestReplicasAnnotationsNeedUpdate', () => {
  const rsWith = (annotations?: Record<string, string>): ReplicaSet => ({
    metadata: { name: 'hello', annotations },
  });
  it.each<[string, ReplicaSet, boolean]>([
    ['test Annotations nil', rsWith(), true],
    [
      'test desiredReplicas update',
      rsWith({ [desiredReplicasAnnotation]: '8', [maxReplicasAnnotation]: '20' }),
      true,
    ],
    [
      'test maxReplicas update',
      rsWith({ [desiredReplicasAnnotation]: '10', [maxReplicasAnnotation]: '16' }),
      true,
    ],
    [
      "test needn't update",
      rsWith({ [desiredReplicasAnnotation]: '10', [maxReplicasAnnotation]: '20' }),
      false,
    ],
  ])('%s', (_n, r, expected) => {
    expect(replicasAnnotationsNeedUpdate(r, 10, 20)).toBe(expected);
  });
});

describe('TestGetReplicaSetFraction', () => {
  it.each<[string, number, number, number, number, Record<string, string> | undefined, number]>([
    ['empty deployment always scales to 0', 0, 0, 0, 10, undefined, -10],
    [
      'unsynced deployment does not scale when max-replicas annotation is missing (removed by a 3rd party)',
      10,
      0,
      0,
      5,
      undefined,
      0,
    ],
    [
      'unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0 (by a 3rd party)',
      10,
      0,
      0,
      5,
      { [maxReplicasAnnotation]: '0' },
      0,
    ],
    [
      'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing (removed by a 3rd party)',
      120,
      100,
      0,
      50,
      undefined,
      10,
    ],
    [
      'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is incorrectly set to 0 (by a 3rd party)',
      120,
      100,
      0,
      50,
      { [maxReplicasAnnotation]: '0' },
      10,
    ],
    [
      'scale up by 1/5 should increase RS replicas by 1/5',
      120,
      0,
      0,
      50,
      { [maxReplicasAnnotation]: '100' },
      10,
    ],
    [
      'scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5',
      120,
      0,
      10,
      50,
      { [maxReplicasAnnotation]: '110' },
      9,
    ],
    [
      'scale down by 1/6 should decrease RS replicas by 1/6',
      10,
      0,
      0,
      6,
      { [maxReplicasAnnotation]: '12' },
      -1,
    ],
    [
      'scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6',
      100,
      0,
      10,
      50,
      { [maxReplicasAnnotation]: '130' },
      -8,
    ],
  ])('%s', (_n, dReplicas, statusReplicas, surge, rsReplicas, annotations, expected) => {
    const d = rolling(dReplicas, surge, 1);
    d.status = { replicas: statusReplicas };
    const r: ReplicaSet = { metadata: { annotations }, spec: { replicas: rsReplicas, selector: {} } };
    expect(getReplicaSetFraction(r, d)).toBe(expected);
  });

  it('GetReplicaSetProportion caps the fraction by what is left to add or remove', () => {
    const d = rolling(120, 0, 1);
    const r: ReplicaSet = {
      metadata: { annotations: { [maxReplicasAnnotation]: '100' } },
      spec: { replicas: 50, selector: {} },
    };
    expect(getReplicaSetProportion(r, d, 20, 15)).toBe(5);
    expect(getReplicaSetProportion(r, d, 20, 20)).toBe(0);
    expect(getReplicaSetProportion({ spec: { replicas: 0, selector: {} } }, d, 20, 0)).toBe(0);
    const down = rolling(10, 0, 1);
    const r6: ReplicaSet = {
      metadata: { annotations: { [maxReplicasAnnotation]: '12' } },
      spec: { replicas: 6, selector: {} },
    };
    expect(getReplicaSetProportion(r6, down, -2, 0)).toBe(-1);
    expect(getReplicaSetProportion(r6, down, -2, -2)).toBe(0);
  });
});
