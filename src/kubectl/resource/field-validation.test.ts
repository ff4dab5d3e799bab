import { describe, expect, test } from 'vitest';
import { checkFields, strictDecodingError, validationDirective } from './field-validation.ts';

describe('strict field validation', () => {
  test('unknown fields anywhere in a Deployment, with list indices, in sorted key order', () => {
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', lables: { app: 'web' } },
      spec: {
        replica: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web', anything: 'goes' } },
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx', imagePullPolcy: 'Always', ports: [{ containerport: 80 }] },
            ],
          },
        },
      },
    };
    const r = checkFields('Deployment', obj);
    expect(r.unknown).toEqual([
      'metadata.lables',
      'spec.replica',
      'spec.template.spec.containers[0].imagePullPolcy',
      'spec.template.spec.containers[0].ports[0].containerport',
    ]);
    expect(r.pruned).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web', anything: 'goes' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{}] }] },
        },
      },
    });
    expect(strictDecodingError(r.unknown.slice(0, 2))).toBe(
      'strict decoding error: unknown field "metadata.lables", unknown field "spec.replica"',
    );
  });

  test('scalar type mismatches, as encoding/json reports them (struct type, field path without indices)', () => {
    const dep = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', spec });
    const container = (c: Record<string, unknown>) =>
      dep({ template: { spec: { containers: [{ name: 'app', image: 'x', ...c }] } } });
    expect(checkFields('Deployment', container({ env: [{ name: 'PORT', value: 8080 }] })).typeError).toBe(
      'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
    );
    expect(checkFields('Deployment', container({ ports: [{ containerPort: '80' }] })).typeError).toBe(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    );
    expect(checkFields('Deployment', dep({ replicas: 1.5 })).typeError).toBe(
      'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(
      checkFields('Deployment', dep({ template: { metadata: { labels: { version: 1 } } } })).typeError,
    ).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.spec.template.metadata.labels of type string',
    );
    expect(checkFields('Deployment', container({ args: ['--port', 80] })).typeError).toBe(
      'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.args of type string',
    );
    expect(checkFields('Deployment', dep({ template: { spec: { containers: 'nginx' } } })).typeError).toBe(
      'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    expect(
      checkFields('Deployment', container({ resources: { limits: { cpu: 0.5, memory: '128Mi' } } }))
        .typeError,
    ).toBeUndefined();
  });

  test('kinds without a schema are not checked; ANY subtrees are not checked', () => {
    expect(checkFields('DaemonSet', { spec: { whatever: 1 } }).unknown).toEqual([]);
    expect(checkFields('Pod', { spec: { affinity: { nodeAffinity: { foo: 1 } } } }).unknown).toEqual([]);
  });

  test('--validate values', () => {
    expect(['strict', 'true', 'warn', 'ignore', 'false'].map(validationDirective)).toEqual([
      'Strict',
      'Strict',
      'Warn',
      'Ignore',
      'Ignore',
    ]);
    expect(validationDirective('maybe')).toEqual({
      error: 'invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)',
    });
  });
});
