// The pvc-protection controller: a claim being deleted keeps its `kubernetes.io/pvc-protection` finalizer
// (and so stays Terminating) while a scheduled pod still names it; then the finalizer goes and so does the claim.
import type { Controller, ControllerContext } from '../controller.ts';
import { namespacedKey, splitKey } from '../controller.ts';
import type { PersistentVolumeClaim, Pod, Stored } from '../../api/types.ts';
import { PVC_PROTECTION_FINALIZER } from '../../apis/storage/install.ts';
import { podClaimNames } from './util.ts';

export class PVCProtectionController implements Controller {
  readonly name = 'pvc-protection-controller';

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<PersistentVolumeClaim>('PersistentVolumeClaim', (e) => {
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp)
        ctx.queue.add(this, namespacedKey(e.object.metadata.namespace ?? '', e.object.metadata.name));
    });
    // Models kubernetes/pkg/controller/volume/pvcprotection/pvc_protection_controller.go podAddedDeletedUpdated
    ctx.api.watch<Pod>('Pod', (e) => {
      if (e.type !== 'DELETED' && e.old?.spec?.nodeName === e.object.spec?.nodeName) return;
      const ns = e.object.metadata.namespace ?? '';
      for (const name of podClaimNames(e.object)) {
        const claim = ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
        if (claim?.metadata.deletionTimestamp) ctx.queue.add(this, namespacedKey(ns, name));
      }
    });
  }

  // Models kubernetes/pkg/controller/volume/pvcprotection/pvc_protection_controller.go processPVC
  sync(key: string): void {
    const [ns, name] = splitKey(key);
    const pvc = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
    if (
      !pvc?.metadata.deletionTimestamp ||
      !(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION_FINALIZER)
    )
      return;
    if (this.isBeingUsed(pvc)) return;
    const finalizers = (pvc.metadata.finalizers ?? []).filter((f) => f !== PVC_PROTECTION_FINALIZER);
    const { finalizers: _old, ...rest } = pvc.metadata;
    void _old;
    const next = { ...pvc, metadata: finalizers.length > 0 ? { ...rest, finalizers } : rest };
    this.ctx.api.updateOwned(next);
  }

  // Models kubernetes/pkg/controller/volume/pvcprotection/pvc_protection_controller.go podUsesPVC
  private isBeingUsed(pvc: Stored<PersistentVolumeClaim>): boolean {
    return this.ctx.api
      .list<Pod>('Pod', pvc.metadata.namespace)
      .some((pod) => !!pod.spec?.nodeName && podClaimNames(pod).includes(pvc.metadata.name));
  }
}
