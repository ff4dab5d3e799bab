// `kubectl rollout restart TYPE/NAME`: stamps `kubectl.kubernetes.io/restartedAt` on the pod template.
import { formatRFC3339 } from '../../../engine/index.ts';
import type { FlagSpec, KubectlCommand } from '../../command.ts';
import {
  fieldManagerFlag,
  outputFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
} from '../../flags.ts';
import { defaultObjectRestarter } from '../../polymorphichelpers/objectrestarter.ts';
import { GoError } from '../util/helpers.ts';
import { rolloutFilenameFlags } from './common.ts';
import { runPatchVerb } from './patch-objects.ts';

const flags: FlagSpec[] = [
  ...rolloutFilenameFlags,
  outputFlag,
  fieldManagerFlag('kubectl-rollout'),
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_restart.go RestartOptions.RunRestart
export const rolloutRestartCommand: KubectlCommand = {
  path: ['rollout', 'restart'],
  flags,
  run: (cmd, env) =>
    runPatchVerb(cmd, env, {
      change: (obj, e) => defaultObjectRestarter(obj, formatRFC3339(e.cluster.now())),
      operation: 'restarted',
      reportNone: true,
      emptyPatch: (name) =>
        new GoError(
          `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
        ),
    }),
};
