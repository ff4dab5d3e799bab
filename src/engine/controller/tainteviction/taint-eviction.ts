// Models kubernetes/pkg/controller/tainteviction/taint_eviction.go: pods on a node with a NoExecute taint
// they do not tolerate are deleted; with a tolerationSeconds (300 s by default for not-ready/unreachable,
// added by admission) the deletion waits that long after the controller saw the taint.
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, splitKey } from '../controller.ts';
import type { Node, Pod, Taint, Toleration } from '../../api/types.ts';
import { toleratesTaint } from '../../scheduler/scheduler.ts';
import { formatRFC3339 } from '../../apimachinery/time.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';

const source = { component: 'taint-eviction-controller' };

interface Scheduled {
  createdAt: number;
  fireAt: number;
  timer: number;
}

// Models kubernetes/pkg/controller/tainteviction/taint_eviction.go getMinTolerationTime (-1 = forever)
function getMinTolerationTime(tolerations: Toleration[]): number {
  let min = -1;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    const s = Math.max(0, t.tolerationSeconds) * 1000;
    if (min < 0 || s < min) min = s;
  }
  return min;
}

export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction-controller';
  private readonly queue = new Map<string, Scheduled>();

  constructor(private readonly ctx: ControllerContext) {
    // Models kubernetes/pkg/controller/tainteviction/taint_eviction.go PodUpdated: only a new or deleted pod,
    // or a change of its node or tolerations, matters.
    ctx.api.watch<Pod>('Pod', (e) => {
      if (!e.object.spec?.nodeName) return;
      const o = e.old;
      if (
        e.type === 'MODIFIED' &&
        o &&
        o.spec?.nodeName === e.object.spec.nodeName &&
        deepEqual(o.spec?.tolerations, e.object.spec.tolerations)
      )
        return;
      ctx.queue.add(this, `pod/${keyOf(e.object)}`);
    });
    // Models kubernetes/pkg/controller/tainteviction/taint_eviction.go NodeUpdated: only NoExecute taint changes matter.
    ctx.api.watch<Node>('Node', (e) => {
      const noExecute = (n: Node | undefined) =>
        (n?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
      if (e.type === 'MODIFIED' && deepEqual(noExecute(e.old), noExecute(e.object))) return;
      ctx.queue.add(this, `node/${e.object.metadata.name}`);
    });
  }

  sync(key: string): void {
    const slash = key.indexOf('/');
    const what = key.slice(0, slash);
    const rest = key.slice(slash + 1);
    if (what === 'node') {
      for (const pod of this.ctx.api.list<Pod>('Pod'))
        if (pod.spec?.nodeName === rest) this.processPodOnNode(keyOf(pod));
    } else this.processPodOnNode(rest);
  }

  // Models kubernetes/pkg/controller/tainteviction/taint_eviction.go processPodOnNode
  private processPodOnNode(podKey: string): void {
    const [ns, name] = splitKey(podKey);
    const pod = this.ctx.api.get<Pod>('Pod', ns, name);
    if (!pod || pod.metadata.deletionTimestamp) return this.cancel(podKey, false);
    const node = this.ctx.api.get<Node>('Node', undefined, pod.spec?.nodeName ?? '');
    const taints: Taint[] = (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
    if (taints.length === 0) return this.cancel(podKey, true);
    const tolerations = pod.spec?.tolerations ?? [];
    const used: Toleration[] = [];
    let all = true;
    for (const taint of taints) {
      const t = tolerations.find((x) => toleratesTaint(x, taint));
      if (t) used.push(t);
      else all = false;
    }
    const now = this.ctx.clock.now();
    if (!all) return this.schedule(podKey, now, now);
    const min = getMinTolerationTime(used);
    if (min < 0) return this.cancel(podKey, true);
    const existing = this.queue.get(podKey);
    const createdAt = existing ? existing.createdAt : now;
    if (existing && existing.fireAt <= createdAt + min) return;
    this.schedule(podKey, createdAt, createdAt + min);
  }

  private schedule(podKey: string, createdAt: number, fireAt: number): void {
    const existing = this.queue.get(podKey);
    if (existing) this.ctx.clock.clearTimeout(existing.timer);
    const timer = this.ctx.clock.setTimeout(
      () => this.evict(podKey),
      Math.max(0, fireAt - this.ctx.clock.now()),
    );
    this.queue.set(podKey, { createdAt, fireAt, timer });
  }

  private cancel(podKey: string, withEvent: boolean): void {
    const existing = this.queue.get(podKey);
    if (!existing) return;
    this.ctx.clock.clearTimeout(existing.timer);
    this.queue.delete(podKey);
    const [ns, name] = splitKey(podKey);
    const pod = this.ctx.api.get<Pod>('Pod', ns, name);
    if (withEvent && pod)
      this.ctx.recorder.event(
        pod,
        'Normal',
        'TaintManagerEviction',
        `Cancelling deletion of Pod ${podKey}`,
        source,
      );
  }

  // Models kubernetes/pkg/controller/tainteviction/taint_eviction.go addConditionAndDeletePod
  private evict(podKey: string): void {
    this.queue.delete(podKey);
    const [ns, name] = splitKey(podKey);
    const pod = this.ctx.api.get<Pod>('Pod', ns, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.ctx.recorder.event(
      pod,
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${podKey}`,
      source,
    );
    const next = deepCopy(pod);
    next.status ??= {};
    next.status.conditions = [
      ...(next.status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
        lastProbeTime: null as unknown as string,
        lastTransitionTime: formatRFC3339(this.ctx.clock.now()),
      },
    ];
    this.ctx.api.update(next, { status: true });
    this.ctx.api.delete('Pod', ns, name);
    this.ctx.trace.record({
      time: this.ctx.clock.now(),
      controller: this.name,
      upstream: 'pkg/controller/tainteviction/taint_eviction.go processPodOnNode',
      rule: 'tainteviction.tolerationExpired',
      object: { kind: 'Pod', namespace: ns, name },
      values: { node: pod.spec?.nodeName ?? '', tolerationSeconds: 300 },
    });
  }
}
