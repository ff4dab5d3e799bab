// Legacy rolling updates with ReplicationControllers and `kubectl rolling-update` (seed 003, GKE v1.1 era):
// an --image update that renames the new controller back, the two refusals of a multi-container update from a
// file, and the fix with a `version` label and a timestamped controller name. The command left kubectl in 1.18;
// the simulator replays its last implementation (1.17). The narration is our own.
import type { Check, Scenario } from '../schema.ts';
import {
  api100,
  api101,
  apiRc,
  apiRcMulti,
  apiRcMultiNext,
  apiRcV2,
  apiRcVersioned,
  apiSrv,
  firstVersion,
  versionedUpdate,
} from './files.ts';
import { en } from './text.en.ts';
import { ja } from './text.ja.ts';

const versionedFile = `api-rc-${firstVersion}.json`;

const apiPodsReady: Check = {
  type: 'pods',
  selector: 'name=api-pods',
  terminating: false,
  ready: true,
  count: 3,
};
/** A `kubectl rolling-update …` typed at the start of a line or after a pipe (`cat file | kubectl …`). */
const rollingUpdate = (rest: string) => ({
  type: 'commandRun' as const,
  pattern: `(^|\\|\\s*)kubectl rolling-update ${rest}`,
});
/** A file given to rolling-update, by `-f FILE` or through a pipe. */
const rollingUpdateFrom = (file: string) => ({
  type: 'commandRun' as const,
  pattern: `${file}.*\\|\\s*kubectl rolling-update|kubectl rolling-update.*-f[= ]?${file}`,
});

export const legacyRollingUpdateChecks = {
  look: {
    type: 'all',
    checks: [
      { type: 'commandRun', pattern: '^kubectl get (rc|replicationcontrollers?)\\b' },
      { type: 'replicationController', name: 'api-rc', image: api100, readyReplicas: 3 },
      apiPodsReady,
    ],
  },
  image: {
    type: 'all',
    checks: [
      rollingUpdate('(rc/)?api-rc\\b.*--image'),
      { type: 'replicationController', name: 'api-rc', image: api101, readyReplicas: 3 },
      { type: 'replicationController', name: 'api-rc-.+', count: 0 },
      apiPodsReady,
    ],
  },
  sidecar: {
    type: 'all',
    checks: [
      { type: 'replicationController', name: 'api-rc', image: api100, containers: 2, readyReplicas: 3 },
      apiPodsReady,
    ],
  },
  sameName: {
    type: 'all',
    checks: [
      rollingUpdateFrom('api-rc-multi-1\\.0\\.1\\.json'),
      { type: 'replicationController', name: 'api-rc', image: api100, containers: 2, readyReplicas: 3 },
    ],
  },
  selector: {
    type: 'all',
    checks: [
      rollingUpdateFrom('api-rc-v2\\.json'),
      { type: 'replicationController', name: 'api-rc-v2', count: 0 },
      { type: 'replicationController', name: 'api-rc', image: api100, readyReplicas: 3 },
    ],
  },
  versioned: {
    type: 'all',
    checks: [
      { type: 'replicationController', name: 'api-rc', count: 0 },
      { type: 'replicationController', name: `api-rc-${firstVersion}`, readyReplicas: 3 },
      { ...apiPodsReady, selector: `name=api-pods,version=${firstVersion}` },
    ],
  },
  versionedUpdate: {
    type: 'all',
    checks: [
      rollingUpdate('\\$\\{?CURRENT_RC_NAME\\}? -f -'),
      { type: 'replicationController', name: 'api-rc-\\d+', count: 1 },
      { type: 'replicationController', name: 'api-rc-\\d+', image: api101, readyReplicas: 3 },
      { ...apiPodsReady, selector: `name=api-pods,version,version!=${firstVersion}` },
    ],
  },
} satisfies Record<string, Check>;

export const legacyRollingUpdate: Scenario = {
  id: 'legacy-rolling-update',
  title: {
    en: 'Legacy: rolling-update with ReplicationControllers',
    ja: 'レガシー：ReplicationController の rolling-update',
  },
  summary: {
    en: 'Before Deployments, kubectl itself rolled Pods over from one ReplicationController to another. Update an API with `kubectl rolling-update --image`, see why the same command refuses a two-container Pod from a file, and fix it with a version label — while the Service keeps sending traffic.',
    ja: 'Deployment が生まれる前は、kubectl 自身が ReplicationController から別の ReplicationController へ Pod を入れ替えていました。`kubectl rolling-update --image` で API を更新し、2 コンテナの Pod をファイルから更新しようとすると断られる理由を確かめ、version ラベルで解決します。その間も Service は通信を流し続けます。',
  },
  cluster: { seed: 3, workers: 3 },
  files: {
    'api-rc.json': apiRc,
    'api-srv.json': apiSrv,
    'api-rc-multi.json': apiRcMulti,
    'api-rc-multi-1.0.1.json': apiRcMultiNext,
    'api-rc-v2.json': apiRcV2,
    [versionedFile]: apiRcVersioned,
  },
  setup: {
    commands: ['kubectl create -f api-rc.json', 'kubectl create -f api-srv.json'],
    until: { type: 'all', checks: [legacyRollingUpdateChecks.look.checks[1]!, apiPodsReady] },
  },
  steps: [
    {
      id: 'look',
      commands: ['cat api-rc.json', 'kubectl get rc', 'kubectl get pods -L name', 'kubectl get svc api-srv'],
      check: legacyRollingUpdateChecks.look,
    },
    {
      id: 'image',
      // Alone with its checks: rolling-update blocks until it is done, and a new command would interrupt it.
      commands: [
        `kubectl rolling-update api-rc --image=${api101}`,
        'kubectl get rc',
        'kubectl get pods -L deployment',
      ],
      check: legacyRollingUpdateChecks.image,
    },
    {
      id: 'sidecar',
      commands: ['kubectl delete rc api-rc', 'kubectl create -f api-rc-multi.json', 'kubectl get pods'],
      check: legacyRollingUpdateChecks.sidecar,
    },
    {
      id: 'same-name',
      commands: ['cat api-rc-multi-1.0.1.json | kubectl rolling-update api-rc -f -'],
      check: legacyRollingUpdateChecks.sameName,
    },
    {
      id: 'selector',
      commands: ['cat api-rc-v2.json | kubectl rolling-update api-rc -f -'],
      check: legacyRollingUpdateChecks.selector,
    },
    {
      id: 'versioned',
      commands: [
        `cat ${versionedFile}`,
        'kubectl delete rc api-rc',
        `kubectl create -f ${versionedFile}`,
        'kubectl get pods -L version',
      ],
      check: legacyRollingUpdateChecks.versioned,
    },
    {
      id: 'versioned-update',
      commands: [
        ...versionedUpdate,
        'kubectl get rc',
        'kubectl get pods -L version',
        'kubectl describe svc api-srv',
      ],
      check: legacyRollingUpdateChecks.versionedUpdate,
    },
  ],
  text: { en, ja },
};
