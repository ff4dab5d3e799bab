// `kubectl rollout SUBCOMMAND`: status, history, undo, pause, resume, restart.
import type { CommandInfo } from '../cmd.ts';
import { rolloutHistoryCommand } from './rollout-history.ts';
import { rolloutPauseCommand } from './rollout-pause.ts';
import { rolloutRestartCommand } from './rollout-restart.ts';
import { rolloutResumeCommand } from './rollout-resume.ts';
import { rolloutStatusCommand } from './rollout-status.ts';
import { rolloutUndoCommand } from './rollout-undo.ts';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout.go NewCmdRollout (subcommands in its order)
export const rolloutCommands: Readonly<Record<string, CommandInfo>> = {
  history: { command: rolloutHistoryCommand, short: 'View rollout history' },
  pause: { command: rolloutPauseCommand, short: 'Mark the provided resource as paused' },
  restart: { command: rolloutRestartCommand, short: 'Restart a resource' },
  resume: { command: rolloutResumeCommand, short: 'Resume a paused resource' },
  status: { command: rolloutStatusCommand, short: 'Show the status of the rollout', durations: ['timeout'] },
  undo: { command: rolloutUndoCommand, short: 'Undo a previous rollout' },
};

export const rolloutHelp = `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`;
