// The first guided tutorial: a Deployment's life — create, scale, rolling update, rollback, history.
// Built from seed 000 (a learner's notes on web-deploy); the narration is our own.
import type { Scenario } from '../schema.ts';
import { webDeploy, webDeploy118 } from './files.ts';
import { en } from './text.en.ts';
import { ja } from './text.ja.ts';

export const deploymentBasics: Scenario = {
  id: 'deployment-basics',
  title: {
    en: 'Deployment basics: scale, roll out, roll back',
    ja: 'Deployment の基本：スケール・ロールアウト・ロールバック',
  },
  summary: {
    en: 'Create a Deployment of four nginx Pods, scale it in, update it to a new image with a rolling update, then roll it back.',
    ja: 'nginx の Pod 4 つを動かす Deployment を作り、スケールインし、ローリングアップデートで新しいイメージに更新してから、ロールバックします。',
  },
  cluster: { seed: 7, workers: 2 },
  files: {
    'web-deploy.yaml': webDeploy,
    'web-deploy-1.18.yaml': webDeploy118,
  },
  steps: [
    {
      id: 'nodes',
      commands: ['kubectl get nodes'],
      check: { type: 'commandRun', pattern: '^kubectl get (nodes|node|no)\\b' },
    },
    {
      id: 'create',
      commands: ['cat web-deploy.yaml', 'kubectl apply -f web-deploy.yaml'],
      check: { type: 'deploymentComplete', name: 'web-deploy', replicas: 4 },
    },
    {
      id: 'inspect',
      commands: ['kubectl get po,deploy'],
      check: {
        type: 'all',
        checks: [
          { type: 'commandRun', pattern: '^kubectl get (po|pod|pods),(deploy|deployment|deployments)\\b' },
          { type: 'deploymentComplete', name: 'web-deploy', replicas: 4 },
        ],
      },
    },
    {
      id: 'scale',
      commands: ['kubectl scale --replicas=2 deployment/web-deploy', 'kubectl get po,deploy'],
      check: { type: 'deploymentComplete', name: 'web-deploy', replicas: 2, settled: true },
    },
    {
      id: 'rollout',
      commands: [
        'kubectl apply -f web-deploy-1.18.yaml',
        'kubectl get po',
        'kubectl describe deploy web-deploy',
      ],
      check: {
        type: 'deploymentComplete',
        name: 'web-deploy',
        replicas: 4,
        image: 'nginx:1.18',
        settled: true,
      },
    },
    {
      id: 'undo',
      commands: ['kubectl rollout undo deployment web-deploy', 'kubectl get po'],
      check: {
        type: 'deploymentComplete',
        name: 'web-deploy',
        replicas: 4,
        image: 'nginx:1.17',
        settled: true,
      },
    },
    {
      id: 'history',
      commands: ['kubectl rollout history deployment web-deploy', 'kubectl get rs'],
      check: {
        type: 'commandRun',
        pattern: '^kubectl rollout history (deployment|deploy|deployments)[/ ]web-deploy\\b',
      },
    },
  ],
  text: { en, ja },
};
