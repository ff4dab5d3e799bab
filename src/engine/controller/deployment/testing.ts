// Test fixtures shaped like the helpers of upstream's deployment_controller_test.go (rs, newDeployment, ...),
// plus a controller wired to a bare ApiServer whose writes are logged like the fake clientset's actions.
import type { Deployment, KubeObject, ReplicaSet, Stored } from '../../api/types.ts';
import type { IntOrString } from '../../apimachinery/intstr.ts';
import { formatRFC3339 } from '../../apimachinery/time.ts';
import { ApiServer } from '../../apiserver/apiserver.ts';
import { VirtualClock } from '../../clock/clock.ts';
import { EventRecorder } from '../../events/recorder.ts';
import { Rand } from '../../rand/rand.ts';
import { TraceLog } from '../../trace/trace.ts';
import { WorkQueue } from '../controller.ts';
import { DeploymentController } from './deployment-controller.ts';

export interface Action {
  verb: 'create' | 'update' | 'update-status' | 'delete';
  kind: string;
  name: string;
  object?: KubeObject;
}

export interface Fixture {
  dc: DeploymentController;
  api: ApiServer;
  clock: VirtualClock;
  queue: WorkQueue;
  actions: Action[];
  /** ScalingReplicaSet (and other) event messages, in order. */
  events: string[];
  /** Stores objects as they are (no defaulting or validation), without logging an action. */
  add<T extends KubeObject>(obj: T): Stored<T>;
}

/** A DeploymentController on an ApiServer without registered strategies (objects are stored as given). */
export function newFixture(startMs?: number): Fixture {
  const clock = new VirtualClock(startMs);
  const api = new ApiServer(clock, new Rand(1));
  const queue = new WorkQueue(clock);
  const recorder = new EventRecorder(api, clock);
  const trace = new TraceLog();
  const dc = new DeploymentController({ api, clock, rand: new Rand(2), queue, recorder, trace });
  const actions: Action[] = [];
  const events: string[] = [];
  let logging = true;
  const create = api.create.bind(api);
  const update = api.update.bind(api);
  const del = api.delete.bind(api);
  api.create = ((obj: KubeObject, opts) => {
    if (logging && obj.kind !== 'Event')
      actions.push({ verb: 'create', kind: obj.kind ?? '', name: obj.metadata?.name ?? '', object: obj });
    return create(obj, opts);
  }) as ApiServer['create'];
  api.update = ((obj: KubeObject, opts) => {
    if (obj.kind !== 'Event') {
      actions.push({
        verb: opts?.status ? 'update-status' : 'update',
        kind: obj.kind ?? '',
        name: obj.metadata?.name ?? '',
        object: obj,
      });
    }
    return update(obj, opts);
  }) as ApiServer['update'];
  api.delete = (kind: string, ns: string | undefined, name: string, opts) => {
    actions.push({ verb: 'delete', kind, name });
    return del(kind, ns, name, opts);
  };
  const event = recorder.event.bind(recorder);
  recorder.event = (obj, type, reason, message, source, fieldPath) => {
    events.push(message);
    event(obj, type, reason, message, source, fieldPath);
  };
  const add = <T extends KubeObject>(obj: T): Stored<T> => {
    logging = false;
    const [stored, err] = create(obj);
    logging = true;
    if (err) throw new Error(err.message);
    // The apiserver stamps "now"; fixtures may ask for another creation time (upstream's rs(..., timestamp)).
    const ts = obj.metadata?.creationTimestamp;
    if (ts) stored.metadata.creationTimestamp = ts;
    return stored;
  };
  return { dc, api, clock, queue, actions, events, add };
}

// Models kubernetes/pkg/controller/deployment/deployment_controller_test.go rs
export function rs(
  name: string,
  replicas: number,
  selector: Record<string, string> | undefined,
  timestampMs?: number,
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      ...(timestampMs !== undefined ? { creationTimestamp: formatRFC3339(timestampMs) } : {}),
    },
    spec: { replicas, selector: { matchLabels: selector }, template: {} },
  };
}

// Models kubernetes/pkg/controller/deployment/deployment_controller_test.go newRSWithStatus
export function newRSWithStatus(
  name: string,
  specReplicas: number,
  statusReplicas: number,
  selector: Record<string, string>,
): ReplicaSet {
  const r = rs(name, specReplicas, selector);
  r.status = { replicas: statusReplicas };
  return r;
}

// Models kubernetes/pkg/controller/deployment/deployment_controller_test.go newDeployment
export function newDeployment(
  name: string,
  replicas: number,
  revisionHistoryLimit?: number,
  maxSurge?: IntOrString,
  maxUnavailable?: IntOrString,
  selector?: Record<string, string>,
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', annotations: {} },
    spec: {
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: maxUnavailable ?? 0, maxSurge: maxSurge ?? 0 },
      },
      replicas,
      selector: { matchLabels: selector },
      template: { metadata: { labels: selector }, spec: { containers: [{ name: 'foo', image: 'foo/bar' }] } },
      ...(revisionHistoryLimit !== undefined ? { revisionHistoryLimit } : {}),
    },
  };
}
