// Plays a scenario's steps without a browser: runs each command, lets virtual time pass until the command
// finishes and the step's check holds. The transcript test uses it, and the app uses it to catch up when a
// shared link opens at a later step.
import type { Cluster } from '../engine/index.ts';
import type { Process } from '../kubectl/process.ts';
import { evaluateCheck } from './checks.ts';
import type { Check, Scenario, Step } from './schema.ts';

export interface RunnerEnv {
  cluster(): Cluster;
  run(line: string): Process;
  /** Command lines run so far; the runner appends to it. */
  commands: string[];
}

export interface CommandRun {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunOptions {
  /** How long a command that keeps running (`rollout status`) may run before it is interrupted. */
  maxCommandMs?: number;
  /** How long to wait for the step's check after its commands. */
  maxSettleMs?: number;
  /** Virtual time between polls of a running command. */
  pollMs?: number;
}

export function runCommand(env: RunnerEnv, line: string, opts: RunOptions = {}): CommandRun {
  const maxMs = opts.maxCommandMs ?? 5 * 60_000;
  const pollMs = opts.pollMs ?? 500;
  env.commands.push(line);
  const p = env.run(line);
  let stdout = '';
  let stderr = '';
  let u = p.poll();
  stdout += u.stdout;
  stderr += u.stderr;
  const start = env.cluster().now();
  while (!u.done) {
    const c = env.cluster();
    if (c.now() - start >= maxMs) {
      u = p.interrupt();
    } else {
      c.advanceTo(c.now() + pollMs);
      u = p.poll();
    }
    stdout += u.stdout;
    stderr += u.stderr;
  }
  return { command: line, stdout, stderr, exitCode: u.exitCode };
}

/** Advances virtual time until `check` holds (at most `maxMs`). Returns whether it holds. */
export function settleUntil(env: RunnerEnv, check: Check, maxMs = 10 * 60_000): boolean {
  const holds = () => evaluateCheck(check, { cluster: env.cluster(), commands: env.commands });
  if (holds()) return true;
  const c = env.cluster();
  c.advanceTo(c.now() + maxMs, holds);
  return holds();
}

export function runStep(
  env: RunnerEnv,
  step: Step,
  opts: RunOptions = {},
): { runs: CommandRun[]; reached: boolean } {
  if (step.observe && !settleUntil(env, step.check, opts.maxSettleMs)) return { runs: [], reached: false };
  const runs = step.commands.map((line) => runCommand(env, line, opts));
  return { runs, reached: settleUntil(env, step.check, opts.maxSettleMs) };
}

/**
 * Brings a fresh cluster to the state a scenario's step 1 starts from (`scenario.setup`): host aliases, the setup
 * commands (not recorded as the learner's), then virtual time until `setup.until` holds. Throws when a setup
 * command fails or the cluster never settles: the scenario itself is broken then.
 */
export function setUpScenario(
  env: RunnerEnv,
  scenario: Pick<Scenario, 'id' | 'setup'>,
  opts: RunOptions = {},
): CommandRun[] {
  const setup = scenario.setup;
  if (!setup) return [];
  for (const [alias, node] of Object.entries(setup.hostAliases ?? {}))
    env.cluster().hostAliases.set(alias, node);
  const quiet: RunnerEnv = { cluster: () => env.cluster(), run: (line) => env.run(line), commands: [] };
  const runs = (setup.commands ?? []).map((line) => runCommand(quiet, line, opts));
  const failed = runs.find((r) => r.exitCode !== 0);
  if (failed)
    throw new Error(
      `setup of ${scenario.id}: \`${failed.command}\` exited ${failed.exitCode}: ${failed.stderr}`,
    );
  if (setup.until && !settleUntil(quiet, setup.until, opts.maxSettleMs))
    throw new Error(`setup of ${scenario.id}: the cluster did not settle`);
  return runs;
}
