// The scenarios the app offers, in menu order.
import type { Scenario } from './schema.ts';
import { deploymentBasics } from './deployment-basics/scenario.ts';
import { selfHealing } from './self-healing/scenario.ts';
import { nodeMaintenance } from './node-maintenance/scenario.ts';
import { bootcampRollingUpdate } from './bootcamp-rolling-update/scenario.ts';
import { legacyRollingUpdate } from './legacy-rolling-update/scenario.ts';
import { statefulSetBasics } from './statefulset-basics/scenario.ts';

export type { Scenario, ScenarioSetup, Step, StepText, Check, Lang, Localized } from './schema.ts';
export { evaluateCheck, type CheckContext } from './checks.ts';
export {
  runCommand,
  runStep,
  settleUntil,
  setUpScenario,
  type RunnerEnv,
  type CommandRun,
} from './runner.ts';

export const scenarios: readonly Scenario[] = [
  deploymentBasics,
  bootcampRollingUpdate,
  selfHealing,
  nodeMaintenance,
  legacyRollingUpdate,
  statefulSetBasics,
];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
