// `kubectl rollout restart`: stamps the pod template with the restart time, which starts a new rollout.
import { deepCopy, type Deployment, type KubeObject } from '../../engine/index.ts';

export const restartedAtAnnotation = 'kubectl.kubernetes.io/restartedAt';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/objectrestarter.go defaultObjectRestarter
/** The restarted object, or the error text kubectl appends after `<resource> "<name>"`. `now` is RFC 3339. */
export function defaultObjectRestarter(obj: KubeObject, now: string): KubeObject | string {
  if (obj.kind !== 'Deployment' && obj.kind !== 'DaemonSet' && obj.kind !== 'StatefulSet')
    return 'restarting is not supported';
  const o = deepCopy(obj) as Deployment;
  if (obj.kind === 'Deployment' && o.spec?.paused)
    return "can't restart paused deployment (run rollout resume first)";
  const template = ((o.spec ??= { selector: {}, template: {} }).template ??= {});
  ((template.metadata ??= {}).annotations ??= {})[restartedAtAnnotation] = now;
  return o;
}
