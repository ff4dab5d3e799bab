// The kubectl command engine: `kubectl(args, env)` runs one command line against a simulated cluster and
// returns a Process (output now, or over virtual time for `rollout status` and waiting deletes).
export { kubectl, completions, suggestionsFor } from './kubectl.ts';
export { finished, type Process, type ProcessUpdate, type CommandEnv } from './process.ts';
export type { KubectlCommand, ParsedCommand, FlagSpec, FlagType, FlagValue } from './command.ts';
export { KUSTOMIZE_VERSION } from './cmd/version/version.ts';
