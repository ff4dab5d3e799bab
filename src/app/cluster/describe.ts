// The inspector's text: `kubectl describe` of the selected object, exactly as kubectl prints it.
import type { Cluster } from '../../engine/index.ts';
import { describeObject } from '../../kubectl/describe/index.ts';
import type { ViewSelection } from '../../view/cluster/frame.ts';

/** Returns the describe text, or null when the object is gone (or was replaced by one of the same name). */
export function describeSelection(cluster: Cluster, sel: ViewSelection): string | null {
  const obj = cluster.api.get(sel.kind, sel.namespace, sel.name);
  if (!obj || obj.metadata.uid !== sel.uid) return null;
  return describeObject(cluster, sel.kind, sel.namespace, sel.name) ?? null;
}
