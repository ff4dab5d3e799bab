// The URL hash holds where the learner is, so an instructor can share an exact moment:
//
//   #/<scenario>[/<step>][?t=<time>]     step is 1-based; t is session time (the clock in the top bar)
//   #/bench[?pods=<n>]                   the view benchmark
//
// `t` is seconds (`65`, `4.2`, at most millisecond precision), a clock (`1:05`, `1:02:05`, `t=01:05` as the
// top bar prints it) or units as video links write them (`1m5s`); it is always written as seconds. A missing, malformed, negative or too large `t` is ignored
// (the step still opens), so an old `#/deployment-basics/3` and a mistyped link both keep working.

export type Route =
  | { kind: 'scenario'; scenario: string; step: number; timeMs?: number }
  | { kind: 'bench'; pods: number }
  | { kind: 'home' };

/** Seeking replays everything up to `t`; a link further than this into a session is not one anyone shares. */
export const MAX_HASH_TIME_MS = 6 * 60 * 60 * 1000;

const SECONDS = /^\d{1,6}(?:\.\d{1,3})?$/;
const CLOCK = /^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)(?:\.(\d{1,3}))?$/;
const UNITS = /^(?:(\d{1,2})h)?(?:(\d{1,3})m)?(?:(\d{1,5}(?:\.\d{1,3})?)s)?$/;

/** Session milliseconds of a `t` value, or undefined when it is not a valid time. */
export function parseHashTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim().replace(/^t=/, '');
  if (!v) return undefined;
  let ms: number;
  const clock = CLOCK.exec(v);
  const units = UNITS.exec(v);
  if (SECONDS.test(v)) ms = Math.round(Number(v) * 1000);
  else if (clock) {
    const [, h = '0', min = '0', s = '0', frac = ''] = clock;
    if (clock[1] !== undefined && Number(min) > 59) return undefined;
    ms = ((Number(h) * 60 + Number(min)) * 60 + Number(s)) * 1000 + Number(frac.padEnd(3, '0'));
  } else if (units) {
    const [, h = '0', min = '0', s = '0'] = units;
    ms = (Number(h) * 3600 + Number(min) * 60) * 1000 + Math.round(Number(s) * 1000);
  } else return undefined;
  return Number.isFinite(ms) && ms <= MAX_HASH_TIME_MS ? ms : undefined;
}

/** `65000` → `65`, `4200` → `4.2`. */
export function formatHashTime(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const s = Math.floor(whole / 1000);
  const frac = whole % 1000;
  return frac === 0 ? String(s) : `${s}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const query = q < 0 ? '' : h.slice(q + 1);
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { kind: 'home' };
  }
  const params = new URLSearchParams(query);
  if (parts[0] === 'bench') {
    const pods = Number(params.get('pods') ?? '200');
    return {
      kind: 'bench',
      pods: Number.isFinite(pods) && pods > 0 ? Math.min(2000, Math.floor(pods)) : 200,
    };
  }
  if (!parts[0]) return { kind: 'home' };
  const n = Number(parts[1] ?? '1');
  const step = Number.isInteger(n) && n >= 1 ? n - 1 : 0;
  const timeMs = parseHashTime(params.get('t'));
  return timeMs === undefined
    ? { kind: 'scenario', scenario: parts[0], step }
    : { kind: 'scenario', scenario: parts[0], step, timeMs };
}

export function formatHash(route: Route): string {
  switch (route.kind) {
    case 'scenario': {
      const base = `#/${encodeURIComponent(route.scenario)}/${route.step + 1}`;
      return route.timeMs === undefined ? base : `${base}?t=${formatHashTime(route.timeMs)}`;
    }
    case 'bench':
      return `#/bench?pods=${route.pods}`;
    case 'home':
      return '#/';
  }
}
