import { describe, expect, it } from 'vitest';
import { printYAML, yamlKeyLess } from './yaml.ts';

describe('printYAML (sigs.k8s.io/yaml via go-yaml v2)', () => {
  it('block style, sequences not indented under their key, empty collections in flow style', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.17',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: {},
          },
        ],
        tolerations: [],
      },
      status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] },
    };
    expect(printYAML(pod)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  containers:',
        '  - image: nginx:1.17',
        '    name: nginx',
        '    ports:',
        '    - containerPort: 80',
        '      protocol: TCP',
        '    resources: {}',
        '  tolerations: []',
        'status:',
        '  conditions:',
        '  - lastProbeTime: null',
        '    status: "True"',
        '    type: Ready',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings that would read back as other types', () => {
    expect(
      printYAML({
        a: '1234',
        b: '',
        c: 'true',
        d: 'yes',
        e: '2026-01-05T00:00:00Z',
        f: '1:20',
        g: '0x1F',
        h: '1.5',
        i: 'v1.17',
        j: '~',
      }),
    ).toBe(
      'a: "1234"\nb: ""\nc: "true"\nd: "yes"\ne: "2026-01-05T00:00:00Z"\nf: "1:20"\ng: "0x1F"\nh: "1.5"\ni: v1.17\nj: "~"\n',
    );
  });

  it('single-quotes strings that cannot be plain, double-quotes those with special characters', () => {
    expect(printYAML({ a: '*', b: 'key: value', c: '- item', d: "it's", e: 'tab\there', f: ' lead' })).toBe(
      `a: '*'\nb: 'key: value'\nc: '- item'\nd: it's\ne: "tab\\there"\nf: ' lead'\n`,
    );
  });

  it('multi-line strings use literal style with the chomping indicator', () => {
    expect(printYAML({ a: { b: '{"x":1}\n' }, c: 'one\ntwo' })).toBe(
      'a:\n  b: |\n    {"x":1}\nc: |-\n  one\n  two\n',
    );
  });

  it('folds long scalars at the first space past column 80', () => {
    const message =
      'Back-off pulling image "nginx:1.99": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image';
    expect(printYAML({ status: { message } })).toBe(
      `status:\n  message: 'Back-off pulling image "nginx:1.99": ErrImagePull: rpc error: code = NotFound\n    desc = failed to pull and unpack image'\n`,
    );
  });

  it('nested sequences and sequences at the root', () => {
    expect(printYAML([[1, 2], {}])).toBe('- - 1\n  - 2\n- {}\n');
  });

  it('orders keys as go-yaml does: non-letters before letters, numbers by value', () => {
    const keys = ['node10', 'node9', 'a_b', 'aB', 'app', 'app.kubernetes.io/name'];
    expect([...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))).toEqual([
      'a_b',
      'aB',
      'app',
      'app.kubernetes.io/name',
      'node9',
      'node10',
    ]);
  });
});
