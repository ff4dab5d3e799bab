import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Event, Node, Pod } from '../../../engine/index.ts';
import {
  printDeployment,
  printEvent,
  printNode,
  printPod,
  printReplicaSet,
  printService,
} from './printers.ts';
import { printPersistentVolumeClaim, printPodDisruptionBudget } from './printers-config.ts';

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');
const SEC = 1000;
const DAY = 24 * 3600 * SEC;
const opts = { wide: false, now: NOW };

const running = (restartCount: number, ready = true, lastFinished?: string): ContainerStatus => ({
  name: '',
  image: '',
  imageID: '',
  ready,
  restartCount,
  state: { running: {} },
  ...(lastFinished ? { lastState: { terminated: { exitCode: 0, finishedAt: lastFinished } } } : {}),
});

const pod = (name: string, containers: number, status: Pod['status'], init = 0, deletion?: string): Pod => ({
  metadata: { name, ...(deletion ? { deletionTimestamp: deletion } : {}) },
  spec: {
    containers: Array.from({ length: containers }, () => ({ name: '' })),
    ...(init > 0 ? { initContainers: Array.from({ length: init }, () => ({ name: '' })) } : {}),
  },
  status,
});

const cells = (p: Pod) => printPod(p, opts)[0]!.cells;

// The cases of kubernetes/pkg/printers/internalversion/printers_test.go TestPrintPod.
describe('printPod (upstream TestPrintPod)', () => {
  it('test1: name, number of containers, restarts, container ready status', () => {
    const p = pod('test1', 2, {
      phase: 'podPhase',
      containerStatuses: [running(3), { ...running(3, false), state: {} }],
    });
    expect(cells(p)).toEqual(['test1', '1/2', 'podPhase', '6', '<unknown>']);
  });

  it('test2: container error overwrites pod phase', () => {
    const p = pod('test2', 2, {
      phase: 'podPhase',
      containerStatuses: [
        running(3),
        { ...running(3, false), state: { waiting: { reason: 'ContainerWaitingReason' } } },
      ],
    });
    expect(cells(p)).toEqual(['test2', '1/2', 'ContainerWaitingReason', '6', '<unknown>']);
  });

  it('test3: terminated state, and the first container overwrites the rest', () => {
    const p = pod('test3', 2, {
      phase: 'podPhase',
      containerStatuses: [
        { ...running(3, false), state: { waiting: { reason: 'ContainerWaitingReason' } } },
        { ...running(3, false), state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 0 } } },
      ],
    });
    expect(cells(p)).toEqual(['test3', '0/2', 'ContainerWaitingReason', '6', '<unknown>']);
  });

  it('test4: ready is not enough for reporting running', () => {
    const p = pod('test4', 2, {
      phase: 'podPhase',
      containerStatuses: [running(3), { ...running(3), state: {} }],
    });
    expect(cells(p)).toEqual(['test4', '1/2', 'podPhase', '6', '<unknown>']);
  });

  it('test5: the pod reason wins over the phase', () => {
    const p = pod('test5', 2, {
      reason: 'podReason',
      phase: 'podPhase',
      containerStatuses: [running(3), { ...running(3), state: {} }],
    });
    expect(cells(p)).toEqual(['test5', '1/2', 'podReason', '6', '<unknown>']);
  });

  it('test6: one container running and the other completed, without a Ready condition', () => {
    const p = pod('test6', 2, {
      phase: 'Running',
      containerStatuses: [
        { ...running(3), state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        running(3),
      ],
    });
    expect(cells(p)).toEqual(['test6', '1/2', 'NotReady', '6', '<unknown>']);
  });

  it('test6: one container running and the other completed, with a Ready condition', () => {
    const p = pod('test6', 2, {
      phase: 'Running',
      containerStatuses: [
        { ...running(3), state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        running(3),
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    expect(cells(p)).toEqual(['test6', '1/2', 'Running', '6', '<unknown>']);
  });

  it('test7: one init container restarting and one container not running', () => {
    const p = pod(
      'test7',
      1,
      {
        phase: 'podPhase',
        initContainerStatuses: [running(3, false, ago(10 * SEC))],
        containerStatuses: [{ ...running(0, false), state: { waiting: {} } }],
      },
      1,
    );
    expect(cells(p)).toEqual(['test7', '0/1', 'Init:0/1', '3 (10s ago)', '<unknown>']);
  });

  it('test8: two init containers, one restarting and the other not running', () => {
    const p = pod(
      'test8',
      1,
      {
        phase: 'podPhase',
        initContainerStatuses: [
          running(3, false, ago(10 * SEC)),
          { ...running(0, false), state: { waiting: {} } },
        ],
        containerStatuses: [{ ...running(0, false), state: { waiting: {} } }],
      },
      2,
    );
    expect(cells(p)).toEqual(['test8', '0/1', 'Init:0/2', '3 (10s ago)', '<unknown>']);
  });

  it('test9: two init containers, one completed without restarts and the other restarting', () => {
    const p = pod(
      'test9',
      1,
      {
        phase: 'podPhase',
        initContainerStatuses: [
          { ...running(0, false), state: { terminated: { exitCode: 0 } } },
          running(3, false, ago(10 * SEC)),
        ],
        containerStatuses: [{ ...running(0, false), state: { waiting: {} } }],
      },
      2,
    );
    expect(cells(p)).toEqual(['test9', '0/1', 'Init:1/2', '3 (10s ago)', '<unknown>']);
  });

  it('test10: two init containers, one completed with restarts and the other restarting', () => {
    const p = pod(
      'test10',
      1,
      {
        phase: 'podPhase',
        initContainerStatuses: [
          { ...running(2, false, ago(120 * SEC)), state: { terminated: { exitCode: 0 } } },
          running(3, false, ago(10 * SEC)),
        ],
        containerStatuses: [{ ...running(0, false), state: { waiting: {} } }],
      },
      2,
    );
    expect(cells(p)).toEqual(['test10', '0/1', 'Init:1/2', '5 (10s ago)', '<unknown>']);
  });

  it('test11: init container completed with restarts and one container restarting', () => {
    const p = pod(
      'test11',
      1,
      {
        phase: 'Running',
        initContainerStatuses: [
          { ...running(2, false, ago(120 * SEC)), state: { terminated: { exitCode: 0 } } },
        ],
        containerStatuses: [running(4, false, ago(20 * SEC))],
      },
      1,
    );
    expect(cells(p)).toEqual(['test11', '0/1', 'Running', '4 (20s ago)', '<unknown>']);
  });

  it('test12: one container that restarted 5d ago', () => {
    const p = pod('test12', 1, { phase: 'Running', containerStatuses: [running(3, true, ago(5 * DAY))] });
    expect(cells(p)).toEqual(['test12', '1/1', 'Running', '3 (5d ago)', '<unknown>']);
  });

  it('test13: one container never restarted, the other restarted 10d ago', () => {
    const p = pod('test13', 2, {
      phase: 'Running',
      containerStatuses: [running(0), running(3, true, ago(10 * DAY))],
    });
    expect(cells(p)).toEqual(['test13', '2/2', 'Running', '3 (10d ago)', '<unknown>']);
  });

  it('test14: restarts add up and the latest restart is shown', () => {
    const p = pod('test14', 2, {
      phase: 'Running',
      containerStatuses: [running(6, true, ago(5 * DAY)), running(3, true, ago(20 * DAY))],
    });
    expect(cells(p)).toEqual(['test14', '2/2', 'Running', '9 (5d ago)', '<unknown>']);
  });

  it('test15: PodScheduled condition with reason SchedulingGated', () => {
    const p = pod('test15', 2, {
      phase: 'podPhase',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
    });
    expect(cells(p)).toEqual(['test15', '0/2', 'SchedulingGated', '0', '<unknown>']);
  });

  it('test16/17: completed and failed pods show the container reason', () => {
    const done = (name: string, phase: string, reason: string, exitCode: number) =>
      pod(name, 1, {
        phase,
        containerStatuses: [{ ...running(0, false), state: { terminated: { reason, exitCode } } }],
      });
    expect(cells(done('test16', 'Succeeded', 'Completed', 0))).toEqual([
      'test16',
      '0/1',
      'Completed',
      '0',
      '<unknown>',
    ]);
    expect(cells(done('test17', 'Failed', 'Error', 1))).toEqual(['test17', '0/1', 'Error', '0', '<unknown>']);
  });

  it('test18: a deleted pod in a terminal phase keeps the container reason', () => {
    const p = pod(
      'test18',
      1,
      {
        phase: 'Succeeded',
        containerStatuses: [
          { ...running(0, false), state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        ],
      },
      0,
      ago(10 * SEC),
    );
    expect(cells(p)).toEqual(['test18', '0/1', 'Completed', '0', '<unknown>']);
  });

  it('a deleted running pod is Terminating, and Unknown when its node was lost', () => {
    expect(cells(pod('t', 1, { phase: 'Running', containerStatuses: [running(0)] }, 0, ago(0)))[2]).toBe(
      'Terminating',
    );
    expect(
      cells(
        pod('t', 1, { phase: 'Running', reason: 'NodeLost', containerStatuses: [running(0)] }, 0, ago(0)),
      )[2],
    ).toBe('Unknown');
  });

  it('a terminated container without a reason shows its exit code or signal', () => {
    const t = (terminated: { exitCode: number; signal?: number }) =>
      cells(
        pod('t', 1, {
          phase: 'Running',
          containerStatuses: [{ ...running(0, false), state: { terminated } }],
        }),
      )[2];
    expect(t({ exitCode: 137, signal: 9 })).toBe('Signal:9');
    expect(t({ exitCode: 2 })).toBe('ExitCode:2');
  });

  it('AGE is humanDuration since creation', () => {
    const p: Pod = {
      metadata: { name: 'p', creationTimestamp: ago(62 * 60 * SEC) },
      spec: { containers: [{ name: 'c' }] },
      status: { phase: 'Pending' },
    };
    expect(cells(p)).toEqual(['p', '0/1', 'Pending', '0', '62m']);
    expect(
      printPod({ ...p, metadata: { name: 'p', creationTimestamp: ago((4 * 24 + 1) * 3600 * SEC) } }, opts)[0]!
        .cells[4],
    ).toBe('4d1h');
  });

  it('wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    const p: Pod = {
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'c' }],
        nodeName: 'node1',
        readinessGates: [{ conditionType: 'example.com/gate' }],
      },
      status: {
        phase: 'Running',
        podIPs: [{ ip: '10.244.1.5' }],
        conditions: [{ type: 'example.com/gate', status: 'True' }],
      },
    };
    expect(printPod(p, { wide: true, now: NOW })[0]!.cells.slice(5)).toEqual([
      '10.244.1.5',
      'node1',
      '<none>',
      '1/1',
    ]);
  });
});

describe('printNode', () => {
  const node = (
    conditions: Node['status'] extends infer S ? (S extends { conditions?: infer C } ? C : never) : never,
    unschedulable = false,
    labels: Record<string, string> = {},
  ): Node => ({
    metadata: { name: 'n', labels },
    spec: { unschedulable },
    status: {
      conditions,
      nodeInfo: { kubeletVersion: 'v1.36.2' } as NonNullable<Node['status']>['nodeInfo'],
    },
  });

  // kubernetes/pkg/printers/internalversion/printers_test.go TestPrintNodeStatus
  it('STATUS is Ready, NotReady or Unknown, with SchedulingDisabled when cordoned', () => {
    const status = (n: Node) => printNode(n, opts)[0]!.cells[1];
    expect(status(node([{ type: 'Ready', status: 'True' }]))).toBe('Ready');
    expect(status(node([{ type: 'Ready', status: 'True' }], true))).toBe('Ready,SchedulingDisabled');
    expect(status(node([{ type: 'Ready', status: 'False' }]))).toBe('NotReady');
    expect(status(node([{ type: 'Ready', status: 'Unknown' }]))).toBe('NotReady');
    expect(status(node([]))).toBe('Unknown');
    expect(status(node([], true))).toBe('Unknown,SchedulingDisabled');
    expect(status(node([{ type: 'InvalidValue', status: 'True' }]))).toBe('Unknown');
  });

  // kubernetes/pkg/printers/internalversion/printers_test.go TestPrintNodeRole
  it('ROLES come from node-role.kubernetes.io/* and kubernetes.io/role labels', () => {
    const roles = (labels: Record<string, string>) => printNode(node([], false, labels), opts)[0]!.cells[2];
    expect(roles({})).toBe('<none>');
    expect(roles({ 'node-role.kubernetes.io/fooRole': 'true' })).toBe('fooRole');
    expect(
      roles({ 'node-role.kubernetes.io/bazRole': 'true', 'node-role.kubernetes.io/barRole': 'true' }),
    ).toBe('barRole,bazRole');
    expect(roles({ 'kubernetes.io/role': 'master' })).toBe('master');
    expect(roles({ 'kubernetes.io/role': 'master', 'node-role.kubernetes.io/control-plane': '' })).toBe(
      'control-plane,master',
    );
  });
});

describe('workload and service rows', () => {
  it('deployment READY is readyReplicas/replicas; wide adds containers, images and selector', () => {
    const d = {
      metadata: { name: 'web' },
      spec: {
        replicas: 4,
        selector: { matchLabels: { app: 'web' } },
        template: {
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:1.17' },
              { name: 'side', image: 'busybox' },
            ],
          },
        },
      },
      status: { readyReplicas: 3, updatedReplicas: 2, availableReplicas: 3 },
    };
    expect(printDeployment(d, { wide: true, now: NOW })[0]!.cells).toEqual([
      'web',
      '3/4',
      2,
      3,
      '<unknown>',
      'nginx,side',
      'nginx:1.17,busybox',
      'app=web',
    ]);
  });

  it('replicaset DESIRED, CURRENT, READY', () => {
    const rs = { metadata: { name: 'web-1' }, spec: { replicas: 0, selector: {} }, status: { replicas: 0 } };
    expect(printReplicaSet(rs, opts)[0]!.cells).toEqual(['web-1', 0, 0, 0, '<unknown>']);
  });

  it('service ports show node ports; a NodePort service has no external IP', () => {
    const svc = {
      metadata: { name: 'kubernetes-bootcamp' },
      spec: {
        type: 'NodePort',
        clusterIPs: ['10.96.12.7'],
        ports: [{ port: 8080, nodePort: 31234, protocol: 'TCP' }],
      },
    };
    expect(printService(svc, opts)[0]!.cells).toEqual([
      'kubernetes-bootcamp',
      'NodePort',
      '10.96.12.7',
      '<none>',
      '8080:31234/TCP',
      '<unknown>',
    ]);
  });
});

describe('printEvent', () => {
  const ev: Event = {
    metadata: { name: 'web.1' },
    involvedObject: { kind: 'Deployment', name: 'web-deploy', fieldPath: '' },
    reason: 'ScalingReplicaSet',
    message: 'Scaled up replica set web-deploy-6b5f67b747 from 0 to 4\n',
    source: { component: 'deployment-controller' },
    firstTimestamp: ago(48 * 60 * SEC),
    lastTimestamp: ago(46 * SEC),
    count: 2,
    type: 'Normal',
  };

  it('the server fills every column; LAST SEEN uses lastTimestamp and OBJECT is kind/name', () => {
    expect(printEvent(ev, { wide: true, now: NOW })[0]!.cells).toEqual([
      '46s',
      'Normal',
      'ScalingReplicaSet',
      'deployment/web-deploy',
      '',
      'deployment-controller',
      'Scaled up replica set web-deploy-6b5f67b747 from 0 to 4',
      '48m',
      2,
      'web.1',
    ]);
  });
});

describe('storage and policy rows', () => {
  it('a bound PVC shows its volume, capacity and access modes', () => {
    const pvc = {
      metadata: { name: 'www-web-0' },
      spec: { volumeName: 'pvc-1', storageClassName: 'standard', accessModes: ['ReadWriteOnce'] },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] },
    };
    expect(printPersistentVolumeClaim(pvc, opts)[0]!.cells).toEqual([
      'www-web-0',
      'Bound',
      'pvc-1',
      '1Gi',
      'RWO',
      'standard',
      '<unset>',
      '<unknown>',
      '<unset>',
    ]);
  });

  it('a PDB prints N/A for the bound it does not set', () => {
    const pdb = {
      metadata: { name: 'zk-pdb' },
      spec: { maxUnavailable: 1 },
      status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 },
    };
    expect(printPodDisruptionBudget(pdb, opts)[0]!.cells).toEqual(['zk-pdb', 'N/A', '1', 1, '<unknown>']);
  });
});
