// `kubectl rollout resume`: clears spec.paused on a Deployment.
import { deepCopy, type Deployment, type KubeObject } from '../../engine/index.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/objectresumer.go defaultObjectResumer
/** The resumed object, or the error text kubectl appends after `<resource> "<name>"`. */
export function defaultObjectResumer(obj: KubeObject): KubeObject | string {
  if (obj.kind !== 'Deployment') return 'resuming is not supported';
  const d = deepCopy(obj) as Deployment;
  if (!d.spec?.paused) return 'is not paused';
  d.spec.paused = false;
  return d;
}
