// kubectl's generic Scaler as rolling-update uses it: write spec.replicas through the scale subresource of a
// ReplicationController, then poll until its status reports that many replicas.
import { ApiError, deepCopy, type ApiServer, type ReplicationController } from '../../../engine/index.ts';
import { GoError, type KubectlError } from '../util/helpers.ts';
import type { Clock, Routine } from '../drain/tasks.ts';
import { errWaitTimeout, pollImmediate } from './wait.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go RetryParams
export interface RetryParams {
  intervalMs: number;
  timeoutMs: number;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go ScalePrecondition
export interface ScalePrecondition {
  size: number;
  resourceVersion: string;
}

/** The scale subresource of a ReplicationController (autoscaling/v1 Scale). */
interface Scale {
  resourceVersion: string;
  specReplicas: number;
  statusReplicas: number;
}

function rcNotFound(name: string): ApiError {
  return new ApiError('NotFound', 404, `replicationcontrollers "${name}" not found`, {
    kind: 'replicationcontrollers',
    name,
    group: '',
  });
}

// Models kubernetes/pkg/registry/core/replicationcontroller/storage/storage.go ScaleREST.Get (scaleFromRC)
function getScale(api: ApiServer, namespace: string, name: string): Scale | ApiError {
  const rc = api.get<ReplicationController>('ReplicationController', namespace, name);
  if (!rc) return rcNotFound(name);
  return {
    resourceVersion: rc.metadata.resourceVersion,
    specReplicas: rc.spec?.replicas ?? 0,
    statusReplicas: rc.status?.replicas ?? 0,
  };
}

// Models kubernetes/pkg/registry/core/replicationcontroller/storage/storage.go ScaleREST.Update
function updateScale(
  api: ApiServer,
  namespace: string,
  name: string,
  replicas: number,
): KubectlError | undefined {
  const live = api.get<ReplicationController>('ReplicationController', namespace, name);
  if (!live) return rcNotFound(name);
  const rc = deepCopy(live);
  (rc.spec ??= {}).replicas = replicas;
  const [, err] = api.update(rc);
  return err ?? undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go ScalePrecondition.validate
function validate(p: ScalePrecondition, scale: Scale): GoError | undefined {
  if (p.size !== -1 && scale.specReplicas !== p.size) {
    return new GoError(`Expected replicas to be ${p.size}, was ${scale.specReplicas}`);
  }
  if (p.resourceVersion && scale.resourceVersion !== p.resourceVersion) {
    return new GoError(`Expected resource version to be ${p.resourceVersion}, was ${scale.resourceVersion}`);
  }
  return undefined;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go genericScaler.ScaleSimple
export function scaleSimple(
  api: ApiServer,
  namespace: string,
  name: string,
  preconditions: ScalePrecondition,
  newSize: number,
): KubectlError | undefined {
  const scale = getScale(api, namespace, name);
  if (scale instanceof ApiError) return scale;
  const err = validate(preconditions, scale);
  if (err) return err;
  return updateScale(api, namespace, name, newSize);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go scaleHasDesiredReplicas
function scaleHasDesiredReplicas(api: ApiServer, namespace: string, name: string, desired: number) {
  return (): boolean | KubectlError => {
    const actual = getScale(api, namespace, name);
    if (actual instanceof ApiError) return actual;
    if (actual.specReplicas !== desired) return true;
    return actual.specReplicas === actual.statusReplicas && desired === actual.statusReplicas;
  };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go WaitForScaleHasDesiredReplicas
function* waitForScaleHasDesiredReplicas(
  api: ApiServer,
  clock: Clock,
  name: string,
  namespace: string,
  newSize: number,
  wait: RetryParams,
): Routine<KubectlError | undefined> {
  const err = yield* pollImmediate(
    clock,
    wait.intervalMs,
    wait.timeoutMs,
    scaleHasDesiredReplicas(api, namespace, name, newSize),
  );
  if (err === errWaitTimeout) return new GoError(`timed out waiting for "${name}" to be synced`);
  return err;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go genericScaler.Scale
export function* scale(
  api: ApiServer,
  clock: Clock,
  namespace: string,
  name: string,
  newSize: number,
  preconditions: ScalePrecondition,
  retry: RetryParams | undefined,
  wait: RetryParams | undefined,
): Routine<KubectlError | undefined> {
  const r = retry ?? { intervalMs: 1, timeoutMs: 1 };
  // Models kubernetes/staging/src/k8s.io/kubectl/pkg/scale/scale.go ScaleCondition
  const cond = (): boolean | KubectlError => {
    const err = scaleSimple(api, namespace, name, preconditions, newSize);
    if (err instanceof ApiError && err.reason === 'Conflict') return false;
    return err ?? true;
  };
  const err = yield* pollImmediate(clock, r.intervalMs, r.timeoutMs, cond);
  if (err) return err;
  if (wait) return yield* waitForScaleHasDesiredReplicas(api, clock, name, namespace, newSize, wait);
  return undefined;
}
