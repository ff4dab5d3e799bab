// What the rollout subcommands share: the builder call they all make and their flags.
import type { FlagSpec, ParsedCommand } from '../../command.ts';
import { flagStrings } from '../../command.ts';
import type { CommandEnv } from '../../process.ts';
import { filenameFlags } from '../../flags.ts';
import { build, type BuilderResult } from '../../resource/builder.ts';
import { GoError } from '../util/helpers.ts';

export const rolloutFilenameFlags: FlagSpec[] = filenameFlags;

/** `required resource not specified` when neither a resource nor a file is given (each subcommand's Validate). */
export function requireResource(cmd: ParsedCommand): GoError | undefined {
  if (cmd.args.length === 0 && flagStrings(cmd, 'filename').length === 0)
    return new GoError('required resource not specified');
  return undefined;
}

// Models the Builder chain of kubernetes/staging/src/k8s.io/kubectl/pkg/cmd/rollout/*.go (ResourceTypeOrNameArgs(true, ...), Latest)
export function rolloutBuild(
  cmd: ParsedCommand,
  env: CommandEnv,
  extra: { selector?: string; single?: boolean } = {},
): BuilderResult {
  return build(env, {
    namespace: cmd.namespace,
    enforceNamespace: cmd.given.has('namespace'),
    filenames: flagStrings(cmd, 'filename'),
    args: cmd.args,
    allowEmptySelector: true,
    ...(extra.selector !== undefined ? { selector: extra.selector } : {}),
    latest: true,
    singleResourceType: extra.single ?? false,
    validation: 'Ignore',
  });
}
