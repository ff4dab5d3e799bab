// kubectl 1.17's RollingUpdater: replaces a ReplicationController by a new one, scaling the new one up and the
// old one down step by step (never below minAvailable ready pods, never above desired+maxSurge pods), then
// deletes or renames. Every wait (update period, polls) is a goroutine sleep on the virtual clock.
import {
  ApiError,
  deepCopy,
  getScaledValueFromIntOrPercent,
  labelSelectorAsSelector,
  parseTime,
  type ApiServer,
  type Pod,
  type ReplicationController,
  type Stored,
} from '../../../engine/index.ts';
import { Aggregate, GoError, type KubectlError } from '../util/helpers.ts';
import { sleep, type Clock, type Routine } from '../drain/tasks.ts';
import { hashObject } from './hash.ts';
import { scale, type RetryParams } from './scale.ts';
import { poll } from './wait.ts';

export type RC = ReplicationController;
type IntOrString = number | string;

const kubectlAnnotationPrefix = 'kubectl.kubernetes.io/';
export const sourceIDAnnotation = `${kubectlAnnotationPrefix}update-source-id`;
export const desiredReplicasAnnotation = `${kubectlAnnotationPrefix}desired-replicas`;
export const originalReplicasAnnotation = `${kubectlAnnotationPrefix}original-replicas`;
export const nextControllerAnnotation = `${kubectlAnnotationPrefix}next-controller-id`;

export function isError(v: unknown): v is KubectlError {
  return v instanceof GoError || v instanceof ApiError || v instanceof Aggregate;
}

const valOrZero = (v: number | undefined) => v ?? 0;
const nameOf = (rc: RC) => rc.metadata?.name ?? '';
const nsOf = (rc: RC) => rc.metadata?.namespace ?? '';

export type RollingUpdaterCleanupPolicy = 'Delete' | 'Preserve' | 'Rename';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdaterConfig
export interface RollingUpdaterConfig {
  out: (text: string) => void;
  oldRc: RC;
  newRc: RC;
  updatePeriodMs: number;
  intervalMs: number;
  timeoutMs: number;
  minReadySeconds: number;
  cleanupPolicy: RollingUpdaterCleanupPolicy;
  maxUnavailable?: IntOrString;
  maxSurge?: IntOrString;
  onProgress?: (oldRc: RC, newRc: RC, percentage: number) => KubectlError | undefined;
}

function rcNotFound(name: string): ApiError {
  return new ApiError('NotFound', 404, `replicationcontrollers "${name}" not found`, {
    kind: 'replicationcontrollers',
    name,
    group: '',
  });
}

/** GET replicationcontrollers/NAME: a copy the caller may change. */
export function getRc(api: ApiServer, namespace: string, name: string): RC | ApiError {
  const rc = api.get<RC>('ReplicationController', namespace, name);
  return rc ? deepCopy(rc) : rcNotFound(name);
}

const isNotFound = (e: unknown) => e instanceof ApiError && e.reason === 'NotFound';

// Models golang strconv Atoi
function atoi(s: string | undefined): number | undefined {
  return s !== undefined && /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** Go's %v of a map[string]string: `map[a:1 b:2]`, keys sorted. */
function goMap(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return `map[${keys.map((k) => `${k}:${m![k]}`).join(' ')}]`;
}

function selectorOf(rc: RC) {
  return labelSelectorAsSelector({ matchLabels: rc.spec?.selector ?? {} }) ?? [];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go ResolveFenceposts
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): [number, number] | GoError {
  const [surge, serr] = getScaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  if (serr) return new GoError(serr.message);
  const [unavailable, uerr] = getScaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (uerr) return new GoError(uerr.message);
  return [surge, surge === 0 && unavailable === 0 ? 1 : unavailable];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/util/podutils/podutils.go IsPodAvailable
function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  if (c?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(c.lastTransitionTime);
  return since !== 0 && since + minReadySeconds * 1000 < now;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater
export class RollingUpdater {
  scaleAndWait: (rc: RC, retry: RetryParams, wait: RetryParams) => Routine<RC | KubectlError>;
  getOrCreateTargetController: (controller: RC, sourceID: string) => [RC, boolean] | KubectlError;
  cleanup: (oldRc: RC, newRc: RC, config: RollingUpdaterConfig) => Routine<KubectlError | undefined>;
  getReadyPods: (oldRc: RC, newRc: RC, minReadySeconds: number) => [number, number] | KubectlError;
  nowFn: () => number;

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go NewRollingUpdater
  constructor(
    readonly ns: string,
    readonly api: ApiServer,
    readonly clock: Clock,
  ) {
    this.scaleAndWait = (rc, retry, wait) => this.scaleAndWaitWithScaler(rc, retry, wait);
    this.getOrCreateTargetController = (c, id) => this.getOrCreateTargetControllerWithClient(c, id);
    this.getReadyPods = (o, n, m) => this.readyPods(o, n, m);
    this.cleanup = (o, n, c) => this.cleanupWithClients(o, n, c);
    this.nowFn = () => clock.now();
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.Update
  /**
   * Go's time.Sleep(0) returns at once and each loop costs real time; here a zero update period sleeps 1 ms
   * of virtual time, so an update that makes no progress still reaches its progress deadline.
   */
  *update(config: RollingUpdaterConfig): Routine<KubectlError | undefined> {
    const out = config.out;
    let oldRc = config.oldRc;
    const scaleRetryParams: RetryParams = { intervalMs: config.intervalMs, timeoutMs: config.timeoutMs };
    const sourceID = `${nameOf(oldRc)}:${oldRc.metadata?.uid ?? ''}`;
    const got = this.getOrCreateTargetController(config.newRc, sourceID);
    if (isError(got)) return got;
    let [newRc] = got;
    const existed = got[1];
    out(
      existed
        ? `Continuing update with existing controller ${nameOf(newRc)}.\n`
        : `Created ${nameOf(newRc)}\n`,
    );
    const desiredText = newRc.metadata?.annotations?.[desiredReplicasAnnotation];
    const desired = atoi(desiredText);
    if (desired === undefined) {
      return new GoError(
        `Unable to parse annotation for ${nameOf(newRc)}: ${desiredReplicasAnnotation}=${desiredText ?? ''}`,
      );
    }
    if (oldRc.metadata?.annotations?.[originalReplicasAnnotation] === undefined) {
      const existing = getRc(this.api, nsOf(oldRc), nameOf(oldRc));
      if (isError(existing)) return existing;
      const originReplicas = String(valOrZero(existing.spec?.replicas));
      const updated = updateRcWithRetries(this.api, nsOf(existing), existing, (rc) => {
        (rc.metadata ??= {}).annotations = {
          ...rc.metadata.annotations,
          [originalReplicasAnnotation]: originReplicas,
        };
      });
      if (isError(updated)) return updated;
      oldRc = updated;
    }
    const fenceposts = resolveFenceposts(config.maxSurge, config.maxUnavailable, desired);
    if (fenceposts instanceof GoError) return fenceposts;
    const maxSurge = fenceposts[0];
    let maxUnavailable = fenceposts[1];
    if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) {
      return new GoError('one of maxSurge or maxUnavailable must be specified');
    }
    let minAvailable = Math.max(0, desired - maxUnavailable);
    if (desired === 0) {
      maxUnavailable = valOrZero(oldRc.spec?.replicas);
      minAvailable = 0;
    }
    out(
      `Scaling up ${nameOf(newRc)} from ${valOrZero(newRc.spec?.replicas)} to ${desired}, scaling down ${nameOf(oldRc)} from ${valOrZero(oldRc.spec?.replicas)} to 0 (keep ${minAvailable} pods available, don't exceed ${desired + maxSurge} pods)\n`,
    );
    const goal = Math.abs(desired - valOrZero(newRc.spec?.replicas));
    const progress = (complete: boolean): KubectlError | undefined => {
      if (!config.onProgress) return undefined;
      const p = Math.abs(desired - valOrZero(newRc.spec?.replicas));
      const percentage = !complete && goal > 0 ? Math.trunc(((goal - p) * 100) / goal) : 100;
      return config.onProgress(oldRc, newRc, percentage);
    };
    let progressDeadline = this.clock.now() + config.timeoutMs;
    while (valOrZero(newRc.spec?.replicas) !== desired || valOrZero(oldRc.spec?.replicas) !== 0) {
      const newReplicas = valOrZero(newRc.spec?.replicas);
      const oldReplicas = valOrZero(oldRc.spec?.replicas);
      const up = yield* this.scaleUp(
        newRc,
        oldRc,
        desired,
        maxSurge,
        maxUnavailable,
        scaleRetryParams,
        config,
      );
      if (isError(up)) return up;
      newRc = up;
      let err = progress(false);
      if (err) return err;
      yield sleep(Math.max(1, config.updatePeriodMs));
      const down = yield* this.scaleDown(
        newRc,
        oldRc,
        desired,
        minAvailable,
        maxUnavailable,
        maxSurge,
        config,
      );
      if (isError(down)) return down;
      oldRc = down;
      err = progress(false);
      if (err) return err;
      const progressMade =
        valOrZero(newRc.spec?.replicas) !== newReplicas || valOrZero(oldRc.spec?.replicas) !== oldReplicas;
      if (progressMade) progressDeadline = this.clock.now() + config.timeoutMs;
      else if (this.clock.now() > progressDeadline) {
        return new GoError('timed out waiting for any update progress to be made');
      }
    }
    const err = progress(true);
    if (err) return err;
    return yield* this.cleanup(oldRc, newRc, config);
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.scaleUp
  *scaleUp(
    newRc: RC,
    oldRc: RC,
    desired: number,
    maxSurge: number,
    _maxUnavailable: number,
    scaleRetryParams: RetryParams,
    config: RollingUpdaterConfig,
  ): Routine<RC | KubectlError> {
    if (valOrZero(newRc.spec?.replicas) === desired) return newRc;
    let increment = desired + maxSurge - (valOrZero(oldRc.spec?.replicas) + valOrZero(newRc.spec?.replicas));
    if (valOrZero(oldRc.spec?.replicas) === 0) increment = desired - valOrZero(newRc.spec?.replicas);
    if (increment <= 0) return newRc;
    const spec = (newRc.spec ??= {});
    spec.replicas = Math.min(valOrZero(spec.replicas) + increment, desired);
    config.out(`Scaling ${nameOf(newRc)} up to ${spec.replicas}\n`);
    return yield* this.scaleAndWait(newRc, scaleRetryParams, scaleRetryParams);
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.scaleDown
  *scaleDown(
    newRc: RC,
    oldRc: RC,
    desired: number,
    minAvailable: number,
    _maxUnavailable: number,
    _maxSurge: number,
    config: RollingUpdaterConfig,
  ): Routine<RC | KubectlError> {
    if (valOrZero(oldRc.spec?.replicas) === 0) return oldRc;
    const ready = this.getReadyPods(oldRc, newRc, config.minReadySeconds);
    if (isError(ready)) return ready;
    const newAvailable = ready[1];
    const allPods = valOrZero(oldRc.spec?.replicas) + valOrZero(newRc.spec?.replicas);
    const newUnavailable = valOrZero(newRc.spec?.replicas) - newAvailable;
    const decrement = allPods - minAvailable - newUnavailable;
    if (decrement <= 0) return oldRc;
    const spec = (oldRc.spec ??= {});
    spec.replicas = Math.max(0, valOrZero(spec.replicas) - decrement);
    if (valOrZero(newRc.spec?.replicas) === desired && newAvailable === desired) spec.replicas = 0;
    config.out(`Scaling ${nameOf(oldRc)} down to ${spec.replicas}\n`);
    const retryWait: RetryParams = { intervalMs: config.intervalMs, timeoutMs: config.timeoutMs };
    return yield* this.scaleAndWait(oldRc, retryWait, retryWait);
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.scaleAndWaitWithScaler
  *scaleAndWaitWithScaler(rc: RC, retry: RetryParams, wait: RetryParams): Routine<RC | KubectlError> {
    const precondition = { size: -1, resourceVersion: '' };
    const ns = nsOf(rc);
    const err = yield* scale(
      this.api,
      this.clock,
      ns,
      nameOf(rc),
      valOrZero(rc.spec?.replicas),
      precondition,
      retry,
      wait,
    );
    if (err) return err;
    return getRc(this.api, ns, nameOf(rc));
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.readyPods
  readyPods(oldRc: RC, newRc: RC, minReadySeconds: number): [number, number] {
    let oldReady = 0;
    let newReady = 0;
    for (const controller of [oldRc, newRc]) {
      for (const pod of this.api.list<Pod>('Pod', nsOf(controller), selectorOf(controller))) {
        if (pod.metadata.deletionTimestamp) continue;
        if (!isPodAvailable(pod, minReadySeconds, this.nowFn())) continue;
        if (nameOf(controller) === nameOf(oldRc)) oldReady++;
        else if (nameOf(controller) === nameOf(newRc)) newReady++;
      }
    }
    return [oldReady, newReady];
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.getOrCreateTargetControllerWithClient
  getOrCreateTargetControllerWithClient(controller: RC, sourceID: string): [RC, boolean] | KubectlError {
    const existing = this.existingController(controller);
    if (isError(existing)) {
      if (!isNotFound(existing)) return existing;
      const replicas = valOrZero(controller.spec?.replicas);
      if (replicas <= 0) {
        return new GoError(
          `Invalid controller spec for ${nameOf(controller)}; required: > 0 replicas, actual: ${replicas}`,
        );
      }
      const meta = (controller.metadata ??= {});
      meta.annotations = {
        ...meta.annotations,
        [desiredReplicasAnnotation]: String(replicas),
        [sourceIDAnnotation]: sourceID,
      };
      (controller.spec ??= {}).replicas = 0;
      const [created, err] = this.api.create<RC>({
        ...controller,
        metadata: { ...meta, namespace: this.ns },
      });
      if (err) return err;
      return [deepCopy(created), false];
    }
    const annotations = existing.metadata?.annotations;
    const source = annotations?.[sourceIDAnnotation];
    if (source !== sourceID || annotations?.[desiredReplicasAnnotation] === undefined) {
      return new GoError(
        `Missing/unexpected annotations for controller ${nameOf(controller)}, expected ${sourceID} : ${goMap(annotations)}`,
      );
    }
    return [existing, true];
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.existingController
  existingController(controller: RC): RC | ApiError {
    if (!controller.metadata?.name && controller.metadata?.generateName) return rcNotFound('');
    return getRc(this.api, nsOf(controller), nameOf(controller));
  }

  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go RollingUpdater.cleanupWithClients
  *cleanupWithClients(oldRc: RC, newRc: RC, config: RollingUpdaterConfig): Routine<KubectlError | undefined> {
    const fetched = getRc(this.api, this.ns, nameOf(newRc));
    if (isError(fetched)) return fetched;
    const updated = updateRcWithRetries(this.api, this.ns, fetched, (rc) => {
      const a = { ...rc.metadata?.annotations };
      delete a[sourceIDAnnotation];
      delete a[desiredReplicasAnnotation];
      // An emptied map is omitted from the JSON (omitempty), as the Go client sends it.
      if (Object.keys(a).length > 0) (rc.metadata ??= {}).annotations = a;
      else delete rc.metadata?.annotations;
    });
    if (isError(updated)) return updated;
    const err = yield* poll(
      this.clock,
      config.intervalMs,
      config.timeoutMs,
      controllerHasDesiredReplicas(this.api, updated),
    );
    if (err) return err;
    const current = getRc(this.api, this.ns, nameOf(updated));
    if (isError(current)) return current;
    switch (config.cleanupPolicy) {
      case 'Delete': {
        config.out(`Update succeeded. Deleting ${nameOf(oldRc)}\n`);
        const [, derr] = this.api.delete('ReplicationController', this.ns, nameOf(oldRc));
        return derr ?? undefined;
      }
      case 'Rename': {
        config.out(`Update succeeded. Deleting old controller: ${nameOf(oldRc)}\n`);
        const [, derr] = this.api.delete('ReplicationController', this.ns, nameOf(oldRc));
        if (derr) return derr;
        config.out(`Renaming ${nameOf(current)} to ${nameOf(oldRc)}\n`);
        return yield* rename(this.api, this.clock, current, nameOf(oldRc));
      }
      default:
        return undefined;
    }
  }
}

/**
 * DELETE with propagationPolicy=Orphan. The simulated apiserver has no orphan finalizer, so the dependents'
 * owner references are removed here (the garbage collector's work upstream) before the delete.
 */
function deleteOrphan(api: ApiServer, namespace: string, name: string): KubectlError | undefined {
  const live = api.get<RC>('ReplicationController', namespace, name);
  if (!live) return rcNotFound(name);
  for (const dep of api.listOwnedBy<Pod>('Pod', live.metadata.uid)) {
    const copy = deepCopy(dep);
    copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter(
      (r) => r.uid !== live.metadata.uid,
    );
    if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
    api.update(copy);
  }
  const [, err] = api.delete('ReplicationController', namespace, name);
  return err ?? undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go Rename
export function* rename(
  api: ApiServer,
  clock: Clock,
  rc: RC,
  newName: string,
): Routine<KubectlError | undefined> {
  const oldName = nameOf(rc);
  const ns = nsOf(rc);
  const meta = (rc.metadata ??= {});
  meta.name = newName;
  delete meta.resourceVersion;
  const derr = deleteOrphan(api, ns, oldName);
  if (derr && !isNotFound(derr)) return derr;
  const err = yield* poll(clock, 5_000, 60_000, () => {
    const got = getRc(api, ns, oldName);
    if (!isError(got)) return false;
    return isNotFound(got) ? true : got;
  });
  if (err) return err;
  const [, cerr] = api.create<RC>(rc);
  return cerr ?? undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go LoadExistingNextReplicationController
export function loadExistingNextReplicationController(
  api: ApiServer,
  namespace: string,
  newName: string,
): RC | undefined | KubectlError {
  if (!newName) return undefined;
  const rc = getRc(api, namespace, newName);
  if (isNotFound(rc)) return undefined;
  return rc;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go NewControllerConfig
export interface NewControllerConfig {
  namespace: string;
  oldName: string;
  newName: string;
  image: string;
  container: string;
  deploymentKey: string;
  pullPolicy: string;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go CreateNewControllerFromCurrentController
export function createNewControllerFromCurrentController(
  api: ApiServer,
  cfg: NewControllerConfig,
): RC | KubectlError {
  let containerIndex = 0;
  const newRc = getRc(api, cfg.namespace, cfg.oldName);
  if (isError(newRc)) return newRc;
  const containers = newRc.spec?.template?.spec?.containers ?? [];
  if (cfg.container) {
    containerIndex = containers.findIndex((c) => c.name === cfg.container);
    if (containerIndex < 0) return new GoError(`container ${cfg.container} not found in pod`);
  }
  if (containers.length > 1 && !cfg.container) {
    return new GoError('must specify container to update when updating a multi-container pod');
  }
  // Upstream prints the whole controller with %v here; a ReplicationController without containers is invalid.
  if (containers.length === 0) return new GoError(`pod has no containers! (${nameOf(newRc)})`);
  const c = containers[containerIndex]!;
  c.image = cfg.image;
  if (cfg.pullPolicy) c.imagePullPolicy = cfg.pullPolicy;
  const newHash = hashObject(newRc);
  if (!cfg.newName) cfg.newName = `${nameOf(newRc)}-${newHash}`;
  const meta = (newRc.metadata ??= {});
  meta.name = cfg.newName;
  const spec = (newRc.spec ??= {});
  spec.selector = { ...spec.selector, [cfg.deploymentKey]: newHash };
  const tmeta = ((spec.template ??= {}).metadata ??= {});
  tmeta.labels = { ...tmeta.labels, [cfg.deploymentKey]: newHash };
  delete meta.resourceVersion;
  return newRc;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go AbortRollingUpdate
export function abortRollingUpdate(c: RollingUpdaterConfig): KubectlError | undefined {
  const tmp = c.oldRc;
  c.oldRc = c.newRc;
  c.newRc = tmp;
  const meta = (c.newRc.metadata ??= {});
  meta.annotations = {
    ...meta.annotations,
    [sourceIDAnnotation]: `${nameOf(c.oldRc)}:${c.oldRc.metadata?.uid ?? ''}`,
  };
  const originalSize = tmp.metadata?.annotations?.[originalReplicasAnnotation];
  if (originalSize === undefined)
    return new GoError(`couldn't find original replica count of "${nameOf(tmp)}"`);
  c.out(`Setting "${nameOf(c.newRc)}" replicas to ${originalSize}\n`);
  meta.annotations[desiredReplicasAnnotation] = originalSize;
  c.cleanupPolicy = 'Delete';
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go GetNextControllerAnnotation
export function getNextControllerAnnotation(rc: RC): string | undefined {
  return rc.metadata?.annotations?.[nextControllerAnnotation];
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go SetNextControllerAnnotation
export function setNextControllerAnnotation(rc: RC, name: string): void {
  const meta = (rc.metadata ??= {});
  meta.annotations = { ...meta.annotations, [nextControllerAnnotation]: name };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go UpdateExistingReplicationController
export function updateExistingReplicationController(
  api: ApiServer,
  oldRc: RC,
  namespace: string,
  newName: string,
  deploymentKey: string,
  deploymentValue: string,
): RC | KubectlError {
  if (oldRc.spec?.selector?.[deploymentKey] === undefined) {
    setNextControllerAnnotation(oldRc, newName);
    return addDeploymentKeyToReplicationController(oldRc, api, deploymentKey, deploymentValue, namespace);
  }
  return updateRcWithRetries(api, namespace, oldRc, (rc) => setNextControllerAnnotation(rc, newName));
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go AddDeploymentKeyToReplicationController
export function addDeploymentKeyToReplicationController(
  oldRc: RC,
  api: ApiServer,
  deploymentKey: string,
  deploymentValue: string,
  namespace: string,
): RC | KubectlError {
  let rc = updateRcWithRetries(api, namespace, oldRc, (c) => {
    const template = ((c.spec ??= {}).template ??= {});
    const tmeta = (template.metadata ??= {});
    tmeta.labels = { ...tmeta.labels, [deploymentKey]: deploymentValue };
  });
  if (isError(rc)) return rc;
  for (const pod of api.list<Pod>('Pod', namespace, selectorOf(rc))) {
    const updated = updatePodWithRetries(api, namespace, deepCopy(pod), (p) => {
      p.metadata = { ...p.metadata, labels: { ...p.metadata?.labels, [deploymentKey]: deploymentValue } };
    });
    if (isError(updated)) return updated;
  }
  rc = updateRcWithRetries(api, namespace, rc, (c) => {
    (c.spec ??= {}).selector = { ...c.spec.selector, [deploymentKey]: deploymentValue };
  });
  if (isError(rc)) return rc;
  for (const pod of api.list<Pod>('Pod', namespace, selectorOf(rc))) {
    if (pod.metadata.labels?.[deploymentKey] !== deploymentValue) {
      const [, err] = api.delete('Pod', namespace, pod.metadata.name);
      if (err) return err;
    }
  }
  return rc;
}

/** retry.DefaultBackoff: at most 4 attempts (the backoff sleeps are not modelled: no write here conflicts). */
const defaultBackoffSteps = 4;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go updateRcWithRetries
export function updateRcWithRetries(
  api: ApiServer,
  namespace: string,
  rc: RC,
  applyUpdate: (rc: RC) => void,
): RC | KubectlError {
  const oldRc = deepCopy(rc);
  let current = rc;
  let lastErr: KubectlError | undefined;
  for (let i = 0; i < defaultBackoffSteps; i++) {
    applyUpdate(current);
    const [updated, err] = api.update<RC>({ ...current, metadata: { ...current.metadata, namespace } });
    if (!err) return deepCopy(updated);
    lastErr = err;
    const got = getRc(api, namespace, nameOf(oldRc));
    current = isError(got) ? deepCopy(oldRc) : got;
    if (!(err instanceof ApiError && err.reason === 'Conflict')) break;
  }
  return lastErr!;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go updatePodWithRetries
function updatePodWithRetries(
  api: ApiServer,
  namespace: string,
  pod: Stored<Pod>,
  applyUpdate: (pod: Pod) => void,
): Pod | KubectlError {
  const oldPod = deepCopy(pod);
  let current: Pod = pod;
  let lastErr: KubectlError | undefined;
  for (let i = 0; i < defaultBackoffSteps; i++) {
    applyUpdate(current);
    const [updated, err] = api.update<Pod>({ ...current, metadata: { ...current.metadata, namespace } });
    if (!err) return updated;
    lastErr = err;
    const got = api.get<Pod>('Pod', namespace, oldPod.metadata.name);
    current = got ? deepCopy(got) : deepCopy(oldPod);
    if (!(err instanceof ApiError && err.reason === 'Conflict')) break;
  }
  return lastErr!;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go FindSourceController
export function findSourceController(api: ApiServer, namespace: string, name: string): RC | KubectlError {
  for (const rc of api.list<RC>('ReplicationController', namespace)) {
    if ((rc.metadata.annotations?.[sourceIDAnnotation] ?? '').startsWith(name)) return deepCopy(rc);
  }
  return new GoError(`couldn't find a replication controller with source id == ${namespace}/${name}`);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollingupdate/rolling_updater.go controllerHasDesiredReplicas
function controllerHasDesiredReplicas(api: ApiServer, controller: RC) {
  const desiredGeneration = controller.metadata?.generation ?? 0;
  return (): boolean | KubectlError => {
    const ctrl = getRc(api, nsOf(controller), nameOf(controller));
    if (isError(ctrl)) return ctrl;
    return (
      (ctrl.status?.observedGeneration ?? 0) >= desiredGeneration &&
      (ctrl.status?.replicas ?? 0) === valOrZero(ctrl.spec?.replicas)
    );
  };
}
