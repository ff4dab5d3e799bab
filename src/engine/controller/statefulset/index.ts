// The StatefulSet controller, started by the cluster. (Being written.)
import type { ControllerContext } from '../controller.ts';

export function startStatefulSetController(ctx: ControllerContext): void {
  void ctx;
}
