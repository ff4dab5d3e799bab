// `kubectl rollout history`: the revisions of a Deployment are its ReplicaSets' revision annotations; those
// of a StatefulSet or DaemonSet are the ControllerRevisions it controls.
import {
  deepCopy,
  labelSelectorAsSelector,
  type ControllerRevision,
  type DaemonSet,
  type Deployment,
  type KubeObject,
  type LabelSelector,
  type PodTemplateSpec,
  type StatefulSet,
  type Stored,
} from '../../engine/index.ts';
import { applyStrategicPatch } from '../resource/strategic-merge.ts';
import { TabWriter } from '../printers/tabwriter.ts';
import type { CommandEnv } from '../process.ts';
import { GoError } from '../cmd/util/helpers.ts';
import { getAllReplicaSets, revision as revisionOf } from './deployment-util.ts';
import { describePodTemplate } from '../describe/containers.ts';
import { PrefixWriter } from '../describe/describe.ts';

export const changeCauseAnnotation = 'kubernetes.io/change-cause';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go printTemplate
/** The `Pod Template:` block; upstream writes it through a bare PrefixWriter, so the tabs stay in the text. */
export function printTemplate(template: PodTemplateSpec | undefined): string {
  const buffer = {
    text: '',
    write(t: string) {
      this.text += t;
    },
    flush() {},
  };
  describePodTemplate(template, new PrefixWriter(buffer as unknown as TabWriter));
  return buffer.text;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go tabbedString
function tabbedString(lines: string[]): string {
  const tw = new TabWriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' });
  tw.write(lines.join(''));
  tw.flush();
  return tw.take();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go DeploymentHistoryViewer.ViewHistory
export function viewDeploymentHistory(
  env: CommandEnv,
  namespace: string,
  name: string,
  revision: number,
): string | GoError {
  const d = env.cluster.api.get<Deployment>('Deployment', namespace, name);
  if (!d) return new GoError(`failed to retrieve deployment ${name}: deployments.apps "${name}" not found`);
  const { allOld, newRS } = getAllReplicaSets(env, d);
  const all = newRS ? [...allOld, newRS] : allOld;
  const historyInfo = new Map<number, PodTemplateSpec>();
  for (const rs of all) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    const template = structuredTemplate(rs.spec?.template);
    const changeCause = rs.metadata.annotations?.[changeCauseAnnotation];
    const meta = (template.metadata ??= {});
    meta.annotations ??= {};
    if (changeCause) meta.annotations[changeCauseAnnotation] = changeCause;
    historyInfo.set(v, template);
  }
  if (historyInfo.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const template = historyInfo.get(revision);
    if (!template) return new GoError('unable to find the specified revision');
    return printTemplate(template);
  }
  const revisions = [...historyInfo.keys()].sort((a, b) => a - b);
  const lines = ['REVISION\tCHANGE-CAUSE\n'];
  for (const r of revisions) {
    const cause = historyInfo.get(r)?.metadata?.annotations?.[changeCauseAnnotation] || '<none>';
    lines.push(`${r}\t${cause}\n`);
  }
  return tabbedString(lines);
}

function structuredTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  return JSON.parse(JSON.stringify(t ?? {})) as PodTemplateSpec;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go controlledHistoryV1
/** The ControllerRevisions in the namespace that the selector matches and `owner` controls, in list order. */
export function controlledHistory(
  env: CommandEnv,
  namespace: string,
  selector: LabelSelector | undefined,
  owner: KubeObject,
): Stored<ControllerRevision>[] {
  const sel = labelSelectorAsSelector(selector) ?? [];
  return env.cluster.api
    .list<ControllerRevision>('ControllerRevision', namespace, sel)
    .filter((h) =>
      h.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === owner.metadata?.uid),
    );
}

type WithTemplate = StatefulSet | DaemonSet;

const kindName = { StatefulSet: 'Statefulset', DaemonSet: 'DaemonSet' } as const;
const resourceName = { StatefulSet: 'statefulsets.apps', DaemonSet: 'daemonsets.apps' } as const;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go statefulSetHistory
/** The set (StatefulSet or DaemonSet) and its history, or the error upstream returns. */
export function workloadHistory<T extends WithTemplate>(
  env: CommandEnv,
  kind: 'StatefulSet' | 'DaemonSet',
  namespace: string,
  name: string,
): { obj: Stored<T>; history: Stored<ControllerRevision>[] } | GoError {
  const obj = env.cluster.api.get<T>(kind, namespace, name);
  if (!obj)
    return new GoError(
      `failed to retrieve ${kindName[kind]} ${name}: ${resourceName[kind]} "${name}" not found`,
    );
  return { obj, history: controlledHistory(env, namespace, obj.spec?.selector, obj) };
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go applyStatefulSetHistory
/** The object as it was at `history`: its stored patch (the pod template, `$patch: replace`) applied. */
export function applyHistory<T extends WithTemplate>(obj: T, history: ControllerRevision): T {
  const patch = (history.data ?? {}) as Record<string, unknown>;
  return applyStrategicPatch(obj.kind ?? '', deepCopy(obj), deepCopy(patch)) as unknown as T;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go printHistory
function printHistory(
  history: readonly ControllerRevision[],
  revision: number,
  podTemplate: (h: ControllerRevision) => PodTemplateSpec | undefined,
): string | GoError {
  const historyInfo = new Map<number, ControllerRevision>();
  for (const h of history) historyInfo.set(h.revision, h);
  if (historyInfo.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const h = historyInfo.get(revision);
    if (!h) return new GoError('unable to find the specified revision');
    return printTemplate(podTemplate(h));
  }
  const revisions = [...historyInfo.keys()].sort((a, b) => a - b);
  const lines = ['REVISION\tCHANGE-CAUSE\n'];
  for (const r of revisions) {
    const cause = historyInfo.get(r)?.metadata?.annotations?.[changeCauseAnnotation] || '<none>';
    lines.push(`${r}\t${cause}\n`);
  }
  return tabbedString(lines);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go StatefulSetHistoryViewer.ViewHistory
export function viewControllerRevisionHistory(
  env: CommandEnv,
  kind: 'StatefulSet' | 'DaemonSet',
  namespace: string,
  name: string,
  revision: number,
): string | GoError {
  const h = workloadHistory<WithTemplate>(env, kind, namespace, name);
  if (h instanceof GoError) return h;
  return printHistory(h.history, revision, (r) => applyHistory(h.obj, r).spec?.template);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go StatefulSetHistoryViewer.GetHistory
/** Each revision's object (`rollout history -o ...`): the set with that revision applied. */
export function getControllerRevisionHistory(
  env: CommandEnv,
  kind: 'StatefulSet' | 'DaemonSet',
  namespace: string,
  name: string,
): Map<number, KubeObject> | GoError {
  const h = workloadHistory<WithTemplate>(env, kind, namespace, name);
  if (h instanceof GoError) return h;
  const out = new Map<number, KubeObject>();
  for (const r of h.history) out.set(r.revision, applyHistory(h.obj, r));
  return out;
}
