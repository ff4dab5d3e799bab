// `kubectl`: hands the words after it to the kubectl command engine, with the shell's stdin and files.
import { kubectl } from '../../kubectl/index.ts';
import type { CommandEnv } from '../../kubectl/process.ts';
import { fromProcess } from '../job.ts';
import type { CommandSpec } from './command.ts';

export const kubectlCommands: Record<string, CommandSpec> = {
  kubectl: {
    run: (args, ctx) => {
      const env: CommandEnv = {
        cluster: ctx.cluster,
        // Read only when kubectl wants it (`-f -`): in `… | while read x; do kubectl …; done` the loop keeps it.
        get stdin() {
          return ctx.stdin;
        },
        readFile: (path) => ctx.readFile(path),
        ...(ctx.session.editor ? { requestEdit: ctx.session.editor } : {}),
      };
      return fromProcess('kubectl', () => kubectl(args, env));
    },
  },
};
