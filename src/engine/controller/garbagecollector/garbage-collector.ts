// Models kubernetes/pkg/controller/garbagecollector/garbagecollector.go, background propagation only: when an
// owner is gone, its dependents are deleted (a Deployment's ReplicaSets, then their pods; a StatefulSet's pods
// and ControllerRevisions; the PersistentVolumeClaims a StatefulSet's retention policy gave to it or a pod).
import type { Controller, ControllerContext } from '../controller.ts';
import type { KubeObject } from '../../api/types.ts';

const dependentKinds = ['ReplicaSet', 'Pod', 'ControllerRevision', 'PersistentVolumeClaim'];

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch('*', (e) => {
      if (e.type === 'DELETED') ctx.queue.add(this, e.object.metadata.uid);
    });
  }

  /** `key` is the uid of a deleted owner. */
  sync(ownerUid: string): void {
    for (const kind of dependentKinds) {
      for (const dep of this.ctx.api.listOwnedBy<KubeObject>(kind, ownerUid)) {
        const refs = dep.metadata.ownerReferences ?? [];
        // Only when no other owner remains.
        const others = refs.filter((r) => r.uid !== ownerUid);
        if (others.length > 0) continue;
        this.ctx.api.delete(kind, dep.metadata.namespace, dep.metadata.name);
      }
    }
  }
}
