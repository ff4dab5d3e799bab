// Transcript test: plays the StatefulSet basics tutorial (seed 004) through the real shell, kubectl and engine,
// and pins what the learner sees — ordered creation, stable names, a claim per Pod, recreation with the same
// names and nodes, scaling by ordinal with the claims kept, a rolling update from the highest ordinal down, and
// a canary with a partition.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../engine/index.ts';
import { evaluateCheck } from '../checks.ts';
import { runCommand, runStep, type CommandRun, type RunnerEnv } from '../runner.ts';
import { startScenario } from '../testing.ts';
import { podImages, slim07, slim08 } from './files.ts';
import { statefulSetBasics as scenario } from './scenario.ts';

const start = () => startScenario(scenario);
const stepById = (id: string) => scenario.steps.find((s) => s.id === id)!;
const out = (runs: CommandRun[], prefix: string) => {
  const r = runs.find((x) => x.command.startsWith(prefix))!;
  // A watch keeps running until the runner interrupts it (exit status 130, as Ctrl-C).
  expect(r.exitCode, `${prefix}\n${r.stderr}`).toBe(prefix.includes(' -w') ? 130 : 0);
  return r.stdout;
};

/** When each pod named web-N was created and deleted (from a watch), in order. */
function lifecycle(env: RunnerEnv): string[] {
  const log: string[] = [];
  env.cluster().api.watch<Pod>('Pod', (e) => {
    const n = e.object.metadata.name;
    if (!/^web-\d$/.test(n)) return;
    if (e.type === 'ADDED') log.push(`+${n}`);
    else if (e.type === 'DELETED') log.push(`-${n}`);
  });
  return log;
}

describe('statefulset-basics transcript', () => {
  it('starts from an empty default namespace, no step already reached', () => {
    const { env } = start();
    const c = env.cluster();
    for (const step of scenario.steps)
      expect(evaluateCheck(step.check, { cluster: c, commands: [] }), step.id).toBe(false);
  });

  it('reaches every step through its own commands', () => {
    const { env } = start();
    const log = lifecycle(env);

    const create = runStep(env, stepById('create'));
    expect(create.reached).toBe(true);
    expect(out(create.runs, 'kubectl apply')).toBe('service/nginx created\nstatefulset.apps/web created\n');
    const watch = out(create.runs, 'kubectl get pods -w');
    // web-1 appears only after web-0 is Running and Ready.
    expect(watch.indexOf('web-1')).toBeGreaterThan(watch.search(/^web-0 +1\/1 +Running/m));
    expect(log).toEqual(['+web-0', '+web-1']);

    const identity = runStep(env, stepById('identity'));
    expect(identity.reached).toBe(true);
    expect(out(identity.runs, 'kubectl get service nginx')).toMatch(
      /^nginx +ClusterIP +None +<none> +80\/TCP/m,
    );
    expect(out(identity.runs, 'kubectl get pod web-0')).toBe('web-0.nginx\n');

    const storage = runStep(env, stepById('storage'));
    expect(storage.reached).toBe(true);
    expect(out(storage.runs, 'kubectl get pvc')).toMatch(
      /^www-web-0 +Bound +pvc-[0-9a-f-]{36} +1Gi +RWO +standard /m,
    );
    expect(out(storage.runs, 'kubectl get storageclass')).toMatch(
      /^standard \(default\) +rancher\.io\/local-path +Delete +WaitForFirstConsumer +false /m,
    );

    // Recreated with the same names, in order, on the same nodes (the local volumes' node affinity).
    const nodes = () =>
      env
        .cluster()
        .api.list<Pod>('Pod', 'default')
        .map((p) => `${p.metadata.name}@${p.spec?.nodeName ?? ''}`)
        .sort();
    const before = nodes();
    log.length = 0;
    const recreate = runStep(env, stepById('recreate'));
    expect(recreate.reached).toBe(true);
    expect(log).toEqual(['-web-0', '+web-0', '-web-1', '+web-1']);
    expect(nodes()).toEqual(before);

    log.length = 0;
    expect(runStep(env, stepById('scale-up')).reached).toBe(true);
    expect(log).toEqual(['+web-2', '+web-3', '+web-4']);

    log.length = 0;
    const down = runStep(env, stepById('scale-down'));
    expect(down.reached).toBe(true);
    expect(log).toEqual(['-web-4', '-web-3']);
    expect(out(down.runs, 'kubectl get pvc').match(/^www-web-\d +Bound /gm)).toHaveLength(5);

    // The rolling update replaces the highest ordinal first.
    log.length = 0;
    const update = runStep(env, stepById('rolling-update'));
    expect(update.reached).toBe(true);
    expect(log).toEqual(['-web-2', '+web-2', '-web-1', '+web-1', '-web-0', '+web-0']);
    expect(out(update.runs, 'kubectl rollout status')).toMatch(
      /partitioned roll out complete: 3 new pods have been updated\.\.\.\n$/,
    );
    expect(out(update.runs, podImages.slice(0, 30))).toBe(
      `web-0\t${slim07}\nweb-1\t${slim07}\nweb-2\t${slim07}\n`,
    );

    // The canary: only web-2; a deleted web-1 comes back on the old template.
    log.length = 0;
    const canary = runStep(env, stepById('canary'));
    expect(canary.reached).toBe(true);
    expect(log).toEqual(['-web-2', '+web-2']);
    expect(out(canary.runs, 'kubectl rollout status')).toMatch(
      /^Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated\.\.\.\n(.*\n)*partitioned roll out complete: 1 new pods have been updated\.\.\.\n$/,
    );
    runCommand(env, 'kubectl delete pod web-1');
    runCommand(env, 'sleep 10');
    expect(runCommand(env, podImages).stdout).toBe(`web-0\t${slim07}\nweb-1\t${slim07}\nweb-2\t${slim08}\n`);
  });
});
