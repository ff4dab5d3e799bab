// What the live region says after a time jump: one short sentence. A scrub or a step back says where the cursor
// landed and how many Pods are Ready there ("Jumped back to 0:42 — 3 of 4 Pods ready."); a step forward says what
// changed ("Stepped to 0:43 — Pod web-…-abcde is ready."). Phrases are i18n keys (`timeJump.*`) with parameters,
// rendered with the learner's language only when the text is spoken.
import type { Frame } from '../../view/cluster/frame.ts';
import type { TimeJump } from './jumps.ts';

export interface Phrase {
  key: string;
  params: Record<string, string | number>;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Facts listed after a step, at most; the rest are counted ("and 2 more"). */
export const MAX_FACTS = 3;

/** `0:42`, `12:05`, `1:02:05`: the clock as it is read out (whole seconds, no leading `t=`). */
export function spokenClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const phrase = (key: string, params: Record<string, string | number> = {}): Phrase => ({
  key: `timeJump.${key}`,
  params,
});

/**
 * How many Pods are Ready: Deployments' READY column summed (`kubectl get deploy`: readyReplicas/replicas), or
 * without Deployments the Pods drawn that are not terminating.
 */
export function readiness(frame: Frame): Phrase {
  if (frame.deployments.length > 0) {
    const ready = frame.deployments.reduce((n, d) => n + d.ready, 0);
    const total = frame.deployments.reduce((n, d) => n + d.replicas, 0);
    return phrase('ready', { ready, total });
  }
  const live = frame.pods.filter((p) => !p.terminating);
  if (live.length === 0) return phrase('noPods');
  return phrase('ready', { ready: live.filter((p) => p.ready).length, total: live.length });
}

/** Nodes that are not plainly Ready, as a learner would want to hear after landing somewhere. */
function unwellNodes(frame: Frame): Phrase[] {
  return frame.nodes
    .filter((n) => n.status !== 'Ready')
    .slice(0, 2)
    .map((n) => phrase('node', { name: n.name, status: n.status }));
}

type FactKind = 'node' | 'created' | 'ready' | 'notReady' | 'status' | 'gone';
interface Fact {
  kind: FactKind;
  name: string;
  status: string;
}

/** What changed between two pictures, one fact per Node or Pod, Nodes first. */
export function changes(before: Frame, after: Frame): Fact[] {
  const out: Fact[] = [];
  const nodes = new Map(before.nodes.map((n) => [n.uid, n]));
  for (const n of after.nodes) {
    const was = nodes.get(n.uid);
    if (was && was.status !== n.status) out.push({ kind: 'node', name: n.name, status: n.status });
  }
  const pods = new Map(before.pods.map((p) => [p.uid, p]));
  const seen = new Set<string>();
  for (const p of after.pods) {
    seen.add(p.uid);
    const was = pods.get(p.uid);
    const fact = (kind: FactKind) => out.push({ kind, name: p.name, status: p.status });
    if (!was) fact('created');
    else if (p.ready && !was.ready) fact('ready');
    else if (was.status !== p.status) fact('status');
    else if (!p.ready && was.ready) fact('notReady');
  }
  for (const p of before.pods)
    if (!seen.has(p.uid)) out.push({ kind: 'gone', name: p.name, status: p.status });
  return out;
}

/** Facts of one kind (and status) said together: `Pod a is ready` or `3 Pods are ready`. */
export function factPhrases(facts: readonly Fact[]): Phrase[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = f.kind === 'node' ? `node/${f.name}` : f.kind === 'status' ? `status/${f.status}` : f.kind;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const single: Record<FactKind, string> = {
    node: 'node',
    created: 'podCreated',
    ready: 'podReady',
    notReady: 'podNotReady',
    status: 'podStatus',
    gone: 'podGone',
  };
  const phrases: Phrase[] = [];
  let rest = 0;
  for (const g of groups.values()) {
    const f = g[0]!;
    if (phrases.length === MAX_FACTS) rest += g.length;
    else if (g.length === 1 || f.kind === 'node')
      phrases.push(phrase(single[f.kind], { name: f.name, status: f.status }));
    else {
      const plural = `pods${single[f.kind].slice(3)}`;
      phrases.push(phrase(plural, { count: g.length, status: f.status }));
    }
  }
  if (rest > 0) phrases.push(phrase('more', { count: rest }));
  return phrases;
}

/**
 * One jump as said: a head phrase and the details after it. A step that moved nothing says so; a step with nothing
 * visible says that.
 */
export function jumpPhrases(jump: TimeJump): { head: Phrase; details: Phrase[] } {
  const clock = spokenClock(jump.to);
  if (jump.kind === 'step') {
    if (jump.to === jump.from) return { head: phrase('idle', { clock }), details: [] };
    const details = factPhrases(changes(jump.before, jump.after));
    return details.length > 0
      ? { head: phrase('stepped', { clock }), details }
      : { head: phrase('quiet', { clock }), details: [] };
  }
  const head =
    jump.to < jump.from
      ? phrase('back', { clock })
      : jump.to > jump.from
        ? phrase('forward', { clock })
        : phrase('at', { clock });
  return { head, details: [...unwellNodes(jump.after), readiness(jump.after)] };
}

/**
 * Jumps made in quick succession (a drag, a held arrow key) said as one: the trailing steps together (everything
 * they changed), otherwise from where the burst started to where it ended.
 */
export function mergeJumps(jumps: readonly TimeJump[]): TimeJump | undefined {
  const last = jumps[jumps.length - 1];
  if (!last) return undefined;
  let first = jumps.length - 1;
  if (last.kind === 'step') while (first > 0 && jumps[first - 1]!.kind === 'step') first--;
  else first = 0;
  const start = jumps[first]!;
  return { kind: last.kind, from: start.from, to: last.to, before: start.before, after: last.after };
}

export function jumpText(jump: TimeJump, t: Translate): string {
  const { head, details } = jumpPhrases(jump);
  const say = (p: Phrase) => t(p.key, p.params);
  if (details.length === 0) return say(head);
  return t('timeJump.line', {
    jump: say(head),
    detail: details.map(say).join(t('timeJump.separator')),
  });
}
