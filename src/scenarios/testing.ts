// For the scenarios' transcript tests: a scenario's starting session (its cluster and virtual home) driven
// through the real shell, kubectl and engine, brought to step 1 unless asked not to.
import { Session, Shell } from '../shell/index.ts';
import { setUpScenario, type RunnerEnv } from './runner.ts';
import type { Scenario } from './schema.ts';

export function startScenario(scenario: Scenario, opts: { setUp?: boolean } = {}) {
  const session = new Session(scenario.cluster);
  for (const [k, v] of Object.entries(scenario.files)) session.files.set(k, v);
  const shell = new Shell(session);
  const env: RunnerEnv = { cluster: () => session.cluster, run: (l) => shell.run(l), commands: [] };
  if (opts.setUp ?? true) setUpScenario(env, scenario);
  return { session, env };
}
