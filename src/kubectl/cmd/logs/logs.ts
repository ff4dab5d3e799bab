// `kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [-p]`: which pod and container kubectl reads (the first pod
// of a workload, as podutils.ByLogging orders them), the kubelet's errors for containers without logs, and the
// start-up output of the images whose output the simulator knows (kubernetes-bootcamp; nginx up to 1.17,
// which writes nothing until it serves a request). Other images are reported as not simulated.
import {
  ApiError,
  formatRFC3339,
  isPodReady,
  labelSelectorAsSelector,
  parseImageRef,
  parseTime,
  type Container,
  type KubeObject,
  type Pod,
} from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagBool, flagString } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import { build } from '../../resource/builder.ts';
import { goSortSlice } from '../../util/gosort.ts';
import { GoError, Output, usageErrorf } from '../util/helpers.ts';

const flags: FlagSpec[] = [
  { name: 'all-containers', type: 'bool', default: false },
  { name: 'all-pods', type: 'bool', default: false },
  { name: 'container', short: 'c', type: 'string', default: '' },
  { name: 'follow', short: 'f', type: 'bool', default: false },
  { name: 'ignore-errors', type: 'bool', default: false },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool', default: false },
  { name: 'limit-bytes', type: 'int', default: 0 },
  { name: 'max-log-requests', type: 'int', default: 5 },
  { name: 'pod-running-timeout', type: 'string', default: '20s' },
  { name: 'prefix', type: 'bool', default: false },
  { name: 'previous', short: 'p', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'since', type: 'string', default: '0s' },
  { name: 'since-time', type: 'string', default: '' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'timestamps', type: 'bool', default: false },
];

const phaseRank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

const readyTime = (p: Pod) =>
  p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
const maxRestarts = (p: Pod) =>
  Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
/** afterOrZero(t1, t2): t1 is after t2, or t1 is unset while t2 is set. */
const afterOrZero = (t1: string | undefined, t2: string | undefined) =>
  !t1 || !t2 ? !t1 && !!t2 : parseTime(t1) > parseTime(t2);

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/podutils/podutils.go ByLogging.Less
function byLogging(a: Pod, b: Pod): boolean {
  const an = a.spec?.nodeName ?? '';
  const bn = b.spec?.nodeName ?? '';
  if (an !== bn && (an === '' || bn === '')) return an !== '';
  const ar = phaseRank[a.status?.phase ?? ''] ?? 0;
  const br = phaseRank[b.status?.phase ?? ''] ?? 0;
  if (ar !== br) return ar < br;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b))
    return afterOrZero(readyTime(b), readyTime(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const ac = a.metadata?.creationTimestamp;
  const bc = b.metadata?.creationTimestamp;
  if (ac !== bc) return afterOrZero(bc, ac);
  return false;
}

/** The pod selector of a workload or service, as polymorphichelpers.SelectorsForObject reads it. */
function selectorOf(obj: KubeObject): Parameters<typeof labelSelectorAsSelector>[0] | undefined {
  const spec = (obj as { spec?: { selector?: unknown } }).spec;
  if (obj.kind === 'Service') {
    const sel = spec?.selector as Record<string, string> | undefined;
    return sel ? { matchLabels: sel } : undefined;
  }
  return spec?.selector as Parameters<typeof labelSelectorAsSelector>[0] | undefined;
}

// Models kubernetes/pkg/kubelet/kubelet_pods.go Kubelet.validateContainerLogStatus
function containerLogError(pod: Pod, name: string, previous: boolean): string | undefined {
  const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === name);
  const podName = pod.metadata?.name ?? '';
  const q = (s: string) => JSON.stringify(s);
  const last = status?.lastState?.terminated;
  if (previous) {
    return last?.containerID
      ? undefined
      : `previous terminated container ${q(name)} in pod ${q(podName)} not found`;
  }
  const state = status?.state;
  if (state?.running) return undefined;
  if (state?.terminated) {
    if (state.terminated.containerID || last?.containerID) return undefined;
    return `container ${q(name)} in pod ${q(podName)} is terminated`;
  }
  if (last) return last.containerID ? undefined : `container ${q(name)} in pod ${q(podName)} is terminated`;
  const reason = state?.waiting?.reason;
  if (reason === 'ErrImagePull')
    return `container ${q(name)} in pod ${q(podName)} is waiting to start: image can't be pulled`;
  if (reason === 'ImagePullBackOff')
    return `container ${q(name)} in pod ${q(podName)} is waiting to start: trying and failing to pull image`;
  if (reason) return `container ${q(name)} in pod ${q(podName)} is waiting to start: ${reason}`;
  return `container ${q(name)} in pod ${q(podName)} is waiting to start - no logs yet`;
}

/** What the container wrote since it started, for the images the simulator models; undefined otherwise. */
function containerOutput(pod: Pod, c: Container, startedAt: string): string | undefined {
  if ((c.command ?? []).length > 0 || (c.args ?? []).length > 0) return undefined;
  const { repository, tag } = parseImageRef(c.image ?? '');
  if (repository.endsWith('/kubernetes-bootcamp')) {
    // server.js: console.log("Kubernetes Bootcamp App Started At:", startTime, "| Running On: ", host, "\n")
    // The API's startedAt has whole seconds; node's Date has milliseconds (a stable few hundred after).
    let h = 0;
    for (const ch of pod.metadata?.name ?? '') h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    const ms = parseTime(startedAt) + 50 + (h % 900);
    const started = formatRFC3339(ms).replace(/Z$/, `.${String(ms % 1000).padStart(3, '0')}Z`);
    return `Kubernetes Bootcamp App Started At: ${started} | Running On:  ${pod.metadata?.name ?? ''} \n\n`;
  }
  const m = /^1\.(\d+)(\.\d+)?$/.exec(tag);
  if (repository === 'docker.io/library/nginx' && m && Number(m[1]) <= 17) return '';
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go LogsOptions.RunLogs (one container)
function runLogs(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const fail = (err: GoError | ApiError) => {
    out.fail(err);
    return out.finish();
  };
  const selector = flagString(cmd, 'selector');
  if (cmd.args.length === 0 && selector === '')
    return fail(usageErrorf('kubectl logs', 'expected POD, TYPE/NAME, or --selector'));
  if (cmd.args.length > 2) return fail(usageErrorf('kubectl logs', 'expected POD, TYPE/NAME, or --selector'));
  if (selector !== '') return fail(new GoError('kubectl logs --selector is not available in Rollout Lab'));
  let args = cmd.args;
  let containerArg = flagString(cmd, 'container');
  if (args.length === 2) {
    if (containerArg)
      return fail(usageErrorf('kubectl logs', 'only one of -c or an inline [CONTAINER] arg is allowed'));
    containerArg = args[1]!;
    args = [args[0]!];
  }
  const resourceArg = args[0]!.includes('/') ? args : ['pods', args[0]!];
  const r = build(env, {
    namespace: cmd.namespace,
    enforceNamespace: false,
    args: resourceArg,
    latest: true,
  });
  if (r.err) return fail(r.err as GoError);
  if (r.visitErrors.length > 0) return fail(r.visitErrors[0] as ApiError);
  const info = r.infos[0]!;
  let pod: Pod;
  if (info.mapping.kind === 'Pod') pod = info.object as Pod;
  else {
    // Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go logsForObjectWithClient
    const sel = selectorOf(info.object!);
    if (!sel) return fail(new GoError(`cannot get the logs from ${info.mapping.kind}`));
    const parsed = labelSelectorAsSelector(sel);
    const pods = parsed ? env.cluster.api.list<Pod>('Pod', info.namespace, parsed) : [];
    if (pods.length === 0) return fail(new GoError('timed out waiting for the condition'));
    const sorted = goSortSlice(pods, byLogging);
    pod = sorted[0]!;
    if (pods.length > 1) out.err(`Found ${pods.length} pods, using pod/${pod.metadata?.name ?? ''}\n`);
  }
  const containers = pod.spec?.containers ?? [];
  let container = containers.find((c) => c.name === containerArg);
  if (!containerArg) {
    container = containers[0];
    if (containers.length > 1) {
      out.err(
        `Defaulted container ${JSON.stringify(container?.name ?? '')} out of: ${containers.map((c) => c.name).join(', ')}\n`,
      );
    }
  }
  if (!container) {
    return fail(
      new ApiError(
        'BadRequest',
        400,
        `container ${containerArg} is not valid for pod ${pod.metadata?.name ?? ''}`,
      ),
    );
  }
  const node = pod.spec?.nodeName;
  if (node && !env.cluster.nodeRunning(node)) {
    const ip = env.cluster.api
      .get<KubeObject & { status?: { addresses?: { type: string; address: string }[] } }>(
        'Node',
        undefined,
        node,
      )
      ?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    // The apiserver cannot reach the powered-off node's kubelet: a status without a reason.
    return fail(
      new GoError(
        `Error from server: Get "https://${ip ?? node}:10250/containerLogs/${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}/${container.name}": dial tcp ${ip ?? node}:10250: connect: no route to host`,
        true,
      ),
    );
  }
  const previous = flagBool(cmd, 'previous');
  const statusErr = containerLogError(pod, container.name, previous);
  if (statusErr) return fail(new ApiError('BadRequest', 400, statusErr));
  const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === container.name);
  const startedAt = previous
    ? status?.lastState?.terminated?.startedAt
    : (status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt);
  const text = containerOutput(pod, container, startedAt ?? formatRFC3339(env.cluster.now()));
  if (text === undefined) {
    return fail(
      new GoError(
        `Rollout Lab does not simulate what container ${JSON.stringify(container.name)} (image ${container.image ?? ''}) writes to its log`,
      ),
    );
  }
  out.out(text);
  return out.finish();
}

export const logsCommand: KubectlCommand = { path: ['logs'], flags, run: runLogs };
