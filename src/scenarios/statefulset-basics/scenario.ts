// StatefulSet basics (seed 004, first part): ordered creation, stable names and network identity, a claim per
// Pod that outlives it, scaling up and down by ordinal, a RollingUpdate from the highest ordinal down, and a
// canary with a partition. The narration is our own.
import type { Check, Scenario } from '../schema.ts';
import { imagePatch, podImages, slim07, slim08, webYaml } from './files.ts';
import { en } from './text.en.ts';
import { ja } from './text.ja.ts';

const watchPods = 'kubectl get pods -w -l app=nginx';
const nginxPods = (count: number): Check => ({
  type: 'pods',
  selector: 'app=nginx',
  ready: true,
  terminating: false,
  count,
});
const partition = (n: number) =>
  `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":${n}}}}}'`;

export const statefulSetBasicsChecks = {
  create: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl (apply|create) -f web\\.yaml' },
      { type: 'statefulSet', name: 'web', replicas: 2, readyReplicas: 2 },
      nginxPods(2),
    ],
  },
  identity: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl get (service|services|svc)[ /]nginx\\b' },
      { type: 'commandRun', pattern: '^kubectl get (pod|pods|po)[ /]web-0\\b' },
    ],
  },
  storage: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl get (pvc|persistentvolumeclaims?)\\b' },
      { type: 'claims', selector: 'app=nginx', phase: 'Bound', count: 2 },
    ],
  },
  recreate: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl delete (pod|pods|po) (-l|--selector)[ =]app=nginx' },
      { type: 'statefulSet', name: 'web', replicas: 2, readyReplicas: 2 },
      nginxPods(2),
    ],
  },
  scaleUp: {
    type: 'all',
    checks: [
      { type: 'statefulSet', name: 'web', replicas: 5, readyReplicas: 5 },
      nginxPods(5),
      { type: 'claims', selector: 'app=nginx', phase: 'Bound', count: 5 },
    ],
  },
  scaleDown: {
    type: 'all',
    checks: [
      { type: 'statefulSet', name: 'web', replicas: 3, readyReplicas: 3 },
      { type: 'pods', selector: 'app=nginx', count: 3 },
      nginxPods(3),
      { type: 'claims', selector: 'app=nginx', phase: 'Bound', count: 5 },
      { type: 'commandRun', pattern: '^kubectl get (pvc|persistentvolumeclaims?)\\b' },
    ],
  },
  rollingUpdate: {
    type: 'all',
    checks: [
      {
        type: 'statefulSet',
        name: 'web',
        image: slim07,
        replicas: 3,
        readyReplicas: 3,
        updatedReplicas: 3,
        revisionsMatch: true,
      },
      { type: 'pods', selector: 'app=nginx', count: 3 },
    ],
  },
  canary: {
    type: 'all',
    checks: [
      { type: 'podImage', name: 'web-2', image: slim08, ready: true },
      { type: 'podImage', name: 'web-1', image: slim07, ready: true },
      { type: 'podImage', name: 'web-0', image: slim07, ready: true },
      { type: 'statefulSet', name: 'web', image: slim08, readyReplicas: 3, updatedReplicas: 1 },
    ],
  },
} satisfies Record<string, Check>;

export const statefulSetBasics: Scenario = {
  id: 'statefulset-basics',
  title: {
    en: 'StatefulSet basics: order, identity and storage',
    ja: 'StatefulSet の基本：順序・識別子・ストレージ',
  },
  summary: {
    en: 'Run nginx as a StatefulSet: Pods created one at a time with names that never change, a volume claim per Pod that survives the Pod, scaling by ordinal, an update that starts from the highest ordinal, and a canary with a partition.',
    ja: 'nginx を StatefulSet で動かします。Pod は 1 つずつ作られ、名前は変わりません。Pod ごとのボリューム要求は Pod より長生きします。序数に沿ったスケール、最大の序数から始まる更新、partition を使ったカナリアまで試します。',
  },
  cluster: { seed: 4, workers: 2 },
  files: { 'web.yaml': webYaml },
  steps: [
    {
      id: 'create',
      commands: ['cat web.yaml', 'kubectl apply -f web.yaml', watchPods],
      check: statefulSetBasicsChecks.create,
    },
    {
      id: 'identity',
      commands: [
        'kubectl get pods -l app=nginx -o wide',
        'kubectl get service nginx',
        `kubectl get pod web-0 -o jsonpath='{.spec.hostname}.{.spec.subdomain}{"\\n"}'`,
      ],
      check: statefulSetBasicsChecks.identity,
    },
    {
      id: 'storage',
      commands: ['kubectl get pvc -l app=nginx', 'kubectl get pv', 'kubectl get storageclass'],
      check: statefulSetBasicsChecks.storage,
    },
    {
      id: 'recreate',
      commands: ['kubectl delete pod -l app=nginx', watchPods],
      check: statefulSetBasicsChecks.recreate,
    },
    {
      id: 'scale-up',
      commands: ['kubectl scale sts web --replicas=5', watchPods],
      check: statefulSetBasicsChecks.scaleUp,
    },
    {
      id: 'scale-down',
      commands: [
        `kubectl patch sts web -p '{"spec":{"replicas":3}}'`,
        watchPods,
        'kubectl get pvc -l app=nginx',
      ],
      check: statefulSetBasicsChecks.scaleDown,
    },
    {
      id: 'rolling-update',
      commands: [imagePatch(slim07), 'kubectl rollout status sts/web', podImages],
      check: statefulSetBasicsChecks.rollingUpdate,
    },
    {
      id: 'canary',
      commands: [partition(2), imagePatch(slim08), 'kubectl rollout status sts/web', podImages],
      check: statefulSetBasicsChecks.canary,
    },
  ],
  text: { en, ja },
};
