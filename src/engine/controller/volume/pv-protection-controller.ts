// The pv-protection controller: a volume being deleted keeps its `kubernetes.io/pv-protection` finalizer while
// it is Bound to a claim.
import type { Controller, ControllerContext } from '../controller.ts';
import type { PersistentVolume } from '../../api/types.ts';
import { PV_PROTECTION_FINALIZER } from '../../apis/storage/install.ts';

export class PVProtectionController implements Controller {
  readonly name = 'pv-protection-controller';

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<PersistentVolume>('PersistentVolume', (e) => {
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp)
        ctx.queue.add(this, e.object.metadata.name);
    });
  }

  // Models kubernetes/pkg/controller/volume/pvprotection/pv_protection_controller.go processPV
  sync(key: string): void {
    const pv = this.ctx.api.get<PersistentVolume>('PersistentVolume', undefined, key);
    if (!pv?.metadata.deletionTimestamp || !(pv.metadata.finalizers ?? []).includes(PV_PROTECTION_FINALIZER))
      return;
    // Models kubernetes/pkg/controller/volume/pvprotection/pv_protection_controller.go isBeingUsed
    if (pv.status?.phase === 'Bound') return;
    const finalizers = (pv.metadata.finalizers ?? []).filter((f) => f !== PV_PROTECTION_FINALIZER);
    const { finalizers: _old, ...rest } = pv.metadata;
    void _old;
    const next = { ...pv, metadata: finalizers.length > 0 ? { ...rest, finalizers } : rest };
    this.ctx.api.updateOwned(next);
  }
}
