// `kubectl rollout history`: the revisions of a Deployment are its ReplicaSets' revision annotations.
import type { Deployment, PodTemplateSpec } from '../../engine/index.ts';
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
