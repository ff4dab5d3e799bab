// Transcript test: plays the bootcamp rolling-update tutorial through the real shell, kubectl and engine, and pins
// what the learner sees: v2 rolled out within maxSurge/maxUnavailable, the NodePort answering v=2, the v10 rollout
// stalled at new 2 / old 3 for good (ProgressDeadlineExceeded after 600 s), and the rollback.
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, Service, Stored } from '../../engine/index.ts';
import { evaluateCheck } from '../checks.ts';
import { startScenario } from '../testing.ts';
import { runCommand, runStep, type CommandRun, type RunnerEnv } from '../runner.ts';
import { bootcampRollingUpdate as scenario } from './scenario.ts';

const start = () => startScenario(scenario);

const stepById = (id: string) => scenario.steps.find((s) => s.id === id)!;
const out = (runs: CommandRun[], command: string) => {
  const r = runs.find((x) => x.command === command)!;
  expect(r.exitCode, `${command}\n${r.stderr}`).toBe(0);
  return r.stdout;
};
const sh = (env: RunnerEnv, line: string) => {
  const r = runCommand(env, line);
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
  return r.stdout;
};
const livePods = (env: RunnerEnv): Stored<Pod>[] =>
  env
    .cluster()
    .api.list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.labels?.app === 'kubernetes-bootcamp' && !p.metadata.deletionTimestamp);
const isReady = (p: Pod) =>
  (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
const images = (text: string) => [...text.matchAll(/^ {4}Image: +(\S+)$/gm)].map((m) => m[1]);

describe('bootcamp-rolling-update transcript', () => {
  it('starts from 4 Ready v1 Pods behind a NodePort Service, with host01 resolving to node1', () => {
    const { env } = start();
    const c = env.cluster();
    expect(env.commands).toEqual([]);
    expect(livePods(env).filter(isReady)).toHaveLength(4);
    const svc = c.api.get<Service>('Service', 'default', 'kubernetes-bootcamp')!;
    expect(svc.spec?.type).toBe('NodePort');
    expect(svc.spec?.ports?.[0]).toMatchObject({ port: 8080, targetPort: 8080, protocol: 'TCP' });
    expect(c.hostAliases.get('host01')).toBe('node1');
    for (const step of scenario.steps)
      expect(evaluateCheck(step.check, { cluster: c, commands: [] }), step.id).toBe(false);
  });

  it('plays the tutorial with its own commands, printing what kubectl, echo and curl print', () => {
    const { env } = start();
    const c = env.cluster();

    const look = runStep(env, stepById('look'));
    expect(look.reached).toBe(true);
    expect(out(look.runs, 'kubectl get deployments')).toMatch(
      /^NAME {18}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nkubernetes-bootcamp {3}4\/4 {5}4 {12}4 {11}\d+s\n$/,
    );
    expect(
      out(look.runs, 'kubectl get pods').match(/^kubernetes-bootcamp-\S+ +1\/1 +Running +0 +\S+$/gm),
    ).toHaveLength(4);
    expect(images(out(look.runs, 'kubectl describe pods'))).toEqual(
      Array(4).fill('jocatalin/kubernetes-bootcamp:v1'),
    );

    // The v2 rollout, timer by timer: never more than 5 Pods, never fewer than 3 Ready (apps/v1 25%/25% of 4).
    const update = stepById('update');
    expect(sh(env, update.commands[0]!)).toBe('deployment.apps/kubernetes-bootcamp image updated\n');
    let maxPods = 0;
    let minReady = Infinity;
    for (
      let i = 0;
      i < 100_000 && !evaluateCheck(update.check, { cluster: c, commands: env.commands });
      i++
    ) {
      maxPods = Math.max(maxPods, livePods(env).length);
      minReady = Math.min(minReady, livePods(env).filter(isReady).length);
      if (!c.step()) break;
    }
    expect(evaluateCheck(update.check, { cluster: c, commands: env.commands })).toBe(true);
    expect(maxPods).toBe(5);
    expect(minReady).toBe(3);

    const verify = runStep(env, stepById('verify'));
    expect(verify.reached).toBe(true);
    const nodePort = c.api.get<Service>('Service', 'default', 'kubernetes-bootcamp')!.spec!.ports![0]!
      .nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
    const describeSvc = out(verify.runs, 'kubectl describe services/kubernetes-bootcamp');
    expect(describeSvc).toContain(`NodePort:                 <unset>  ${nodePort}/TCP\n`);
    expect(describeSvc).toContain('Type:                     NodePort\n');
    expect(describeSvc).toMatch(
      /^Endpoints: +10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080,10\.244\.\d+\.\d+:8080 \+ 1 more\.\.\.$/m,
    );
    expect(out(verify.runs, 'echo NODE_PORT=$NODE_PORT')).toBe(`NODE_PORT=${nodePort}\n`);
    expect(out(verify.runs, 'curl host01:$NODE_PORT')).toMatch(
      /^Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5} \| v=2\n$/,
    );

    const status = runStep(env, stepById('status'));
    expect(status.reached).toBe(true);
    expect(out(status.runs, 'kubectl rollout status deployments/kubernetes-bootcamp')).toBe(
      'deployment "kubernetes-bootcamp" successfully rolled out\n',
    );
    expect(images(out(status.runs, 'kubectl describe pods'))).toEqual(
      Array(4).fill('jocatalin/kubernetes-bootcamp:v2'),
    );

    const bad = runStep(env, stepById('bad-update'));
    expect(bad.reached).toBe(true);
    expect(bad.runs[0]!.stdout).toBe('deployment.apps/kubernetes-bootcamp image updated\n');

    const stalled = runStep(env, stepById('stalled'));
    expect(stalled.reached).toBe(true);
    expect(out(stalled.runs, 'kubectl get deployments')).toMatch(
      /^kubernetes-bootcamp {3}3\/4 {5}2 {12}3 {11}\S+$/m,
    );
    const pods = out(stalled.runs, 'kubectl get pods');
    expect(
      pods.match(/^kubernetes-bootcamp-\S+ +0\/1 +(ErrImagePull|ImagePullBackOff) +0 +\S+$/gm),
    ).toHaveLength(2);
    expect(pods.match(/^kubernetes-bootcamp-\S+ +1\/1 +Running +0 +\S+$/gm)).toHaveLength(3);
    expect(out(stalled.runs, 'kubectl describe pods')).toMatch(
      /^ {2}Warning +Failed +\S+ +kubelet +spec\.containers\{kubernetes-bootcamp\}: Failed to pull image "jocatalin\/kubernetes-bootcamp:v10": .*not found$/m,
    );

    // It stays exactly there: after the 600 s progress deadline the Deployment says so, and rollout status fails.
    c.advanceBy(11 * 60_000);
    expect(evaluateCheck(stepById('stalled').check, { cluster: c, commands: [] })).toBe(true);
    const d = c.api.get<Deployment>('Deployment', 'default', 'kubernetes-bootcamp')!;
    expect(d.status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
    });
    expect(d.status?.conditions?.find((x) => x.type === 'Available')?.status).toBe('True');
    const describeDeploy = sh(env, 'kubectl describe deployments/kubernetes-bootcamp');
    expect(describeDeploy).toContain(
      'Replicas:               4 desired | 2 updated | 5 total | 3 available | 2 unavailable\n',
    );
    expect(describeDeploy).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
    expect(describeDeploy).toMatch(/^ {2}Progressing +False +ProgressDeadlineExceeded$/m);
    const rs = runCommand(env, 'kubectl rollout status deployments/kubernetes-bootcamp');
    expect(rs.exitCode).toBe(1);
    expect(rs.stderr).toBe('error: deployment "kubernetes-bootcamp" exceeded its progress deadline\n');
    expect(sh(env, 'kubectl get pods').match(/ImagePullBackOff|ErrImagePull/g)).toHaveLength(2);

    const undo = runStep(env, stepById('undo'));
    expect(undo.reached).toBe(true);
    expect(undo.runs[0]!.stdout).toBe('deployment.apps/kubernetes-bootcamp rolled back\n');
    expect(
      sh(env, 'kubectl get pods').match(/^kubernetes-bootcamp-\S+ +1\/1 +Running +0 +\S+$/gm),
    ).toHaveLength(4);
    expect(images(sh(env, 'kubectl describe pods'))).toEqual(
      Array(4).fill('jocatalin/kubernetes-bootcamp:v2'),
    );
    expect(sh(env, 'kubectl rollout history deployments/kubernetes-bootcamp')).toBe(
      'deployment.apps/kubernetes-bootcamp \nREVISION  CHANGE-CAUSE\n1         <none>\n3         <none>\n4         <none>\n\n',
    );
  });

  it('stalls at new = maxSurge + maxUnavailable, old = replicas − maxUnavailable, at every instant', () => {
    const { env } = start();
    for (const id of ['look', 'update', 'verify', 'status'])
      expect(runStep(env, stepById(id)).reached, id).toBe(true);
    const c = env.cluster();
    sh(env, stepById('bad-update').commands[0]!);
    const end = c.now() + 15 * 60_000;
    let maxPods = 0;
    let minReady = Infinity;
    while (c.step(end)) {
      maxPods = Math.max(maxPods, livePods(env).length);
      minReady = Math.min(minReady, livePods(env).filter(isReady).length);
    }
    expect(maxPods).toBe(5);
    expect(minReady).toBe(3);
    expect(evaluateCheck(stepById('stalled').check, { cluster: c, commands: [] })).toBe(true);
  });

  it('is deterministic: the same commands print the same bytes', () => {
    const play = () => {
      const { env } = start();
      return scenario.steps.flatMap((s) => runStep(env, s).runs.map((r) => r.stdout + r.stderr)).join('');
    };
    expect(play()).toBe(play());
  });
});
