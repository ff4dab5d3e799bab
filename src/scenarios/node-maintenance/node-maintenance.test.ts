// Transcript test: plays the planned-maintenance tutorial through the real shell, kubectl and engine, and pins
// what the learner sees — cordon (`Ready,SchedulingDisabled`, Pods stay), drain refused by DaemonSet Pods, drain
// with --ignore-daemonsets (replacements on node2), uncordon (nothing moves back), a PodDisruptionBudget allowing
// one disruption, a drain of node2 that evicts one Pod at a time with 429 retries every 5 s, and a rebalancing
// rollout restart.
import { describe, expect, it } from 'vitest';
import { isPodReady, type Pod } from '../../engine/index.ts';
import { evaluateCheck } from '../checks.ts';
import { startScenario } from '../testing.ts';
import { runStep, type CommandRun, type RunnerEnv } from '../runner.ts';
import { nodeMaintenance as scenario } from './scenario.ts';

const start = () => startScenario(scenario);

const stepById = (id: string) => scenario.steps.find((s) => s.id === id)!;
const seconds = (env: RunnerEnv) => (env.cluster().now() - env.cluster().startMs) / 1000;
const find = (runs: CommandRun[], command: string) => runs.find((x) => x.command === command)!;
const out = (runs: CommandRun[], command: string) => {
  const r = find(runs, command);
  expect(r.exitCode, `${command}\n${r.stderr}`).toBe(0);
  return r.stdout;
};
const webPods = (env: RunnerEnv) =>
  env
    .cluster()
    .api.list<Pod>('Pod', 'default')
    .filter((p) => p.metadata.labels?.app === 'web');
const servingPods = (env: RunnerEnv) =>
  webPods(env).filter((p) => !p.metadata.deletionTimestamp && isPodReady(p)).length;

const PODS_HEADER =
  'NAME                          READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES\n';
const podLine = (name: string, age: string, ip: string, node: string) =>
  `web-deploy-57b8f65c5c-${name}   1/1     Running   0          ${age.padEnd(3)}   ${ip}   ${node}   <none>           <none>\n`;
const STARTING_PODS =
  PODS_HEADER +
  podLine('5v6kp', '6s', '10.244.1.4', 'node1') +
  podLine('fnd95', '6s', '10.244.2.4', 'node2') +
  podLine('mjm9g', '6s', '10.244.1.5', 'node1') +
  podLine('rrsbn', '6s', '10.244.2.5', 'node2');
const ALL_ON_NODE2 =
  PODS_HEADER +
  podLine('2chp5', '3s', '10.244.2.6', 'node2') +
  podLine('bj4wk', '3s', '10.244.2.7', 'node2') +
  podLine('fnd95', '9s', '10.244.2.4', 'node2') +
  podLine('rrsbn', '9s', '10.244.2.5', 'node2');
const NODES_READY = `NAME            STATUS   ROLES           AGE   VERSION
control-plane   Ready    control-plane   10m   v1.36.2
node1           Ready    <none>          10m   v1.36.2
node2           Ready    <none>          10m   v1.36.2
`;
const DS_PODS_NODE1 = 'kube-flannel/kube-flannel-ds-bc6rb, kube-system/kube-proxy-5kp9x';
const VIOLATE = "Cannot evict pod as it would violate the pod's disruption budget.";
const retry = (name: string) =>
  `error when evicting pods/"web-deploy-57b8f65c5c-${name}" -n "default" (will retry after 5s): ${VIOLATE}\n`;
const evicting = (...names: string[]) =>
  names.map((n) => `evicting pod default/web-deploy-57b8f65c5c-${n}\n`).join('');

describe('node-maintenance transcript', () => {
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

  it('reaches every step through its own commands and prints what kubectl v1.36 prints', () => {
    const { env } = start();

    const look = runStep(env, stepById('look'));
    expect(look.reached).toBe(true);
    expect(out(look.runs, 'kubectl get nodes')).toBe(NODES_READY);
    expect(out(look.runs, 'kubectl get po -o wide')).toBe(STARTING_PODS);

    // Cordon: SchedulingDisabled next to Ready; the Pods already on node1 stay.
    const cordon = runStep(env, stepById('cordon'));
    expect(cordon.reached).toBe(true);
    expect(out(cordon.runs, 'kubectl cordon node1')).toBe('node/node1 cordoned\n');
    expect(out(cordon.runs, 'kubectl get nodes'))
      .toBe(`NAME            STATUS                     ROLES           AGE   VERSION
control-plane   Ready                      control-plane   10m   v1.36.2
node1           Ready,SchedulingDisabled   <none>          10m   v1.36.2
node2           Ready                      <none>          10m   v1.36.2
`);
    expect(out(cordon.runs, 'kubectl get po -o wide')).toBe(STARTING_PODS);

    // Drain without --ignore-daemonsets: all-or-nothing, exit 1, nothing evicted.
    const refused = runStep(env, stepById('drain-refused'));
    expect(refused.reached).toBe(true);
    const drain1 = find(refused.runs, 'kubectl drain node1');
    expect(drain1.exitCode).toBe(1);
    expect(drain1.stdout).toBe('node/node1 already cordoned\n');
    expect(drain1.stderr).toBe(
      `error: unable to drain node "node1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${DS_PODS_NODE1}, continuing command...
There are pending nodes to be drained:
 node1
cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${DS_PODS_NODE1}
`,
    );
    expect(out(refused.runs, 'kubectl get po -A -o wide --field-selector spec.nodeName=node1'))
      .toBe(`NAMESPACE      NAME                          READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES
default        web-deploy-57b8f65c5c-5v6kp   1/1     Running   0          6s    10.244.1.4   node1   <none>           <none>
default        web-deploy-57b8f65c5c-mjm9g   1/1     Running   0          6s    10.244.1.5   node1   <none>           <none>
kube-flannel   kube-flannel-ds-bc6rb         1/1     Running   0          10m   10.244.1.2   node1   <none>           <none>
kube-system    kube-proxy-5kp9x              1/1     Running   0          10m   10.244.1.3   node1   <none>           <none>
`);

    // Drain with --ignore-daemonsets: both Pods evicted at once, replaced on node2.
    const drainAt = seconds(env);
    const drain = runStep(env, stepById('drain'));
    expect(drain.reached).toBe(true);
    const d = find(drain.runs, 'kubectl drain node1 --ignore-daemonsets');
    expect(d.exitCode).toBe(0);
    expect(d.stderr).toBe(`Warning: ignoring DaemonSet-managed Pods: ${DS_PODS_NODE1}\n`);
    expect(d.stdout).toBe(
      'node/node1 already cordoned\n' +
        evicting('5v6kp', 'mjm9g') +
        'pod/web-deploy-57b8f65c5c-5v6kp evicted\npod/web-deploy-57b8f65c5c-mjm9g evicted\nnode/node1 drained\n',
    );
    expect(seconds(env) - drainAt).toBeLessThan(10);
    expect(out(drain.runs, 'kubectl get po -o wide')).toBe(ALL_ON_NODE2);

    // Uncordon: schedulable again, and nothing moves back.
    const un = runStep(env, stepById('uncordon'));
    expect(un.reached).toBe(true);
    expect(out(un.runs, 'kubectl uncordon node1')).toBe('node/node1 uncordoned\n');
    expect(out(un.runs, 'kubectl get nodes')).toBe(NODES_READY);
    expect(out(un.runs, 'kubectl get po -o wide')).toBe(ALL_ON_NODE2);
    env.cluster().advanceBy(60_000);
    expect(webPods(env).filter((p) => p.spec?.nodeName === 'node1')).toHaveLength(0);

    // The budget: 4 healthy, 3 required, 1 disruption allowed.
    const pdb = runStep(env, stepById('pdb'));
    expect(pdb.reached).toBe(true);
    expect(out(pdb.runs, 'cat web-pdb.yaml')).toBe(scenario.files['web-pdb.yaml']);
    expect(out(pdb.runs, 'kubectl apply -f web-pdb.yaml')).toBe(
      'poddisruptionbudget.policy/web-pdb created\n',
    );
    expect(out(pdb.runs, 'kubectl get pdb')).toBe(
      'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb-pdb   3               N/A               1                     0s\n',
    );

    // Drain node2 under the budget: one eviction granted, the others refused with 429 and retried every 5 s,
    // never fewer than 3 Pods serving.
    let fewest = servingPods(env);
    const stop = env.cluster().subscribe(() => (fewest = Math.min(fewest, servingPods(env))));
    const pdbDrainAt = seconds(env);
    const drain2 = runStep(env, stepById('drain-pdb'));
    stop();
    expect(drain2.reached).toBe(true);
    expect(fewest).toBe(3);
    const took = seconds(env) - pdbDrainAt;
    expect(took).toBeGreaterThanOrEqual(15); // three refusals of 5 s each, at least
    expect(took).toBeLessThan(30);
    const p = find(drain2.runs, 'kubectl drain node2 --ignore-daemonsets');
    expect(p.exitCode).toBe(0);
    expect(p.stdout).toBe(
      'node/node2 cordoned\n' +
        evicting('2chp5', 'bj4wk', 'fnd95', 'rrsbn') +
        'pod/web-deploy-57b8f65c5c-2chp5 evicted\n' +
        evicting('bj4wk', 'fnd95', 'rrsbn') +
        'pod/web-deploy-57b8f65c5c-bj4wk evicted\n' +
        evicting('fnd95', 'rrsbn') +
        'pod/web-deploy-57b8f65c5c-fnd95 evicted\n' +
        evicting('rrsbn') +
        'pod/web-deploy-57b8f65c5c-rrsbn evicted\n' +
        'node/node2 drained\n',
    );
    expect(p.stderr).toBe(
      'Warning: ignoring DaemonSet-managed Pods: kube-flannel/kube-flannel-ds-64bbg, kube-system/kube-proxy-lqdsx\n' +
        retry('bj4wk') +
        retry('fnd95') +
        retry('rrsbn') +
        retry('fnd95') +
        retry('rrsbn') +
        retry('rrsbn'),
    );

    // Rebalance: uncordon node2, a rollout restart spreads the new Pods 2 + 2.
    const rb = runStep(env, stepById('rebalance'));
    expect(rb.reached).toBe(true);
    expect(out(rb.runs, 'kubectl get pdb')).toBe(
      'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb-pdb   3               N/A               1                     18s\n',
    );
    expect(out(rb.runs, 'kubectl uncordon node2')).toBe('node/node2 uncordoned\n');
    expect(out(rb.runs, 'kubectl rollout restart deployment web-deploy')).toBe(
      'deployment.apps/web-deploy restarted\n',
    );
    expect(out(rb.runs, 'kubectl rollout status deployment web-deploy')).toMatch(
      /deployment "web-deploy" successfully rolled out\n$/,
    );
    const final = out(rb.runs, 'kubectl get po -o wide');
    expect(final.match(/^web-deploy-(?!57b8f65c5c-)\S+ +1\/1 +Running +0 +\S+ +\S+ +node1 /gm)).toHaveLength(
      2,
    );
    expect(final.match(/^web-deploy-(?!57b8f65c5c-)\S+ +1\/1 +Running +0 +\S+ +\S+ +node2 /gm)).toHaveLength(
      2,
    );
  });

  it('a drain that is interrupted leaves the node cordoned and carries on when run again', () => {
    const { env } = start();
    for (const id of ['look', 'cordon', 'drain-refused', 'drain', 'uncordon', 'pdb'])
      expect(runStep(env, stepById(id)).reached, id).toBe(true);
    const proc = env.run('kubectl drain node2 --ignore-daemonsets');
    proc.poll();
    env.cluster().advanceBy(7_000);
    proc.poll();
    expect(proc.interrupt().exitCode).not.toBe(0);
    expect(
      evaluateCheck(
        { type: 'nodeSchedulable', name: 'node2', schedulable: false },
        { cluster: env.cluster(), commands: [] },
      ),
    ).toBe(true);
    const left = webPods(env).filter((p) => p.spec?.nodeName === 'node2' && !p.metadata.deletionTimestamp);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(4);
    const again = runStep(env, stepById('drain-pdb'));
    expect(again.reached).toBe(true);
    expect(again.runs[0]!.stdout).toMatch(/^node\/node2 already cordoned\n/);
    expect(again.runs[0]!.stdout).toMatch(/node\/node2 drained\n$/);
  });

  it('is deterministic: the same commands print the same bytes', () => {
    const play = () => {
      const { env } = start();
      return scenario.steps.flatMap((s) => runStep(env, s).runs.map((r) => r.stdout + r.stderr)).join('');
    };
    expect(play()).toBe(play());
  });
});
