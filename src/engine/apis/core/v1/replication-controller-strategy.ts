// Registry strategy of core/v1 ReplicationControllers: defaulting on every write, validation, generation.
import type { ReplicationController } from '../../../api/types.ts';
import type { Strategy } from '../../../apiserver/strategy.ts';
import { setDefaultsReplicationController } from './defaults.ts';
import { validateReplicationController, validateReplicationControllerUpdate } from './validation.ts';

// Models kubernetes/pkg/registry/core/replicationcontroller/strategy.go rcStrategy
/**
 * The apiserver keeps .status on updates of the main resource and bumps metadata.generation when the spec
 * changes (`generation: true`); `update(obj, { status: true })` is the status subresource.
 */
export const replicationControllerStrategy: Strategy<ReplicationController> = {
  generation: true,
  prepareForCreate(rc) {
    setDefaultsReplicationController(rc);
    rc.status = { replicas: 0 };
  },
  prepareForUpdate(rc) {
    setDefaultsReplicationController(rc);
  },
  validate: validateReplicationController,
  validateUpdate: validateReplicationControllerUpdate,
};
