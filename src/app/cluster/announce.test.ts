import { describe, expect, it } from 'vitest';
import type { DeploymentFrame, Frame, NodeFrame, ReplicaSetFrame } from '../../view/cluster/frame.ts';
import { diffFrames } from './announce.ts';

const rs = (ready: number, desired = 4): ReplicaSetFrame => ({
  uid: 'rs1',
  name: 'web-deploy-abc',
  namespace: 'default',
  deployment: 'web-deploy',
  revision: 2,
  colorIndex: 1,
  desired,
  current: desired,
  ready,
  available: ready,
  image: 'nginx:1.18',
  createdMs: 0,
});
const dep = (updated: number, available: number, total = 4): DeploymentFrame => ({
  uid: 'd1',
  name: 'web-deploy',
  namespace: 'default',
  replicas: 4,
  updated,
  ready: available,
  available,
  total,
  strategy: 'RollingUpdate',
  maxSurge: '25%',
  maxUnavailable: '25%',
  maxSurgeCount: 1,
  maxUnavailableCount: 1,
  revision: 2,
  image: 'nginx:1.18',
});
const node = (status: string): NodeFrame => ({
  uid: 'n1',
  name: 'node1',
  status,
  ready: status === 'Ready',
  unschedulable: false,
  controlPlane: false,
  taints: [],
  otherPods: 0,
});
const frame = (o: Partial<Frame>): Frame => ({ nodes: [], pods: [], replicaSets: [], deployments: [], ...o });

describe('diffFrames', () => {
  it('says how many Pods of a ReplicaSet are Ready when that changes', () => {
    expect(diffFrames(frame({ replicaSets: [rs(1)] }), frame({ replicaSets: [rs(2)] }))).toEqual([
      { key: 'announce.rs', params: { name: 'web-deploy-abc', revision: 2, ready: 2, desired: 4 } },
    ]);
  });
  it('stays quiet when nothing a learner would notice changed', () => {
    expect(diffFrames(frame({ replicaSets: [rs(2)] }), frame({ replicaSets: [rs(2)] }))).toEqual([]);
    expect(diffFrames(frame({ replicaSets: [rs(0, 0)] }), frame({ replicaSets: [rs(0, 0)] }))).toEqual([]);
  });
  it('announces a finished rollout once', () => {
    const done = diffFrames(frame({ deployments: [dep(4, 3, 5)] }), frame({ deployments: [dep(4, 4)] }));
    expect(done).toEqual([{ key: 'announce.rolloutDone', params: { name: 'web-deploy', replicas: 4 } }]);
    expect(diffFrames(frame({ deployments: [dep(4, 4)] }), frame({ deployments: [dep(4, 4)] }))).toEqual([]);
  });
  it('announces a node status change', () => {
    expect(diffFrames(frame({ nodes: [node('Ready')] }), frame({ nodes: [node('NotReady')] }))).toEqual([
      { key: 'announce.node', params: { name: 'node1', status: 'NotReady' } },
    ]);
  });
});
