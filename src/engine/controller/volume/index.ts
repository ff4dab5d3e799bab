// The volume controllers (PersistentVolume binder, pvc- and pv-protection, the local-path provisioner), started
// by the cluster. The protection controllers rely on the apiserver's finalizer handling (apiserver.ts).
import type { ControllerContext } from '../controller.ts';
import { PersistentVolumeController } from './pv-controller.ts';
import { PVCProtectionController } from './pvc-protection-controller.ts';
import { PVProtectionController } from './pv-protection-controller.ts';
import { LocalPathProvisioner } from './local-path-provisioner.ts';
import { registerBootstrapRand } from '../../bootstrap/kubeadm.ts';

export function startVolumeControllers(ctx: ControllerContext): void {
  // The default StorageClass (created with the addons) must not draw from the cluster's RNG stream.
  registerBootstrapRand(ctx.api, ctx.rand);
  new PersistentVolumeController(ctx);
  new PVCProtectionController(ctx);
  new PVProtectionController(ctx);
  new LocalPathProvisioner(ctx);
}
