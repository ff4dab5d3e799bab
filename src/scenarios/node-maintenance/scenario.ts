// Planned node maintenance, the planned counterpart of self-healing: cordon a worker, drain it (refused while
// DaemonSet Pods are on it, then with --ignore-daemonsets), uncordon it, and drain the other worker again under a
// PodDisruptionBudget that lets only one Pod go at a time. The narration is our own.
import type { Check, Scenario } from '../schema.ts';
import { webDeploy } from '../deployment-basics/files.ts';
import { webPdb } from './files.ts';
import { en } from './text.en.ts';
import { ja } from './text.ja.ts';

const web = 'app=web';

const getPodsWide = '^kubectl get (po|pod|pods)\\b.*(-o ?wide|--output[= ]wide)';
const drainNode1Plain = '^kubectl drain (node/)?node1$';

const settled: Check = { type: 'deploymentComplete', name: 'web-deploy', replicas: 4, settled: true };
const readyOn = (node: string, count: number): Check => ({
  type: 'pods',
  selector: web,
  node,
  terminating: false,
  ready: true,
  count,
});

export const nodeMaintenanceChecks = {
  look: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl get (nodes|node|no)\\b' },
      { type: 'commandRun', pattern: getPodsWide },
      readyOn('node1', 2),
      readyOn('node2', 2),
    ],
  },
  cordon: {
    type: 'all',
    checks: [
      { type: 'nodeSchedulable', name: 'node1', schedulable: false },
      readyOn('node1', 2),
      { type: 'commandRun', pattern: '^kubectl get (nodes|node|no)\\b' },
    ],
  },
  drainRefused: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: drainNode1Plain },
      { type: 'nodeSchedulable', name: 'node1', schedulable: false },
      readyOn('node1', 2),
    ],
  },
  drained: {
    type: 'all',
    checks: [
      { type: 'nodeSchedulable', name: 'node1', schedulable: false },
      { type: 'pods', selector: web, node: 'node1', count: 0 },
      readyOn('node2', 4),
      settled,
    ],
  },
  uncordon: {
    type: 'all',
    checks: [
      { type: 'nodeSchedulable', name: 'node1', schedulable: true },
      { type: 'pods', selector: web, node: 'node1', count: 0 },
      readyOn('node2', 4),
    ],
  },
  pdb: {
    type: 'all',
    checks: [
      { type: 'pdb', name: 'web-pdb', disruptionsAllowed: 1, currentHealthy: 4, desiredHealthy: 3 },
      { type: 'commandRun', pattern: '^kubectl get (pdb|poddisruptionbudgets?)\\b' },
    ],
  },
  drainUnderBudget: {
    type: 'all',
    checks: [
      { type: 'nodeSchedulable', name: 'node2', schedulable: false },
      { type: 'pods', selector: web, node: 'node2', count: 0 },
      readyOn('node1', 4),
      settled,
    ],
  },
  rebalance: {
    type: 'all',
    checks: [
      {
        type: 'commandRun',
        pattern: '^kubectl rollout restart (deploy|deployment|deployments)[/ ]web-deploy\\b',
      },
      { type: 'pdb', name: 'web-pdb', disruptionsAllowed: 1 },
      { type: 'nodeSchedulable', name: 'node1', schedulable: true },
      { type: 'nodeSchedulable', name: 'node2', schedulable: true },
      { type: 'deploymentStatus', name: 'web-deploy', replicas: 4, updatedReplicas: 4, availableReplicas: 4 },
      readyOn('node1', 2),
      readyOn('node2', 2),
      settled,
    ],
  },
} satisfies Record<string, Check>;

export const nodeMaintenance: Scenario = {
  id: 'node-maintenance',
  title: {
    en: 'Planned maintenance: cordon, drain and a PodDisruptionBudget',
    ja: '計画メンテナンス：cordon・drain と PodDisruptionBudget',
  },
  summary: {
    en: 'Take a worker node out of service the orderly way: cordon it, drain it (and read why drain refuses at first), bring it back with uncordon, then drain the other worker under a PodDisruptionBudget that lets only one Pod go at a time.',
    ja: 'ワーカーノードを正しい手順で止めます。cordon でスケジュール不可にし、drain で Pod を退避させ（最初に断られる理由も読みます）、uncordon で戻します。最後に、一度に 1 つの Pod しか止めさせない PodDisruptionBudget の下で、もう一方のワーカーを drain します。',
  },
  cluster: { seed: 7, workers: 2 },
  files: { 'web-deploy.yaml': webDeploy, 'web-pdb.yaml': webPdb },
  setup: {
    commands: ['kubectl apply -f web-deploy.yaml'],
    until: settled,
  },
  steps: [
    {
      id: 'look',
      commands: ['kubectl get nodes', 'kubectl get po -o wide'],
      check: nodeMaintenanceChecks.look,
    },
    {
      id: 'cordon',
      commands: ['kubectl cordon node1', 'kubectl get nodes', 'kubectl get po -o wide'],
      check: nodeMaintenanceChecks.cordon,
    },
    {
      id: 'drain-refused',
      commands: ['kubectl drain node1', 'kubectl get po -A -o wide --field-selector spec.nodeName=node1'],
      check: nodeMaintenanceChecks.drainRefused,
    },
    {
      id: 'drain',
      commands: ['kubectl drain node1 --ignore-daemonsets', 'kubectl get po -o wide'],
      check: nodeMaintenanceChecks.drained,
    },
    {
      id: 'uncordon',
      commands: ['kubectl uncordon node1', 'kubectl get nodes', 'kubectl get po -o wide'],
      check: nodeMaintenanceChecks.uncordon,
    },
    {
      id: 'pdb',
      commands: ['cat web-pdb.yaml', 'kubectl apply -f web-pdb.yaml', 'kubectl get pdb'],
      check: nodeMaintenanceChecks.pdb,
    },
    {
      id: 'drain-pdb',
      // Alone in its step: running another command while the drain waits would interrupt it.
      commands: ['kubectl drain node2 --ignore-daemonsets'],
      check: nodeMaintenanceChecks.drainUnderBudget,
    },
    {
      id: 'rebalance',
      commands: [
        'kubectl get pdb',
        'kubectl uncordon node2',
        'kubectl rollout restart deployment web-deploy',
        'kubectl rollout status deployment web-deploy',
        'kubectl get po -o wide',
      ],
      check: nodeMaintenanceChecks.rebalance,
    },
  ],
  text: { en, ja },
};
