import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../engine/index.ts';
import { printNodeStatus, printPodCells } from './pod-status.ts';

const base = (status: Pod['status'], meta: Partial<NonNullable<Pod['metadata']>> = {}): Pod => ({
  metadata: { name: 'p', ...meta },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
  status,
});

// Models kubernetes/pkg/printers/internalversion/printers_test.go TestPrintPod (the cases our pods reach)
describe('printPodCells', () => {
  it.each([
    ['unscheduled', { phase: 'Pending' }, {}, '0/1', 'Pending'],
    [
      'container creating',
      {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'nginx',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ContainerCreating' } },
          },
        ],
      },
      {},
      '0/1',
      'ContainerCreating',
    ],
    [
      'running and ready',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'nginx', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
      {},
      '1/1',
      'Running',
    ],
    [
      'running, not ready',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'nginx', image: '', imageID: '', ready: false, restartCount: 0, state: { running: {} } },
        ],
      },
      {},
      '0/1',
      'Running',
    ],
    [
      'image pull back-off',
      {
        phase: 'Pending',
        containerStatuses: [
          {
            name: 'nginx',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 0,
            state: { waiting: { reason: 'ImagePullBackOff' } },
          },
        ],
      },
      {},
      '0/1',
      'ImagePullBackOff',
    ],
    [
      'deleted while running',
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'nginx', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
        ],
      },
      { deletionTimestamp: '2026-01-05T00:01:00Z' },
      '1/1',
      'Terminating',
    ],
    [
      'deleted on an unreachable node',
      { phase: 'Running', reason: 'NodeLost' },
      { deletionTimestamp: '2026-01-05T00:01:00Z' },
      '0/1',
      'Unknown',
    ],
    [
      'exited without reason',
      {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'nginx',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { terminated: { exitCode: 137 } },
          },
        ],
      },
      {},
      '0/1',
      'ExitCode:137',
    ],
  ] as const)('%s', (_name, status, meta, ready, want) => {
    const cells = printPodCells(base(status as Pod['status'], meta));
    expect(cells.ready).toBe(ready);
    expect(cells.status).toBe(want);
  });

  it('sums restarts over containers', () => {
    const cells = printPodCells(
      base({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'nginx',
            image: '',
            imageID: '',
            ready: false,
            restartCount: 4,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
        ],
      }),
    );
    expect(cells).toMatchObject({ status: 'CrashLoopBackOff', restarts: 4 });
  });
});

describe('printNodeStatus', () => {
  const node = (ready: string | null, unschedulable = false): Node => ({
    metadata: { name: 'n' },
    spec: { unschedulable },
    status: { conditions: ready ? [{ type: 'Ready', status: ready }] : [] },
  });
  it.each([
    [node('True'), 'Ready'],
    [node('False'), 'NotReady'],
    [node('Unknown'), 'NotReady'],
    [node(null), 'Unknown'],
    [node('True', true), 'Ready,SchedulingDisabled'],
  ])('%#', (n, want) => expect(printNodeStatus(n)).toBe(want));
});
