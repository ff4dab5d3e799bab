import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine/index.ts';
import { printTable } from './index.ts';
import { HumanReadablePrinter } from './table-printer.ts';
import { newTableTabWriter } from './tabwriter.ts';
import type { Table } from './table/types.ts';

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const created = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');

const pod = (name: string, ns: string, labels: Record<string, string>, ready: boolean): KubeObject =>
  ({
    kind: 'Pod',
    metadata: { name, namespace: ns, labels, creationTimestamp: created(62 * 60) },
    spec: { containers: [{ name: 'nginx' }], nodeName: 'node1' },
    status: {
      phase: ready ? 'Running' : 'Pending',
      podIPs: ready ? [{ ip: '10.244.1.23' }] : [],
      containerStatuses: [
        {
          name: 'nginx',
          ready,
          restartCount: 0,
          image: '',
          imageID: '',
          state: ready ? { running: {} } : { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    },
  }) as KubeObject;

const pods = [
  pod('readiness-check', 'default', { app: 'check' }, true),
  pod('web-deploy-6b5f67b747-5hqdb', 'default', { app: 'web', 'pod-template-hash': '6b5f67b747' }, false),
];

describe('printTable', () => {
  it('prints the seed-000 style pod table', () => {
    expect(printTable('Pod', pods, { now: NOW })).toBe(
      [
        'NAME                          READY   STATUS              RESTARTS   AGE',
        'readiness-check               1/1     Running             0          62m',
        'web-deploy-6b5f67b747-5hqdb   0/1     ContainerCreating   0          62m',
        '',
      ].join('\n'),
    );
  });

  it('-o wide shows the priority columns', () => {
    expect(printTable('Pod', pods.slice(0, 1), { now: NOW, wide: true })).toBe(
      [
        'NAME              READY   STATUS    RESTARTS   AGE   IP            NODE    NOMINATED NODE   READINESS GATES',
        'readiness-check   1/1     Running   0          62m   10.244.1.23   node1   <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('-A adds NAMESPACE first, --show-labels adds LABELS last, -L adds one column per key', () => {
    expect(
      printTable('Pod', pods, { now: NOW, withNamespace: true, showLabels: true, columnLabels: ['app'] }),
    ).toBe(
      [
        'NAMESPACE   NAME                          READY   STATUS              RESTARTS   AGE   APP     LABELS',
        'default     readiness-check               1/1     Running             0          62m   check   app=check',
        'default     web-deploy-6b5f67b747-5hqdb   0/1     ContainerCreating   0          62m   web     app=web,pod-template-hash=6b5f67b747',
        '',
      ].join('\n'),
    );
  });

  it('kind prefixes use the group kind and --no-headers drops the header', () => {
    expect(printTable('Pod', pods.slice(0, 1), { now: NOW, withKind: true, noHeaders: true })).toBe(
      'pod/readiness-check   1/1   Running   0     62m\n',
    );
    const d = {
      kind: 'Deployment',
      metadata: { name: 'web-deploy', creationTimestamp: created(62 * 60) },
      spec: { replicas: 4 },
      status: {},
    } as KubeObject;
    expect(printTable('Deployment', [d], { now: NOW, withKind: true })).toBe(
      'NAME                         READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web-deploy   0/4     0            0           62m\n',
    );
  });

  it('prints nothing for an empty list (not even the header)', () => {
    expect(printTable('Pod', [], { now: NOW })).toBe('');
  });

  it('kinds without a printer get NAME and AGE', () => {
    const lease = { kind: 'Lease', metadata: { name: 'node1', creationTimestamp: created(5) } } as KubeObject;
    expect(printTable('Lease', [lease], { now: NOW })).toBe('NAME    AGE\nnode1   5s\n');
  });
});

describe('HumanReadablePrinter', () => {
  const table = (name: string): Table => ({
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', priority: 0 },
      { name: 'Age', type: 'string', priority: 0 },
    ],
    rows: [{ object: { metadata: { name } }, cells: [name, '1s'] }],
  });

  it('prints the header once for tables with the same columns, and EVENT first with --output-watch-events', () => {
    const w = newTableTabWriter();
    const p = new HumanReadablePrinter({});
    p.printObj(table('a'), w, 'ADDED');
    w.flush();
    p.printObj(table('b'), w, 'MODIFIED');
    w.flush();
    p.printObj(table('c'), w, 'DELETED');
    w.flush();
    expect(w.take()).toBe(
      'EVENT      NAME   AGE\nADDED      a      1s\nMODIFIED   b      1s\nDELETED    c      1s\n',
    );
  });

  it('a cell with a line break is cut there and marked with ...', () => {
    const w = newTableTabWriter();
    const t = table('x');
    t.rows[0]!.cells[1] = 'one\ntwo';
    new HumanReadablePrinter({}).printObj(t, w);
    w.flush();
    expect(w.take()).toBe('NAME   AGE\nx      one...\n');
  });
});
