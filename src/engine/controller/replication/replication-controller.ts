// Models kubernetes/pkg/controller/replication/replication_controller.go: the replication manager is the
// ReplicaSet controller's code run for ReplicationControllers; upstream converts each RC to a ReplicaSet on the
// way in and back on the way out (conversion.go), here the shared code reads both kinds directly.
import type { ControllerContext } from '../controller.ts';
import type { ReplicationController, Stored } from '../../api/types.ts';
import { labelSelectorAsSelector } from '../../apimachinery/labels.ts';
import { ReplicaSetController, type BaseControllerOptions } from '../replicaset/replica-set.ts';

export const replicationControllerOptions: BaseControllerOptions = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  name: 'replicationmanager',
  component: 'replication-controller',
  // Models kubernetes/pkg/apis/core/v1/conversion.go Convert_v1_ReplicationControllerSpec_To_apps_ReplicaSetSpec
  selector(o) {
    const sel = (o as Stored<ReplicationController>).spec?.selector;
    return sel ? labelSelectorAsSelector({ matchLabels: sel }) : null;
  },
  claimPods: true,
  terminatingReplicas: false,
};

// Models kubernetes/pkg/controller/replication/replication_controller.go NewReplicationManager
export class ReplicationManager extends ReplicaSetController {
  constructor(ctx: ControllerContext) {
    super(ctx, replicationControllerOptions);
  }
}
