import { describe, expect, it } from 'vitest';
import type { Pod, Stored } from '../../../engine/index.ts';
import { filterPods, makeFilters, type FilterOptions } from './filters.ts';

// The fixtures of kubectl pkg/cmd/drain/drain_test.go TestDrain, as the filters see them.
function pod(
  opts: { owner?: string; emptyDir?: boolean; phase?: string; name?: string; mirror?: boolean } = {},
): Stored<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: opts.name ?? 'bar',
      namespace: 'default',
      uid: `uid-${opts.name ?? 'bar'}`,
      resourceVersion: '1',
      creationTimestamp: '2026-01-05T00:00:00Z',
      ...(opts.owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'v1',
                kind: opts.owner,
                name: opts.owner.toLowerCase(),
                uid: '123',
                controller: true,
              },
            ],
          }
        : {}),
      ...(opts.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'static' } } : {}),
    },
    spec: {
      nodeName: 'node',
      containers: [],
      ...(opts.emptyDir ? { volumes: [{ name: 'scratch', emptyDir: {} }] } : {}),
    },
    ...(opts.phase ? { status: { phase: opts.phase } } : {}),
  };
}

const dsPod = pod({ owner: 'DaemonSet' });

function run(pods: Stored<Pod>[], flags: Partial<FilterOptions> = {}, daemonSets = ['daemonset']) {
  const list = filterPods(
    pods,
    makeFilters({
      force: false,
      ignoreAllDaemonSets: false,
      deleteEmptyDirData: false,
      skipWaitForDeleteTimeoutSeconds: 0,
      now: 0,
      daemonSetExists: (_ns, name) => daemonSets.includes(name),
      ...flags,
    }),
  );
  return { pods: list.pods().map((p) => p.metadata.name), warnings: list.warnings(), errors: list.errors() };
}

describe('drain filters (kubectl drain_test.go TestDrain)', () => {
  it.each([
    ['RC-managed pod', [pod({ owner: 'ReplicationController' })], {}, ['bar'], '', []],
    [
      'DS-managed pod',
      [dsPod],
      {},
      [],
      '',
      ['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/bar'],
    ],
    ['DS-managed terminated pod', [pod({ owner: 'DaemonSet', phase: 'Succeeded' })], {}, ['bar'], '', []],
    [
      'orphaned DS-managed pod',
      [pod()],
      {},
      [],
      '',
      ['cannot delete Pods that declare no controller (use --force to override): default/bar'],
    ],
    [
      'orphaned DS-managed pod with --force',
      [pod()],
      { force: true },
      ['bar'],
      'deleting Pods that declare no controller: default/bar',
      [],
    ],
    [
      'DS-managed pod with --ignore-daemonsets',
      [dsPod],
      { ignoreAllDaemonSets: true },
      [],
      'ignoring DaemonSet-managed Pods: default/bar',
      [],
    ],
    [
      'DS-managed pod with emptyDir with --ignore-daemonsets',
      [pod({ owner: 'DaemonSet', emptyDir: true })],
      { ignoreAllDaemonSets: true },
      [],
      'ignoring DaemonSet-managed Pods: default/bar',
      [],
    ],
    [
      'Job-managed pod with local storage',
      [pod({ owner: 'Job', emptyDir: true })],
      { force: true, deleteEmptyDirData: true },
      ['bar'],
      // The local-storage warning is dropped: the unreplicated filter's Okay comes last.
      '',
      [],
    ],
    [
      'Job-managed terminated pod',
      [pod({ owner: 'Job', emptyDir: true, phase: 'Succeeded' })],
      {},
      ['bar'],
      '',
      [],
    ],
    ['RS-managed pod', [pod({ owner: 'ReplicaSet' })], {}, ['bar'], '', []],
    [
      'naked pod',
      [pod()],
      {},
      [],
      '',
      ['cannot delete Pods that declare no controller (use --force to override): default/bar'],
    ],
    [
      'naked pod with --force',
      [pod()],
      { force: true },
      ['bar'],
      'deleting Pods that declare no controller: default/bar',
      [],
    ],
    [
      'pod with EmptyDir',
      [pod({ emptyDir: true })],
      { force: true },
      [],
      '',
      ['cannot delete Pods with local storage (use --delete-emptydir-data to override): default/bar'],
    ],
    ['terminated pod with emptyDir', [pod({ emptyDir: true, phase: 'Failed' })], {}, ['bar'], '', []],
    [
      'pod with EmptyDir and --delete-emptydir-data',
      [pod({ emptyDir: true })],
      { force: true, deleteEmptyDirData: true },
      ['bar'],
      'deleting Pods that declare no controller: default/bar',
      [],
    ],
    ['empty node', [], {}, [], '', []],
  ] as const)('%s', (_name, pods, flags, deleted, warnings, errors) => {
    expect(run([...pods], flags)).toEqual({ pods: deleted, warnings, errors });
  });

  it('a DaemonSet pod whose DaemonSet is gone: an error, or deleted with a warning under --force', () => {
    expect(run([dsPod], {}, []).errors).toEqual([
      'cannot delete daemonsets.apps "daemonset" not found: default/bar',
    ]);
    expect(run([dsPod], { force: true }, [])).toEqual({ pods: ['bar'], warnings: '', errors: [] });
  });

  it('mirror pods are skipped silently', () => {
    expect(run([pod({ mirror: true })])).toEqual({ pods: [], warnings: '', errors: [] });
  });

  it('groups pods by message: errors one per message, warnings joined by "; "', () => {
    const pods = [
      pod({ name: 'a', owner: 'DaemonSet' }),
      pod({ name: 'b' }),
      pod({ name: 'c', owner: 'DaemonSet' }),
      pod({ name: 'd' }),
    ];
    expect(run(pods).errors).toEqual([
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/a, default/c',
      'cannot delete Pods that declare no controller (use --force to override): default/b, default/d',
    ]);
    expect(run(pods, { force: true, ignoreAllDaemonSets: true })).toEqual({
      pods: ['b', 'd'],
      warnings:
        'ignoring DaemonSet-managed Pods: default/a, default/c; deleting Pods that declare no controller: default/b, default/d',
      errors: [],
    });
  });

  it('--skip-wait-for-delete-timeout skips pods deleting for longer than N seconds', () => {
    const deleting = pod({ owner: 'ReplicaSet' });
    deleting.metadata.deletionTimestamp = '2026-01-05T00:00:00Z';
    const t = Date.UTC(2026, 0, 5, 0, 0, 0);
    expect(run([deleting], { skipWaitForDeleteTimeoutSeconds: 10, now: t + 11_000 }).pods).toEqual([]);
    expect(run([deleting], { skipWaitForDeleteTimeoutSeconds: 10, now: t + 10_000 }).pods).toEqual(['bar']);
  });
});
