// `kubectl rollout pause TYPE/NAME`.
import type { FlagSpec, KubectlCommand } from '../../command.ts';
import { fieldManagerFlag, outputFlag, showManagedFieldsFlag, templateFlag } from '../../flags.ts';
import { defaultObjectPauser } from '../../polymorphichelpers/objectpauser.ts';
import { rolloutFilenameFlags } from './common.ts';
import { runPatchVerb } from './patch-objects.ts';

const flags: FlagSpec[] = [
  ...rolloutFilenameFlags,
  outputFlag,
  fieldManagerFlag('kubectl-rollout'),
  showManagedFieldsFlag,
  templateFlag,
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_pause.go PauseOptions.RunPause
export const rolloutPauseCommand: KubectlCommand = {
  path: ['rollout', 'pause'],
  flags,
  run: (cmd, env) => runPatchVerb(cmd, env, { change: defaultObjectPauser, operation: 'paused' }),
};
