// Self-healing when a worker node is powered off: NotReady after the grace period, Pods evicted after their
// 300 s tolerations, replacements on the other worker, the old Pods stuck Terminating until the node returns.
// Built from the last part of seed 000 (a learner halting node2 with vagrant); the narration is our own.
import type { Check, Scenario } from '../schema.ts';
import { webDeploy } from '../deployment-basics/files.ts';
import { en } from './text.en.ts';
import { ja } from './text.ja.ts';

const web = 'app=web';

const getPodsWide = '^kubectl get (po|pod|pods)\\b.*(-o ?wide|--output[= ]wide)';

export const selfHealingChecks = {
  look: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl get (nodes|node|no)\\b' },
      { type: 'commandRun', pattern: getPodsWide },
      { type: 'pods', selector: web, node: 'node2', ready: true, count: 2 },
    ],
  },
  powerOff: { type: 'nodeReady', name: 'node2', ready: false },
  notReady: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl describe (nodes|node|no)[/ ]node2\\b' },
      { type: 'nodeReady', name: 'node2', ready: false },
      { type: 'pods', selector: web, node: 'node2', terminating: false, ready: false, count: 2 },
      { type: 'deploymentStatus', name: 'web-deploy', readyReplicas: 2, availableReplicas: 2 },
    ],
  },
  evicted: {
    type: 'all',
    checks: [
      { type: 'pods', selector: web, node: 'node2', terminating: true, count: 2 },
      { type: 'pods', selector: web, node: 'node1', terminating: false, ready: true, count: 4 },
    ],
  },
  powerOn: {
    type: 'all',
    checks: [
      { type: 'nodeReady', name: 'node2', ready: true },
      { type: 'pods', selector: web, node: 'node2', count: 0 },
      { type: 'deploymentComplete', name: 'web-deploy', replicas: 4, settled: true },
    ],
  },
} satisfies Record<string, Check>;

export const selfHealing: Scenario = {
  id: 'self-healing',
  title: {
    en: 'Self-healing: a worker node goes down',
    ja: '自己回復：ワーカーノードが落ちたら',
  },
  summary: {
    en: 'Power off a worker node under a running Deployment and follow what Kubernetes does, second by second: NotReady, taints, eviction after 300 s, replacements, and Pods stuck Terminating until the node comes back.',
    ja: '動いている Deployment のワーカーノードの電源を切り、Kubernetes が何をするかを秒単位で追います。NotReady、テイント、300 秒後の退避、代わりの Pod、そしてノードが戻るまで Terminating のまま残る Pod。',
  },
  cluster: { seed: 7, workers: 2 },
  files: { 'web-deploy.yaml': webDeploy },
  setup: {
    commands: ['kubectl apply -f web-deploy.yaml'],
    until: { type: 'deploymentComplete', name: 'web-deploy', replicas: 4, settled: true },
  },
  steps: [
    {
      id: 'look',
      commands: ['kubectl get nodes', 'kubectl get po -o wide'],
      check: selfHealingChecks.look,
    },
    {
      id: 'power-off',
      commands: ['sim node stop node2', 'kubectl get nodes'],
      check: selfHealingChecks.powerOff,
    },
    {
      id: 'not-ready',
      commands: [
        'kubectl get nodes',
        'kubectl get po -o wide',
        'kubectl get deploy web-deploy',
        'kubectl describe node node2',
      ],
      check: selfHealingChecks.notReady,
    },
    {
      id: 'evicted',
      commands: [
        'kubectl get po -o wide',
        'kubectl get events --field-selector reason=TaintManagerEviction',
        'kubectl get deploy web-deploy',
      ],
      check: selfHealingChecks.evicted,
      observe: true,
    },
    {
      id: 'power-on',
      commands: ['sim node start node2', 'kubectl get nodes', 'kubectl get po -o wide'],
      check: selfHealingChecks.powerOn,
    },
  ],
  text: { en, ja },
};
