import { describe, expect, it } from 'vitest';
import { createRuntime } from './runtime.ts';

const text = (r: ReturnType<typeof createRuntime>) =>
  r.store
    .getState()
    .chunks.map((c) => c.text)
    .join('');

function setup(step = 0) {
  const hashes: string[] = [];
  const r = createRuntime({ scenarioId: 'deployment-basics', step, setHash: (h) => hashes.push(h) });
  return { r, hashes };
}

describe('runtime', () => {
  it('starts at step 1 with the scenario files and an idle three-node cluster', () => {
    const { r, hashes } = setup();
    const s = r.store.getState();
    expect(s.scenarioId).toBe('deployment-basics');
    expect(s.step).toBe(0);
    expect(hashes).toEqual(['#/deployment-basics/1']);
    expect(s.frame.nodes.map((n) => n.name)).toEqual(['control-plane', 'node1', 'node2']);
    expect([...r.session.files.keys()].sort()).toEqual(['web-deploy-1.18.yaml', 'web-deploy.yaml']);
  });

  it('a Run types the command into the console; the check lights once the outcome is reached', () => {
    const { r } = setup();
    r.goToStep(1);
    expect(r.store.getState().reached).toEqual([]);
    r.runCommand('kubectl apply -f web-deploy.yaml');
    expect(text(r)).toBe('$ kubectl apply -f web-deploy.yaml\ndeployment.apps/web-deploy created\n');
    expect(r.store.getState().commandsRun).toEqual(['kubectl apply -f web-deploy.yaml']);
    expect(r.store.getState().reached).toEqual([]);
    for (let i = 0; i < 60 && !r.store.getState().reached.includes(1); i++) r.playback.advanceBy(1000);
    expect(r.store.getState().reached).toEqual([1]);
    const f = r.store.getState().frame;
    expect(f.pods.filter((p) => p.ready && p.revision === 1)).toHaveLength(4);
    expect(r.store.getState().elapsedMs).toBeGreaterThan(0);
  });

  it('a running command is polled as time advances and stops on Ctrl-C', () => {
    const { r } = setup();
    r.runCommand('kubectl apply -f web-deploy.yaml');
    r.runCommand('kubectl rollout status deployment/web-deploy');
    expect(r.store.getState().running).toBe(true);
    for (let i = 0; i < 60 && r.store.getState().running; i++) r.playback.advanceBy(1000);
    expect(r.store.getState().running).toBe(false);
    expect(text(r)).toContain('deployment "web-deploy" successfully rolled out\n');
    r.runCommand('sleep 100');
    r.console.interrupt();
    expect(r.store.getState().running).toBe(false);
    expect(text(r).endsWith('$ sleep 100\n^C\n')).toBe(true);
  });

  it('opening at a later step replays the earlier ones and lights their checks', () => {
    const { r, hashes } = setup(4);
    const s = r.store.getState();
    expect(s.step).toBe(4);
    expect(hashes.at(-1)).toBe('#/deployment-basics/5');
    expect(s.reached).toEqual([0, 1, 2, 3]);
    expect(text(r)).toContain(
      '$ kubectl scale --replicas=2 deployment/web-deploy\ndeployment.apps/web-deploy scaled\n',
    );
    expect(s.frame.pods.filter((p) => !p.terminating)).toHaveLength(2);
    expect(s.catchingUp).toBe(false);
  });

  it('describes the selection as kubectl does, and says when it is gone', () => {
    const { r } = setup();
    const node = r.store.getState().frame.nodes[1]!;
    const text = r.describe({ kind: 'Node', name: node.name, uid: node.uid });
    expect(text).toMatch(/^Name: +node1\n/);
    expect(r.describe({ kind: 'Node', name: 'node1', uid: 'another-uid' })).toBeNull();
  });

  it('Start over gives a fresh cluster and step 1', () => {
    const { r } = setup(3);
    r.restart();
    const s = r.store.getState();
    expect(s.step).toBe(0);
    expect(s.reached).toEqual([]);
    expect(s.chunks).toEqual([]);
    expect(s.frame.pods).toEqual([]);
    expect(s.frame.deployments).toEqual([]);
  });
});
