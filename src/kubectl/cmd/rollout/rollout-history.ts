// `kubectl rollout history TYPE/NAME [--revision=N]`.
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagInt, flagString } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import { outputFlag, showManagedFieldsFlag, templateFlag } from '../../flags.ts';
import type { Deployment, KubeObject } from '../../../engine/index.ts';
import {
  getControllerRevisionHistory,
  viewControllerRevisionHistory,
  viewDeploymentHistory,
} from '../../polymorphichelpers/history.ts';
import { getAllReplicaSets, revision as revisionOf } from '../../polymorphichelpers/deployment-util.ts';
import { printerFor } from '../util/printing.ts';
import { GoError, Output, nameLine, newAggregate, type KubectlError } from '../util/helpers.ts';
import { requireResource, rolloutBuild, rolloutFilenameFlags } from './common.ts';

const flags: FlagSpec[] = [
  ...rolloutFilenameFlags,
  { name: 'revision', type: 'int', default: 0 },
  outputFlag,
  showManagedFieldsFlag,
  templateFlag,
];

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

type Viewer = 'Deployment' | 'StatefulSet' | 'DaemonSet';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go HistoryViewerFor
function historyViewerFor(kind: string, group: string): Viewer | GoError {
  if (group === 'apps' && (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet'))
    return kind;
  return new GoError(`no history viewer has been implemented for "${kind}${group ? `.${group}` : ''}"`);
}

function viewHistory(env: CommandEnv, v: Viewer, ns: string, name: string, revision: number) {
  return v === 'Deployment'
    ? viewDeploymentHistory(env, ns, name, revision)
    : viewControllerRevisionHistory(env, v, ns, name, revision);
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go DeploymentHistoryViewer.GetHistory
function getHistory(env: CommandEnv, v: Viewer, ns: string, name: string): Map<number, KubeObject> | GoError {
  if (v !== 'Deployment') return getControllerRevisionHistory(env, v, ns, name);
  const d = env.cluster.api.get<Deployment>('Deployment', ns, name);
  if (!d) return new GoError(`failed to retrieve deployment ${name}: deployments.apps "${name}" not found`);
  const { allOld, newRS } = getAllReplicaSets(env, d);
  const out = new Map<number, KubeObject>();
  for (const rs of newRS ? [...allOld, newRS] : allOld) {
    const r = revisionOf(rs);
    if (r !== undefined) out.set(r, rs);
  }
  return out;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_history.go RolloutHistoryOptions.Run
function runHistory(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const missing = requireResource(cmd);
  if (missing) return fail(out, missing);
  const revision = flagInt(cmd, 'revision');
  if (revision < 0) return fail(out, new GoError(`revision must be a positive integer: ${revision}`));
  const r = rolloutBuild(cmd, env);
  if (r.err) return fail(out, r.err);
  const errs: KubectlError[] = [...r.visitErrors];
  const outputGiven = flagString(cmd, 'output') !== '' || flagString(cmd, 'template') !== '';
  const printer = outputGiven ? printerFor(cmd, env, 'none') : undefined;
  if (printer instanceof GoError) return fail(out, printer);
  for (const info of r.infos) {
    const viewer = historyViewerFor(info.mapping.kind, info.mapping.group);
    if (viewer instanceof GoError) {
      errs.push(viewer);
      continue;
    }
    if (printer) {
      // With -o, the revisions are printed as objects (the ReplicaSets, or the set at each revision).
      const history = getHistory(env, viewer, info.namespace, info.name);
      if (history instanceof GoError) {
        errs.push(history);
        continue;
      }
      if (revision > 0) {
        const obj = history.get(revision);
        if (!obj) errs.push(new GoError('unable to find the specified revision'));
        else out.out(printer(obj, ''));
      } else {
        for (const k of [...history.keys()].sort((a, b) => a - b)) out.out(printer(history.get(k)!, ''));
      }
      continue;
    }
    const history = viewHistory(env, viewer, info.namespace, info.name, revision);
    if (history instanceof GoError) {
      errs.push(history);
      continue;
    }
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    out.out(nameLine(info.mapping.kind, info.mapping.group, info.name, `${withRevision}\n${history}`));
  }
  out.fail(newAggregate(errs));
  return out.finish();
}

export const rolloutHistoryCommand: KubectlCommand = { path: ['rollout', 'history'], flags, run: runHistory };
