import { describe, expect, test } from 'vitest';
import { applyStrategicPatch, createThreeWayMergePatch, goSprint } from './strategic-merge.ts';

const deployment = (image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    template: { spec: { containers: [{ name: 'nginx', image, ...extra }] } },
  },
});

// Cases after kubernetes/staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go TestThreeWayMergePatch
describe('createThreeWayMergePatch', () => {
  test('nothing changed: an empty patch (kubectl apply prints unchanged)', () => {
    const m = deployment('nginx:1.17');
    const live = {
      ...deployment('nginx:1.17', { imagePullPolicy: 'IfNotPresent' }),
      status: { replicas: 3 },
    };
    expect(createThreeWayMergePatch('Deployment', m, m, live)).toEqual({});
  });

  test('a value changed by someone else is set back to the file value', () => {
    const m = deployment('nginx:1.17');
    const live = { ...deployment('nginx:1.17'), spec: { ...deployment('nginx:1.17').spec, replicas: 5 } };
    expect(createThreeWayMergePatch('Deployment', m, m, live)).toEqual({ spec: { replicas: 3 } });
  });

  test('a field removed from the file since the last apply is deleted (null)', () => {
    const original = { ...deployment('nginx:1.17'), metadata: { name: 'web', labels: { app: 'web' } } };
    const modified = deployment('nginx:1.17');
    expect(createThreeWayMergePatch('Deployment', original, modified, original)).toEqual({
      metadata: { labels: null },
    });
  });

  test('a field only the server set is left alone', () => {
    const m = deployment('nginx:1.17');
    const live = {
      ...m,
      metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '1' } },
    };
    expect(createThreeWayMergePatch('Deployment', m, m, live)).toEqual({});
  });

  test('a changed container is merged by name, with $setElementOrder', () => {
    const original = deployment('nginx:1.17');
    const modified = deployment('nginx:1.18');
    expect(createThreeWayMergePatch('Deployment', original, modified, original)).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ image: 'nginx:1.18', name: 'nginx' }],
          },
        },
      },
    });
  });

  test('a container removed from the file gets a $patch: delete directive', () => {
    const two = {
      ...deployment('a'),
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', image: 'a' },
              { name: 'b', image: 'b' },
            ],
          },
        },
      },
    };
    const one = {
      ...deployment('a'),
      spec: { template: { spec: { containers: [{ name: 'a', image: 'a' }] } } },
    };
    expect(createThreeWayMergePatch('Deployment', two, one, two)).toEqual({
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'a' }],
            containers: [{ name: 'b', $patch: 'delete' }],
          },
        },
      },
    });
  });

  test('the Deployment strategy uses retainKeys', () => {
    const original = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    const modified = { spec: { strategy: { type: 'Recreate' } } };
    expect(createThreeWayMergePatch('Deployment', original, modified, original)).toEqual({
      spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } },
    });
  });
});

describe('applyStrategicPatch', () => {
  test('merges lists by key, deletes with $patch, orders by $setElementOrder, keeps server-only fields', () => {
    const current = {
      spec: {
        containers: [
          { name: 'a', image: 'a:1', imagePullPolicy: 'IfNotPresent' },
          { name: 'b', image: 'b:1' },
          { name: 'c', image: 'c:1' },
        ],
      },
    };
    const patch = {
      spec: {
        '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }],
        containers: [
          { name: 'a', image: 'a:2' },
          { name: 'b', $patch: 'delete' },
        ],
      },
    };
    expect(applyStrategicPatch('Pod', current, patch)).toEqual({
      spec: {
        containers: [
          { name: 'c', image: 'c:1' },
          { name: 'a', image: 'a:2', imagePullPolicy: 'IfNotPresent' },
        ],
      },
    });
  });

  test('null deletes; $retainKeys drops keys not listed', () => {
    const current = {
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } }, paused: true },
    };
    const patch = { spec: { paused: null, strategy: { $retainKeys: ['type'], type: 'Recreate' } } };
    expect(applyStrategicPatch('Deployment', current, patch)).toEqual({
      spec: { strategy: { type: 'Recreate' } },
    });
  });
});

describe('goSprint (%+v of decoded JSON)', () => {
  test('maps sorted, lists space-separated, nil', () => {
    expect(goSprint({ spec: { replicas: 3, b: [1, 'x'], a: null }, kind: 'Deployment' })).toBe(
      'map[kind:Deployment spec:map[a:<nil> b:[1 x] replicas:3]]',
    );
  });
});
