// Models kubernetes/pkg/controller/daemon/daemon_controller.go, reduced: one pod per eligible node (the
// node's taints must be tolerated by the template). Upstream gives each pod a node affinity and lets the
// scheduler bind it; here the pod is created bound to its node, with the same result. A pod on a node that is
// no longer eligible is deleted. Rolling updates of DaemonSets are not modelled.
import type { Controller, ControllerContext } from '../controller.ts';
import { keyOf, splitKey } from '../controller.ts';
import type { DaemonSet, Node, Pod, Stored, Toleration } from '../../api/types.ts';
import { controllerRef, isPodActive, isPodReady } from '../../api/pod-util.ts';
import { toleratesTaint } from '../../scheduler/scheduler.ts';
import { deepCopy, deepEqual } from '../../util/copy.ts';

const source = { component: 'daemonset-controller' };

// Models kubernetes/pkg/controller/daemon/util/daemonset_util.go AddOrUpdateDaemonPodTolerations
const daemonTolerations: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<DaemonSet>('DaemonSet', (e) => ctx.queue.add(this, keyOf(e.object)));
    ctx.api.watch<Pod>('Pod', (e) => {
      const ref = controllerRef(e.object);
      if (ref?.kind === 'DaemonSet') ctx.queue.add(this, `${e.object.metadata.namespace}/${ref.name}`);
    });
    ctx.api.watch<Node>('Node', () => {
      for (const ds of ctx.api.list<DaemonSet>('DaemonSet')) ctx.queue.add(this, keyOf(ds));
    });
  }

  // Models kubernetes/pkg/controller/daemon/daemon_controller.go syncDaemonSet / manage / updateDaemonSetStatus
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const ds = this.ctx.api.get<DaemonSet>('DaemonSet', ns, name);
    if (!ds) return;
    const tolerations = [...(ds.spec?.template?.spec?.tolerations ?? []), ...daemonTolerations];
    const pods = this.ctx.api.listOwnedBy<Pod>('Pod', ds.metadata.uid).filter(isPodActive);
    const nodes = this.ctx.api.list<Node>('Node');
    const byNode = new Map<string | undefined, Stored<Pod>[]>();
    for (const p of pods) {
      const list = byNode.get(p.spec?.nodeName);
      if (list) list.push(p);
      else byNode.set(p.spec?.nodeName, [p]);
    }
    let desired = 0;
    for (const node of nodes) {
      const eligible = (node.spec?.taints ?? []).every(
        (t) => t.effect === 'PreferNoSchedule' || tolerations.some((x) => toleratesTaint(x, t)),
      );
      const here = byNode.get(node.metadata.name) ?? [];
      if (eligible) {
        desired++;
        if (here.length === 0) this.createPod(ds, node.metadata.name, tolerations);
      } else {
        for (const p of here) this.ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name);
      }
    }
    const now = this.ctx.api.listOwnedBy<Pod>('Pod', ds.metadata.uid).filter(isPodActive);
    const ready = now.filter(isPodReady).length;
    const status = {
      currentNumberScheduled: now.length,
      desiredNumberScheduled: desired,
      numberMisscheduled: 0,
      numberReady: ready,
      numberAvailable: ready,
      updatedNumberScheduled: now.length,
      observedGeneration: ds.metadata.generation ?? 1,
      ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
    };
    if (!deepEqual(ds.status, status)) {
      const next = deepCopy(ds);
      next.status = status;
      this.ctx.api.update(next, { status: true });
    }
  }

  private createPod(ds: Stored<DaemonSet>, nodeName: string, tolerations: Toleration[]): void {
    const t = ds.spec?.template;
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: {
          ...(t?.metadata?.labels ?? {}),
          'controller-revision-hash': 'b5b8dd6c7',
          'pod-template-generation': '1',
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'DaemonSet',
            name: ds.metadata.name,
            uid: ds.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { ...deepCopy(t?.spec ?? { containers: [] }), nodeName, tolerations: deepCopy(tolerations) },
    };
    const [created, err] = this.ctx.api.create(pod);
    if (created)
      this.ctx.recorder.event(
        ds,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${created.metadata.name}`,
        source,
      );
    else if (err)
      this.ctx.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${err.message}`, source);
  }
}
