// The StatefulSet controller, started by the cluster.
import type { ControllerContext } from '../controller.ts';
import { StatefulSetController } from './stateful-set.ts';

export function startStatefulSetController(ctx: ControllerContext): void {
  new StatefulSetController(ctx);
}
