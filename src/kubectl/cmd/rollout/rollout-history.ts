// `kubectl rollout history TYPE/NAME [--revision=N]`.
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagInt } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import { outputFlag, showManagedFieldsFlag, templateFlag } from '../../flags.ts';
import { viewDeploymentHistory } from '../../polymorphichelpers/history.ts';
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
  for (const info of r.infos) {
    // Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go HistoryViewerFor
    if (!(info.mapping.kind === 'Deployment' && info.mapping.group === 'apps')) {
      errs.push(
        new GoError(
          `no history viewer has been implemented for "${info.mapping.kind}${info.mapping.group ? `.${info.mapping.group}` : ''}"`,
        ),
      );
      continue;
    }
    const history = viewDeploymentHistory(env, info.namespace, info.name, revision);
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
