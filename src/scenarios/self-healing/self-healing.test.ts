// Transcript test: plays the node-failure tutorial through the real shell, kubectl and engine, and pins what the
// learner sees — node2 NotReady after the 50 s grace period, its Pods `1/1 Running` but not Ready, eviction 300 s
// later, replacements on node1, the old Pods Terminating until node2 is powered on again.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../engine/index.ts';
import { evaluateCheck } from '../checks.ts';
import { startScenario } from '../testing.ts';
import { runCommand, runStep, type CommandRun, type RunnerEnv } from '../runner.ts';
import { selfHealing as scenario } from './scenario.ts';

const start = () => startScenario(scenario);

const stepById = (id: string) => scenario.steps.find((s) => s.id === id)!;
const seconds = (env: RunnerEnv) => env.cluster().elapsed() / 1000;
const out = (runs: CommandRun[], command: string) => {
  const r = runs.find((x) => x.command === command)!;
  expect(r.exitCode, `${command}\n${r.stderr}`).toBe(0);
  return r.stdout;
};
const webPods = (env: RunnerEnv) =>
  env
    .cluster()
    .api.list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.labels?.app === 'web');

describe('self-healing transcript', () => {
  it('starts from web-deploy with two Ready Pods on each worker, none of the setup counted as typed', () => {
    const { env } = start();
    expect(env.commands).toEqual([]);
    const byNode = webPods(env).map((p) => p.spec?.nodeName);
    expect(byNode.filter((n) => n === 'node1')).toHaveLength(2);
    expect(byNode.filter((n) => n === 'node2')).toHaveLength(2);
    const c = env.cluster();
    for (const step of scenario.steps)
      expect(evaluateCheck(step.check, { cluster: c, commands: [] }), step.id).toBe(false);
  });

  it('reaches every step through its own commands, on the real timeline', () => {
    const { env } = start();

    const look = runStep(env, stepById('look'));
    expect(look.reached).toBe(true);
    expect(out(look.runs, 'kubectl get nodes')).toMatch(/^node2 {11}Ready {4}<none> {10}\S+ +v1\.36\.\d+$/m);
    const wide = out(look.runs, 'kubectl get po -o wide');
    expect(wide).toMatch(
      /^NAME {26}READY {3}STATUS {4}RESTARTS {3}AGE {3}IP {11}NODE {4}NOMINATED NODE {3}READINESS GATES$/m,
    );
    expect(
      wide.match(/^web-deploy-\S+ +1\/1 +Running +0 +\S+ +10\.244\.2\.\d+ +node2 +<none> +<none>$/gm),
    ).toHaveLength(2);
    expect(
      wide.match(/^web-deploy-\S+ +1\/1 +Running +0 +\S+ +10\.244\.1\.\d+ +node1 +<none> +<none>$/gm),
    ).toHaveLength(2);

    // Power off: still Ready at once; NotReady once 50 s have passed since the last Lease renewal (≤ 10 s before
    // the power went off), seen by the next 5 s monitor pass.
    const offAt = seconds(env);
    const off = runStep(env, stepById('power-off'));
    expect(off.reached).toBe(true);
    expect(out(off.runs, 'sim node stop node2')).toBe('node/node2 powered off\n');
    expect(out(off.runs, 'kubectl get nodes')).toMatch(/^node2 +Ready +<none> /m);
    const notReadyAfter = seconds(env) - offAt;
    expect(notReadyAfter).toBeGreaterThanOrEqual(40);
    expect(notReadyAfter).toBeLessThanOrEqual(55);
    const notReadyAt = seconds(env);

    const nr = runStep(env, stepById('not-ready'));
    expect(nr.reached).toBe(true);
    expect(out(nr.runs, 'kubectl get nodes')).toMatch(/^node2 +NotReady +<none> /m);
    expect(
      out(nr.runs, 'kubectl get po -o wide').match(/^web-deploy-\S+ +1\/1 +Running +0 +\S+ +\S+ +node2 /gm),
    ).toHaveLength(2);
    expect(out(nr.runs, 'kubectl get deploy web-deploy')).toMatch(/^web-deploy {3}2\/4 {5}4 {12}2 {11}\S+$/m);
    const node = out(nr.runs, 'kubectl describe node node2');
    expect(node).toContain(
      'Taints:             node.kubernetes.io/unreachable:NoExecute\n                    node.kubernetes.io/unreachable:NoSchedule\n',
    );
    expect(node).toMatch(/^ {2}Ready +Unknown .* NodeStatusUnknown +Kubelet stopped posting node status\.$/m);
    expect(node).toMatch(
      /^ {2}Normal +NodeNotReady +\S+ +node-controller +Node node2 status is now: NodeNotReady$/m,
    );

    // Nothing is replaced during the 300 s the Pods tolerate the unreachable taint.
    const c = env.cluster();
    c.advanceTo(c.startMs + (notReadyAt + 295) * 1000);
    expect(webPods(env).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(4);
    expect(
      webPods(env).filter((p) => p.spec?.nodeName === 'node2' && !p.metadata.deletionTimestamp),
    ).toHaveLength(2);

    const ev = runStep(env, stepById('evicted'));
    expect(ev.reached).toBe(true);
    const evictedAfter = (c.now() - c.startMs) / 1000 - notReadyAt;
    expect(evictedAfter).toBeGreaterThanOrEqual(300);
    expect(evictedAfter).toBeLessThan(360);
    // The eviction itself happened 300 s after the taint (the check waits for the replacements to be Ready too);
    // a deletionTimestamp is the deletion time plus the 30 s grace period.
    const deletedAt = webPods(env)
      .filter((p) => p.metadata.deletionTimestamp)
      .map((p) => (Date.parse(p.metadata.deletionTimestamp!) - c.startMs) / 1000 - 30);
    expect(deletedAt).toHaveLength(2);
    for (const t of deletedAt) expect(t - notReadyAt).toBeGreaterThanOrEqual(300);
    for (const t of deletedAt) expect(t - notReadyAt).toBeLessThanOrEqual(305);
    const events = out(ev.runs, 'kubectl get events --field-selector reason=TaintManagerEviction');
    expect(
      events.match(
        /^\S+ +Normal +TaintManagerEviction +pod\/web-deploy-\S+ +Marking for deletion Pod default\/web-deploy-\S+$/gm,
      ),
    ).toHaveLength(2);

    const after = runCommand(env, 'kubectl get po -o wide').stdout;
    expect(after.match(/^web-deploy-\S+ +1\/1 +Terminating +0 +\S+ +\S+ +node2 /gm)).toHaveLength(2);
    expect(after.match(/^web-deploy-\S+ +1\/1 +Running +0 +\S+ +\S+ +node1 /gm)).toHaveLength(4);
    expect(runCommand(env, 'kubectl get deploy web-deploy').stdout).toMatch(
      /^web-deploy {3}4\/4 {5}4 {12}4 /m,
    );

    // Nobody can confirm the kill while node2 is off: ten more minutes change nothing.
    c.advanceBy(600_000);
    expect(webPods(env).filter((p) => p.metadata.deletionTimestamp)).toHaveLength(2);

    const on = runStep(env, stepById('power-on'));
    expect(on.reached).toBe(true);
    expect(out(on.runs, 'sim node start node2')).toBe('node/node2 powered on\n');
    const final = runCommand(env, 'kubectl get po -o wide').stdout;
    expect(final).not.toMatch(/Terminating|node2/);
    expect(final.match(/^web-deploy-\S+ +1\/1 +Running +0 +\S+ +\S+ +node1 /gm)).toHaveLength(4);
    expect(runCommand(env, 'kubectl get nodes').stdout).toMatch(/^node2 {11}Ready {4}<none> /m);
  });

  it('gives every Pod the two 300 s NoExecute tolerations of DefaultTolerationSeconds', () => {
    const { env } = start();
    const d = runCommand(env, 'kubectl describe pods -l app=web').stdout;
    expect(
      d.match(
        /^Tolerations: +node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n +node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s$/gm,
      ),
    ).toHaveLength(4);
  });

  it('is deterministic: the same commands print the same bytes', () => {
    const play = () => {
      const { env } = start();
      return scenario.steps.flatMap((s) => runStep(env, s).runs.map((r) => r.stdout + r.stderr)).join('');
    };
    expect(play()).toBe(play());
  });
});
