// `kubectl rollout pause`: sets spec.paused on a Deployment.
import { deepCopy, type Deployment, type KubeObject } from '../../engine/index.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/objectpauser.go defaultObjectPauser
/** The paused object, or the error text kubectl appends after `<resource> "<name>"`. */
export function defaultObjectPauser(obj: KubeObject): KubeObject | string {
  if (obj.kind !== 'Deployment') return 'pausing is not supported';
  const d = deepCopy(obj) as Deployment;
  if (d.spec?.paused) return 'is already paused';
  (d.spec ??= { selector: {}, template: {} }).paused = true;
  return d;
}
