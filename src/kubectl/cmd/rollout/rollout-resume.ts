// `kubectl rollout resume TYPE/NAME`.
import type { FlagSpec, KubectlCommand } from '../../command.ts';
import { fieldManagerFlag, outputFlag, showManagedFieldsFlag, templateFlag } from '../../flags.ts';
import { defaultObjectResumer } from '../../polymorphichelpers/objectresumer.ts';
import { rolloutFilenameFlags } from './common.ts';
import { runPatchVerb } from './patch-objects.ts';

const flags: FlagSpec[] = [
  ...rolloutFilenameFlags,
  outputFlag,
  fieldManagerFlag('kubectl-rollout'),
  showManagedFieldsFlag,
  templateFlag,
];

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout_resume.go ResumeOptions.RunResume
export const rolloutResumeCommand: KubectlCommand = {
  path: ['rollout', 'resume'],
  flags,
  run: (cmd, env) => runPatchVerb(cmd, env, { change: defaultObjectResumer, operation: 'resumed' }),
};
