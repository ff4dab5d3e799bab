// The Kubernetes Basics tutorial "Performing a Rolling Update" (seed 002, the Japanese translation of the
// kubernetes-bootcamp module): update to v2, check it through the NodePort Service, update to a tag that does not
// exist, watch the rollout stall, roll back. The tutorial's commands are kept verbatim; the narration is our own.
import type { Check, Scenario } from '../schema.ts';
import { en } from './text.en.ts';
import { ja } from './text.ja.ts';

export const BOOTCAMP = 'kubernetes-bootcamp';
const image = (tag: string) => `jocatalin/kubernetes-bootcamp:${tag}`;

/** What `kubectl expose deployment/kubernetes-bootcamp --type=NodePort --port 8080` creates. */
export const bootcampService = `apiVersion: v1
kind: Service
metadata:
  name: kubernetes-bootcamp
  labels:
    app: kubernetes-bootcamp
spec:
  type: NodePort
  selector:
    app: kubernetes-bootcamp
  ports:
  - port: 8080
    protocol: TCP
    targetPort: 8080
`;

export const bootcampChecks = {
  look: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl describe (po|pod|pods)\\b' },
      { type: 'deploymentComplete', name: BOOTCAMP, replicas: 4, image: image('v1') },
    ],
  },
  update: { type: 'deploymentComplete', name: BOOTCAMP, replicas: 4, image: image('v2'), settled: true },
  verify: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^curl\\b.*\\bhost01:' },
      { type: 'deploymentComplete', name: BOOTCAMP, replicas: 4, image: image('v2'), settled: true },
    ],
  },
  status: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: `^kubectl rollout status (deployments?|deploy)[/ ]${BOOTCAMP}\\b` },
      { type: 'deploymentComplete', name: BOOTCAMP, replicas: 4, image: image('v2') },
    ],
  },
  badUpdate: { type: 'replicaSet', deployment: BOOTCAMP, image: image('v10'), replicas: 2 },
  stalled: {
    type: 'all',
    checks: [
      { type: 'replicaSet', deployment: BOOTCAMP, image: image('v10'), replicas: 2, readyReplicas: 0 },
      { type: 'replicaSet', deployment: BOOTCAMP, image: image('v2'), replicas: 3, readyReplicas: 3 },
      {
        type: 'pods',
        selector: `app=${BOOTCAMP}`,
        terminating: false,
        waiting: ['ErrImagePull', 'ImagePullBackOff'],
        count: 2,
      },
    ],
  },
  undo: { type: 'deploymentComplete', name: BOOTCAMP, replicas: 4, image: image('v2'), settled: true },
} satisfies Record<string, Check>;

export const bootcampRollingUpdate: Scenario = {
  id: 'bootcamp-rolling-update',
  title: {
    en: 'Kubernetes Basics: performing a rolling update',
    ja: 'Kubernetes の基本：ローリングアップデートの実行',
  },
  summary: {
    en: 'The official bootcamp tutorial, played on a simulated cluster: update kubernetes-bootcamp to v2, check it through its NodePort Service, try a v10 that does not exist, see exactly where the rollout stalls, and roll back.',
    ja: '公式チュートリアル（bootcamp）をシミュレーターで。kubernetes-bootcamp を v2 に更新し、NodePort の Service 越しに確かめ、存在しない v10 を試してロールアウトがどこで止まるかを確かめ、ロールバックします。',
  },
  cluster: { seed: 3, workers: 2 },
  files: {},
  setup: {
    hostAliases: { host01: 'node1' },
    commands: [
      `kubectl create deployment ${BOOTCAMP} --image=${image('v1')} --replicas=4`,
      `kubectl create -f - <<EOF\n${bootcampService}EOF`,
    ],
    until: { type: 'deploymentComplete', name: BOOTCAMP, replicas: 4, image: image('v1'), settled: true },
  },
  steps: [
    {
      id: 'look',
      commands: ['kubectl get deployments', 'kubectl get pods', 'kubectl describe pods'],
      check: bootcampChecks.look,
    },
    {
      id: 'update',
      commands: [`kubectl set image deployments/${BOOTCAMP} ${BOOTCAMP}=${image('v2')}`, 'kubectl get pods'],
      check: bootcampChecks.update,
    },
    {
      id: 'verify',
      commands: [
        `kubectl describe services/${BOOTCAMP}`,
        `export NODE_PORT=$(kubectl get services/${BOOTCAMP} -o go-template='{{(index .spec.ports 0).nodePort}}')`,
        'echo NODE_PORT=$NODE_PORT',
        'curl host01:$NODE_PORT',
      ],
      check: bootcampChecks.verify,
    },
    {
      id: 'status',
      commands: [`kubectl rollout status deployments/${BOOTCAMP}`, 'kubectl describe pods'],
      check: bootcampChecks.status,
    },
    {
      id: 'bad-update',
      commands: [
        `kubectl set image deployments/${BOOTCAMP} ${BOOTCAMP}=${image('v10')}`,
        'kubectl get deployments',
      ],
      check: bootcampChecks.badUpdate,
    },
    {
      id: 'stalled',
      commands: ['kubectl get deployments', 'kubectl get pods', 'kubectl describe pods'],
      check: bootcampChecks.stalled,
      observe: true,
    },
    {
      id: 'undo',
      commands: [`kubectl rollout undo deployments/${BOOTCAMP}`, 'kubectl get pods', 'kubectl describe pods'],
      check: bootcampChecks.undo,
    },
  ],
  text: { en, ja },
};
