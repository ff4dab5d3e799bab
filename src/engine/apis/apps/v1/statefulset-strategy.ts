// Defaulting and validation of StatefulSets and ControllerRevisions (apps/v1). (Being written.)
import type { ApiServer } from '../../../apiserver/apiserver.ts';

export function registerStatefulSetStrategies(api: ApiServer): void {
  void api;
}
