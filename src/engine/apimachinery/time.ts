// Timestamps as the API carries them (RFC 3339, second precision) and the durations kubectl prints.
/* eslint-disable no-restricted-globals -- formatting a given instant is pure; nothing here reads the wall clock */

/** RFC 3339 in UTC with second precision, as metav1.Time marshals: 2026-01-05T00:00:00Z. */
export function formatRFC3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  let text = formatted.get(sec);
  if (text === undefined) {
    text = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
    if (formatted.size >= 4096) formatted.clear();
    formatted.set(sec, text);
  }
  return text;
}

/** Seconds already formatted: the engine formats the same few instants over and over. */
const formatted = new Map<number, string>();

const parsed = new Map<string, number>();

/** Unix milliseconds of an RFC 3339 time (memoised: the same few strings are parsed over and over). */
export function parseTime(s: string | undefined): number {
  if (!s) return 0;
  let v = parsed.get(s);
  if (v === undefined) {
    v = Date.parse(s);
    if (parsed.size > 100000) parsed.clear();
    parsed.set(s, v);
  }
  return v;
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z layout in UTC, as kubectl describe prints CreationTimestamp: Mon, 05 Jan 2026 00:00:00 +0000. */
export function formatRFC1123Z(ms: number): string {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go HumanDuration
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${hours / 24}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go ShortHumanDuration
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** Go's time.Duration.String() for whole milliseconds: 1m0s, 4.8s, 300ms. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = (ms % 60000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}
