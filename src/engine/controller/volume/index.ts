// The volume controllers (PersistentVolume binder, the local-path provisioner), started by the cluster.
// (Being written.)
import type { ControllerContext } from '../controller.ts';

export function startVolumeControllers(ctx: ControllerContext): void {
  void ctx;
}
