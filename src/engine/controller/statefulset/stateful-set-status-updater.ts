// Models kubernetes/pkg/controller/statefulset/stateful_set_status_updater.go: writes a StatefulSet's status
// through the status subresource. The apiserver is synchronous and the controller holds the latest object,
// so upstream's retry on conflict (re-reading the set from the lister) is not needed.
import type { StatefulSet, StatefulSetStatus, Stored } from '../../api/types.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { ApiError } from '../../apiserver/errors.ts';

// Models kubernetes/pkg/controller/statefulset/stateful_set_status_updater.go realStatefulSetStatusUpdater.UpdateStatefulSetStatus
export function updateStatefulSetStatus(
  api: ApiServer,
  set: Stored<StatefulSet>,
  status: StatefulSetStatus,
): ApiError | null {
  const [, err] = api.update<StatefulSet>({ ...set, status }, { status: true });
  return err;
}
