import { describe, expect, it } from 'vitest';
import { canonicalJSON } from '../../engine/index.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { deriveFrame } from '../store/derive-frame.ts';

const consoleText = (r: Runtime) =>
  r.store
    .getState()
    .chunks.map((c) => c.text)
    .join('');

/** Everything the learner can see or ask for at this moment. */
function snapshot(r: Runtime) {
  const c = r.cluster();
  return {
    now: r.time.now(),
    frame: canonicalJSON(deriveFrame(c.api)),
    console: consoleText(r),
    events: c.api.list('Event').map((e) => canonicalJSON(e)),
    trace: canonicalJSON(c.trace.records),
    running: r.store.getState().running,
    history: canonicalJSON([...r.history.replicaSets().values()]),
  };
}

/** Plays as the browser does: many small frames of wall time × speed, polling after each. */
function play(r: Runtime, untilMs: number, frameMs = 16, speed = 8) {
  r.store.getState().setSpeed(speed);
  r.store.getState().setPlaying(true);
  let ts = 0;
  r.playback.tick(ts);
  while (r.time.now() < untilMs) {
    ts += frameMs;
    r.playback.tick(ts);
  }
}

function session() {
  const r = createRuntime({ scenarioId: 'deployment-basics' });
  const snaps = new Map<number, ReturnType<typeof snapshot>>();
  const at = (ms: number) => {
    play(r, ms);
    snaps.set(ms, snapshot(r));
  };
  // A snapshot is taken after the commands typed at that moment (a seek there replays them).
  const type = (ms: number, ...lines: string[]) => {
    play(r, ms);
    for (const l of lines) r.runCommand(l);
    snaps.set(ms, snapshot(r));
  };
  type(1_000, 'kubectl apply -f web-deploy.yaml', 'kubectl rollout status deployment/web-deploy');
  type(40_000, 'kubectl set image deployment/web-deploy nginx=nginx:1.18', 'kubectl get pods -w');
  at(45_000);
  at(52_000);
  at(60_000);
  at(90_000);
  return { r, snaps };
}

describe('time machine', () => {
  it('rewinds exactly: every moment looks the same after a rewind as when it was first played', () => {
    const { r, snaps } = session();
    const end = snapshot(r);
    for (const ms of [45_000, 1_000, 60_000, 52_000, 40_000]) {
      r.time.seek(ms);
      r.playback.advanceBy(0);
      const s = snapshot(r);
      // The live run stopped a frame past `ms`; seek exactly there for the comparison.
      const want = snaps.get(ms)!;
      r.time.seek(want.now);
      expect(snapshot(r)).toEqual(want);
      expect(s.now).toBe(ms);
    }
    r.time.seek(end.now);
    expect(snapshot(r)).toEqual(end);
    expect(r.time.horizon()).toBe(end.now);
  });

  it('the console shows the lines up to the cursor; a rewound rollout is half done', () => {
    const { r } = session();
    r.time.seek(45_000);
    const text = consoleText(r);
    expect(text).toContain('$ kubectl set image deployment/web-deploy nginx=nginx:1.18\n');
    expect(text).toContain('$ kubectl get pods -w\n');
    r.time.seek(20_000);
    expect(consoleText(r)).not.toContain('set image');
    expect(consoleText(r)).toContain('deployment "web-deploy" successfully rolled out\n');
    r.time.seek(3_000);
    expect(consoleText(r)).toContain('$ kubectl rollout status deployment/web-deploy\n');
    expect(consoleText(r)).not.toContain('successfully rolled out');
  });

  it('acting after a rewind forks history: the later inputs are gone', () => {
    const { r } = session();
    expect(r.time.inputs()).toHaveLength(4);
    r.time.seek(30_000);
    expect(r.time.inputs()).toHaveLength(4);
    r.runCommand('kubectl scale --replicas=2 deployment/web-deploy');
    expect(r.time.inputs().map((i) => (i.kind === 'run' ? i.text : i.kind))).toEqual([
      'kubectl apply -f web-deploy.yaml',
      'kubectl rollout status deployment/web-deploy',
      'kubectl scale --replicas=2 deployment/web-deploy',
    ]);
    expect(r.time.horizon()).toBe(30_000);
    r.playback.advanceBy(60_000);
    expect(consoleText(r)).not.toContain('set image');
    const f = r.store.getState().frame;
    expect(f.pods.filter((p) => !p.terminating)).toHaveLength(2);
    expect(f.replicaSets).toHaveLength(1);
  });

  it('playing forward after a rewind replays the recorded commands at their times', () => {
    const { r, snaps } = session();
    r.time.seek(10_000);
    play(r, 60_000);
    r.time.seek(snaps.get(60_000)!.now);
    expect(snapshot(r)).toEqual(snaps.get(60_000));
  });

  it('step back goes to the previous change of the picture, and stops at the origin', () => {
    const { r } = session();
    r.time.seek(52_000);
    const frames: string[] = [canonicalJSON(deriveFrame(r.cluster().api))];
    const times: number[] = [r.time.now()];
    for (let i = 0; i < 5; i++) {
      expect(r.time.stepBack()).toBe(true);
      times.push(r.time.now());
      frames.push(canonicalJSON(deriveFrame(r.cluster().api)));
    }
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThan(times[i - 1]!);
    // Every step back shows a different picture, or at least the moment a recorded command ran.
    const inputTimes = new Set(r.time.inputs().map((x) => x.at));
    for (let i = 1; i < frames.length; i++)
      expect(frames[i] !== frames[i - 1] || inputTimes.has(times[i - 1]!)).toBe(true);
    r.time.seek(0);
    expect(r.time.now()).toBe(r.time.origin());
    expect(r.time.stepBack()).toBe(false);
  });

  it('Ctrl-C and clear are replayed too', () => {
    const r = createRuntime({ scenarioId: 'deployment-basics' });
    r.runCommand('sleep 100');
    r.playback.advanceBy(5_000);
    r.console.interrupt();
    r.playback.advanceBy(5_000);
    r.runCommand('echo hi');
    const before = consoleText(r);
    expect(before).toBe('$ sleep 100\n^C\n$ echo hi\nhi\n');
    r.clearConsole();
    r.playback.advanceBy(1_000);
    r.time.seek(7_000);
    expect(consoleText(r)).toBe('$ sleep 100\n^C\n');
    r.time.seek(11_000);
    expect(consoleText(r)).toBe('');
    expect(r.store.getState().history).toEqual(['sleep 100', 'echo hi']);
  });

  it('a shared link at a later step rewinds no further than the replayed steps', () => {
    const r = createRuntime({ scenarioId: 'deployment-basics', step: 2 });
    const origin = r.time.origin();
    expect(origin).toBeGreaterThan(0);
    r.playback.advanceBy(10_000);
    r.time.seek(0);
    expect(r.time.now()).toBe(origin);
    expect(r.store.getState().reached).toEqual([0, 1]);
    expect(consoleText(r)).toContain('$ kubectl apply -f web-deploy.yaml\n');
  });
  it('kubectl edit: the saved text is recorded, so a rewind replays the same edit', () => {
    const r = createRuntime({ scenarioId: 'deployment-basics' });
    r.runCommand('kubectl apply -f web-deploy.yaml');
    r.playback.advanceBy(2_000);
    r.runCommand('kubectl edit deployment/web-deploy');
    const opened = r.store.getState().editor;
    expect(opened?.initial).toContain('kind: Deployment\n');
    expect(r.store.getState().running).toBe(true);
    r.playback.advanceBy(3_000);
    r.finishEdit(opened!.initial.replace('replicas: 4', 'replicas: 2'));
    expect(r.store.getState().editor).toBeNull();
    expect(consoleText(r)).toContain(
      '$ kubectl edit deployment/web-deploy\ndeployment.apps/web-deploy edited\n',
    );
    expect(r.time.inputs().map((i) => i.kind)).toEqual(['run', 'run', 'edit']);
    r.playback.advanceBy(30_000);
    const after = consoleText(r);
    const pods = r.store.getState().frame.pods.filter((p) => !p.terminating).length;
    expect(pods).toBe(2);

    // Back to while the editor was open: it shows again with what kubectl gave it.
    r.time.seek(3_000);
    expect(r.store.getState().editor?.initial).toBe(opened!.initial);
    expect(r.store.getState().running).toBe(true);
    // Forward again: the recorded text is saved at its moment.
    r.seek(35_000);
    expect(r.store.getState().editor).toBeNull();
    expect(consoleText(r)).toBe(after);
    expect(r.store.getState().frame.pods.filter((p) => !p.terminating)).toHaveLength(2);
  });

  it('kubectl edit: cancel, an invalid save that reopens the editor, and Ctrl-C are replayed', () => {
    const r = createRuntime({ scenarioId: 'deployment-basics' });
    r.runCommand('kubectl apply -f web-deploy.yaml');
    r.runCommand('kubectl edit deployment/web-deploy');
    r.finishEdit(undefined);
    expect(consoleText(r)).toContain(
      '$ kubectl edit deployment/web-deploy\nEdit cancelled, no changes made.\n',
    );
    expect(r.store.getState().running).toBe(false);
    r.playback.advanceBy(1_000);
    r.runCommand('kubectl edit deployment/web-deploy');
    const first = r.store.getState().editor!;
    r.finishEdit(first.initial.replace('replicas: 4', 'replicas: -1'));
    const again = r.store.getState().editor!;
    expect(again.seq).not.toBe(first.seq);
    expect(again.initial).toContain('# deployments.apps "web-deploy" was not valid:\n');
    expect(r.store.getState().running).toBe(true);
    r.playback.advanceBy(1_000);
    r.console.interrupt();
    expect(r.store.getState().editor).toBeNull();
    expect(r.store.getState().running).toBe(false);
    const before = consoleText(r);
    expect(before).toContain('error: deployments.apps "web-deploy" is invalid');
    r.playback.advanceBy(1_000);
    r.time.seek(0);
    r.time.seek(3_000);
    expect(consoleText(r)).toBe(before);
    expect(r.store.getState().editor).toBeNull();
  });

  it('finishEdit without an open editor records nothing', () => {
    const r = createRuntime({ scenarioId: 'deployment-basics' });
    r.finishEdit('x');
    expect(r.time.inputs()).toEqual([]);
  });
});
