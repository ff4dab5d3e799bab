// The kubectl command engine: `kubectl(args, env)` runs one command line against a simulated cluster and
// returns a Process (output now, or over virtual time for `rollout status`, `get -w` and `edit`).
export { kubectl, completions, suggestionsFor } from './kubectl.ts';
export {
  finished,
  finishedChunks,
  joinChunks,
  updateOf,
  type Process,
  type ProcessUpdate,
  type CommandEnv,
  type EditRequest,
  type OutputChunk,
} from './process.ts';
export type { KubectlCommand, ParsedCommand, FlagSpec, FlagType, FlagValue } from './command.ts';
export { KUSTOMIZE_VERSION } from './cmd/version/version.ts';
