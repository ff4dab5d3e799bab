// `kubectl rollout undo TYPE/NAME [--to-revision=N]`.
import type { FlagSpec, KubectlCommand, ParsedCommand } from '../../command.ts';
import { flagInt, flagString } from '../../command.ts';
import type { CommandEnv, Process } from '../../process.ts';
import { dryRunFlag, outputFlag, showManagedFieldsFlag, templateFlag } from '../../flags.ts';
import { rollbackDeployment, rollbackStatefulSet } from '../../polymorphichelpers/rollback.ts';
import { lastAppliedConfigAnnotation } from '../../polymorphichelpers/deployment-util.ts';
import {
  GoError,
  Output,
  getDryRunStrategy,
  nameLine,
  newAggregate,
  withDryRun,
  type KubectlError,
} from '../util/helpers.ts';
import { requireResource, rolloutBuild, rolloutFilenameFlags } from './common.ts';

const flags: FlagSpec[] = [
  { name: 'to-revision', type: 'int', default: 0 },
  ...rolloutFilenameFlags,
  dryRunFlag,
  outputFlag,
  showManagedFieldsFlag,
  templateFlag,
];

function fail(out: Output, err: KubectlError): Process {
  out.fail(err);
  return out.finish();
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_undo.go UndoOptions.RunUndo
function runUndo(cmd: ParsedCommand, env: CommandEnv): Process {
  const out = new Output();
  const dryRun = getDryRunStrategy(flagString(cmd, 'dry-run'), cmd.given.has('dry-run'));
  if (dryRun instanceof GoError) return fail(out, dryRun);
  const missing = requireResource(cmd);
  if (missing) return fail(out, missing);
  const r = rolloutBuild(cmd, env);
  if (r.err) return fail(out, r.err);
  const errs: KubectlError[] = [...r.visitErrors];
  const short = flagString(cmd, 'output') === 'name';
  for (const info of r.infos) {
    // Models kubernetes/staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go RollbackerFor
    const kind = info.mapping.group === 'apps' ? info.mapping.kind : '';
    if (kind !== 'Deployment' && kind !== 'StatefulSet') {
      errs.push(
        new GoError(
          `no rollbacker has been implemented for "${info.mapping.kind}${info.mapping.group ? `.${info.mapping.group}` : ''}"`,
        ),
      );
      continue;
    }
    if (
      dryRun === 'none' &&
      info.object?.metadata?.annotations?.[lastAppliedConfigAnnotation] !== undefined
    ) {
      out.warn(
        `resource ${info.mapping.resource}/${info.name} was previously managed with 'kubectl apply'. Rolling back will not update the ${lastAppliedConfigAnnotation} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.`,
      );
    }
    const rollback = kind === 'Deployment' ? rollbackDeployment : rollbackStatefulSet;
    const result = rollback(env, info.namespace, info.name, flagInt(cmd, 'to-revision'), dryRun);
    if (typeof result !== 'string') {
      errs.push(result);
      continue;
    }
    out.out(
      nameLine(info.mapping.kind, info.mapping.group, info.name, short ? '' : withDryRun(result, dryRun)),
    );
  }
  env.cluster.settle();
  out.fail(newAggregate(errs));
  return out.finish();
}

export const rolloutUndoCommand: KubectlCommand = { path: ['rollout', 'undo'], flags, run: runUndo };
