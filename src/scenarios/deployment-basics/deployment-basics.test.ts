// Transcript test: plays the whole tutorial through the real shell, kubectl and engine, and pins what the
// learner sees: the exact kubectl lines, each step's check, and the rolling-update guardrails at every timer.
import { describe, expect, it } from 'vitest';
import type { Pod, Stored } from '../../engine/index.ts';
import { evaluateCheck } from '../checks.ts';
import { startScenario } from '../testing.ts';
import { runCommand, runStep, type RunnerEnv } from '../runner.ts';
import { deploymentBasics as scenario } from './scenario.ts';

const start = () => startScenario(scenario, { setUp: false });

const stepById = (id: string) => scenario.steps.find((s) => s.id === id)!;

function livePods(env: RunnerEnv): Stored<Pod>[] {
  return env
    .cluster()
    .api.list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.name.startsWith('web-deploy-') && !p.metadata.deletionTimestamp);
}

const isReady = (p: Pod) =>
  (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** Runs a step's first command, then fires timers one by one until the check holds, watching the guardrails. */
function rollWatching(env: RunnerEnv, stepId: string) {
  const step = stepById(stepId);
  const out = runCommand(env, step.commands[0]!);
  let maxPods = 0;
  let minReadyAfter3 = Infinity;
  let reached3 = false;
  const c = env.cluster();
  for (let i = 0; i < 100_000; i++) {
    const pods = livePods(env);
    const ready = pods.filter(isReady).length;
    maxPods = Math.max(maxPods, pods.length);
    if (ready >= 3) reached3 = true;
    if (reached3) minReadyAfter3 = Math.min(minReadyAfter3, ready);
    if (evaluateCheck(step.check, { cluster: c, commands: env.commands })) break;
    if (!c.step()) break;
  }
  for (const line of step.commands.slice(1)) runCommand(env, line);
  return {
    out,
    maxPods,
    minReadyAfter3,
    reached: evaluateCheck(step.check, { cluster: c, commands: env.commands }),
  };
}

describe('deployment-basics transcript', () => {
  it('reaches every step through its own commands, printing what kubectl prints', () => {
    const { env } = start();
    const transcript: string[] = [];
    for (const step of scenario.steps) {
      const { runs, reached } = runStep(env, step);
      expect(reached, step.id).toBe(true);
      for (const r of runs) transcript.push(`$ ${r.command}\n${r.stdout}${r.stderr}`);
      for (const r of runs) expect(r.exitCode, `${step.id}: ${r.command}\n${r.stderr}`).toBe(0);
    }
    const text = transcript.join('');
    expect(text).toMatch(/^control-plane {3}Ready {4}control-plane {3}\S+ +v1\.36\.\d+$/m);
    expect(text).toContain('deployment.apps/web-deploy created\n');
    expect(text).toMatch(/^deployment\.apps\/web-deploy {3}4\/4 {5}4 {12}4 {11}\S+$/m);
    expect(text).toContain('deployment.apps/web-deploy scaled\n');
    expect(text).toContain('deployment.apps/web-deploy configured\n');
    expect(text).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
    expect(text).toContain('deployment.apps/web-deploy rolled back\n');
    expect(text).toContain(
      'deployment.apps/web-deploy \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n',
    );
  });

  it('keeps at most 5 Pods and, once 3 are Ready, at least 3 Ready during the rollout and the rollback', () => {
    const { env } = start();
    for (const id of ['nodes', 'create', 'inspect', 'scale'])
      expect(runStep(env, stepById(id)).reached, id).toBe(true);
    const rollout = rollWatching(env, 'rollout');
    expect(rollout.out.stdout).toBe('deployment.apps/web-deploy configured\n');
    expect(rollout.reached).toBe(true);
    expect(rollout.maxPods).toBe(5);
    expect(rollout.minReadyAfter3).toBe(3);
    const undo = rollWatching(env, 'undo');
    expect(undo.out.stdout).toBe('deployment.apps/web-deploy rolled back\n');
    expect(undo.reached).toBe(true);
    expect(undo.maxPods).toBe(5);
    expect(undo.minReadyAfter3).toBe(3);
  });

  it('is deterministic: the same commands print the same bytes', () => {
    const play = () => {
      const { env } = start();
      return scenario.steps.flatMap((s) => runStep(env, s).runs.map((r) => r.stdout + r.stderr)).join('');
    };
    expect(play()).toBe(play());
  });

  it('a step check is not reached before its commands run', () => {
    const { env } = start();
    const c = env.cluster();
    for (const step of scenario.steps)
      expect(evaluateCheck(step.check, { cluster: c, commands: [] }), step.id).toBe(false);
  });
});
