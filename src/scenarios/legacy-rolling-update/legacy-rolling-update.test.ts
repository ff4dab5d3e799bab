// Transcript test: plays the legacy rolling-update tutorial (seed 003) through the real shell, kubectl and engine,
// and pins what the learner sees — the --image update (one Pod at a time, never fewer than 3 serving, renamed
// back to api-rc), the two -f - refusals, the versioned RC, and the seed's scripted update (kubectl 1.17 renames
// the new RC back to the old name; naming both controllers keeps the new one).
import { describe, expect, it } from 'vitest';
import type { Endpoints } from '../../engine/index.ts';
import { evaluateCheck } from '../checks.ts';
import { runCommand, runStep, type CommandRun, type RunnerEnv } from '../runner.ts';
import { startScenario } from '../testing.ts';
import { api101, fluentd } from './files.ts';
import { legacyRollingUpdate as scenario } from './scenario.ts';

const start = () => startScenario(scenario);
const stepById = (id: string) => scenario.steps.find((s) => s.id === id)!;
const run = (runs: CommandRun[], prefix: string) => runs.find((r) => r.command.startsWith(prefix))!;
const seconds = (env: RunnerEnv, since: number) => (env.cluster().now() - since) / 1000;
const DEPRECATED = 'Command "rolling-update" is deprecated, use "rollout" instead\n';

/** Ready endpoints of api-srv after every change, from a watch. */
function servingLog(env: RunnerEnv): number[] {
  const log: number[] = [];
  env.cluster().api.watch<Endpoints>('Endpoints', (e) => {
    if (e.object.metadata.name !== 'api-srv' || e.type === 'DELETED') return;
    log.push((e.object.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0));
  });
  return log;
}

const updateLines = (next: string, old: string) =>
  `Created ${next}\n` +
  `Scaling up ${next} from 0 to 3, scaling down ${old} from 3 to 0 (keep 3 pods available, don't exceed 4 pods)\n` +
  `Scaling ${next} up to 1\n` +
  `Scaling ${old} down to 2\n` +
  `Scaling ${next} up to 2\n` +
  `Scaling ${old} down to 1\n` +
  `Scaling ${next} up to 3\n` +
  `Scaling ${old} down to 0\n`;

describe('legacy-rolling-update transcript', () => {
  it('starts from api-rc with three Ready Pods behind api-srv, none of the setup counted as typed', () => {
    const { env } = start();
    expect(env.commands).toEqual([]);
    const c = env.cluster();
    for (const step of scenario.steps)
      expect(evaluateCheck(step.check, { cluster: c, commands: [] }), step.id).toBe(false);
    const look = runStep(env, stepById('look'));
    expect(look.reached).toBe(true);
    expect(run(look.runs, 'kubectl get rc').stdout).toBe(
      'NAME     DESIRED   CURRENT   READY   AGE\napi-rc   3         3         3       6s\n',
    );
    expect(run(look.runs, 'kubectl get svc').stdout).toBe(
      'NAME      TYPE           CLUSTER-IP     EXTERNAL-IP   PORT(S)          AGE\n' +
        'api-srv   LoadBalancer   10.104.94.51   <pending>     3000:30399/TCP   6s\n',
    );
  });

  it('reaches every step through its own commands and prints what kubectl 1.17 printed', () => {
    const { env } = start();
    runStep(env, stepById('look'));

    // --image: one Pod at a time, never fewer than 3 serving, the new RC renamed back to api-rc.
    const serving = servingLog(env);
    const t0 = env.cluster().now();
    const image = runStep(env, stepById('image'));
    expect(image.reached).toBe(true);
    const ru = run(image.runs, 'kubectl rolling-update');
    expect(ru.exitCode).toBe(0);
    expect(ru.stderr).toBe(DEPRECATED);
    const next = /^Created (api-rc-[0-9a-f]{32})$/m.exec(ru.stdout)?.[1] ?? '';
    expect(ru.stdout).toBe(
      updateLines(next, 'api-rc') +
        'Update succeeded. Deleting old controller: api-rc\n' +
        `Renaming ${next} to api-rc\n` +
        'replicationcontroller/api-rc rolling updated\n',
    );
    // Three steps of a minute each (--update-period), plus the waits for the new Pods to be available.
    expect(seconds(env, t0)).toBeGreaterThanOrEqual(180);
    expect(seconds(env, t0)).toBeLessThan(240);
    expect(Math.min(...serving)).toBe(3);
    expect(run(image.runs, 'kubectl get rc').stdout).toBe(
      'NAME     DESIRED   CURRENT   READY   AGE\napi-rc   3         3         3       0s\n',
    );
    const hash = next.slice('api-rc-'.length);
    expect(
      run(image.runs, 'kubectl get pods -L deployment')
        .stdout.split('\n')
        .filter((l) => new RegExp(`^${next}-\\w{5} +1/1 +Running +0 +\\S+ +${hash}$`).test(l)),
    ).toHaveLength(3);

    const sidecar = runStep(env, stepById('sidecar'));
    expect(sidecar.reached).toBe(true);
    expect(run(sidecar.runs, 'kubectl create').stdout).toBe('replicationcontroller/api-rc created\n');

    // The two refusals: nothing changes, exit status 1.
    const sameName = runStep(env, stepById('same-name'));
    expect(sameName.reached).toBe(true);
    expect(sameName.runs[0]!.exitCode).toBe(1);
    expect(sameName.runs[0]!.stderr).toBe(
      DEPRECATED + 'error: - cannot have the same name as the existing ReplicationController api-rc\n',
    );
    const selector = runStep(env, stepById('selector'));
    expect(selector.reached).toBe(true);
    expect(selector.runs[0]!.exitCode).toBe(1);
    expect(selector.runs[0]!.stderr).toBe(
      DEPRECATED + 'error: - must specify a matching key with non-equal value in Selector for api-rc\n',
    );

    const versioned = runStep(env, stepById('versioned'));
    expect(versioned.reached).toBe(true);
    expect(run(versioned.runs, 'kubectl create').stdout).toBe(
      'replicationcontroller/api-rc-1453323827 created\n',
    );

    // The seed's script: the time is the version; one name given, so the new RC is renamed back.
    const before = Math.floor(env.cluster().now() / 1000);
    const update = runStep(env, stepById('versioned-update'));
    expect(update.reached).toBe(true);
    const script = run(update.runs, 'cat << EOS');
    expect(script.exitCode).toBe(0);
    const stamped = /^Created (api-rc-(\d{10}))$/m.exec(script.stdout);
    expect(stamped).not.toBeNull();
    expect(script.stdout).toBe(
      updateLines(stamped![1]!, 'api-rc-1453323827') +
        'Update succeeded. Deleting old controller: api-rc-1453323827\n' +
        `Renaming ${stamped![1]!} to api-rc-1453323827\n` +
        'replicationcontroller/api-rc-1453323827 rolling updated\n',
    );
    expect(Number(stamped![2])).toBe(before);
    expect(run(update.runs, 'kubectl get pods -L version').stdout).toMatch(
      new RegExp(`^api-rc-${stamped![2]!}-\\w{5} +2/2 +Running +0 +\\S+ +${stamped![2]!}$`, 'm'),
    );
    expect(run(update.runs, 'kubectl describe svc').stdout).toMatch(
      /^Endpoints: +10\.244\.\d\.\d+:3000,10\.244\.\d\.\d+:3000,10\.244\.\d\.\d+:3000$/m,
    );
  });

  it('naming both controllers keeps the new name, as the last step says', () => {
    const { env } = start();
    for (const id of ['look', 'sidecar', 'versioned']) expect(runStep(env, stepById(id)).reached).toBe(true);
    const rc = JSON.stringify({
      kind: 'ReplicationController',
      apiVersion: 'v1',
      metadata: { name: 'api-rc-2000000000' },
      spec: {
        replicas: 3,
        selector: { name: 'api-pods', version: '2000000000' },
        template: {
          metadata: { labels: { name: 'api-pods', version: '2000000000' } },
          spec: {
            containers: [
              { name: 'node-api-container', image: api101 },
              { name: 'fluentd-container', image: fluentd },
            ],
          },
        },
      },
    });
    const r = runCommand(
      env,
      `kubectl rolling-update api-rc-1453323827 api-rc-2000000000 -f - <<EOS\n${rc}\nEOS`,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      updateLines('api-rc-2000000000', 'api-rc-1453323827') +
        'Update succeeded. Deleting api-rc-1453323827\n' +
        'replicationcontroller/api-rc-2000000000 rolling updated to "api-rc-2000000000"\n',
    );
    expect(runCommand(env, 'kubectl get rc').stdout).toMatch(/^api-rc-2000000000 +3 +3 +3 +3m\d+s$/m);
  });
});
