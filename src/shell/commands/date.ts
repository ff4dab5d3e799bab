// `date` on the cluster's virtual clock, in UTC and the C locale (`CURRENT_UNIXTIME=$(date +%s)`).
import { doneJob, type Job } from '../job.ts';
import type { CommandContext, CommandSpec } from './command.ts';
import { usage } from './text.ts';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** [year, month 1-12, day] of a day number (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

// Models coreutils lib/nstrftime.c for the conversions scripts use (UTC only).
export function strftime(format: string, ms: number): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(ms / 86_400_000);
  const [Y, month, d] = civilFromDays(days);
  const m = month - 1;
  const secs = Math.floor((ms - days * 86_400_000) / 1000);
  const H = Math.floor(secs / 3600);
  const M = Math.floor((secs % 3600) / 60);
  const S = secs % 60;
  const w = (((days + 4) % 7) + 7) % 7;
  const yday = days - daysFromCivil(Y, 1, 1) + 1;
  const conv: Record<string, () => string> = {
    a: () => DAYS[w]!.slice(0, 3),
    A: () => DAYS[w]!,
    b: () => MONTHS[m]!.slice(0, 3),
    h: () => MONTHS[m]!.slice(0, 3),
    B: () => MONTHS[m]!,
    c: () => strftime('%a %b %e %H:%M:%S %Y', ms),
    C: () => p2(Math.floor(Y / 100)),
    d: () => p2(d),
    D: () => strftime('%m/%d/%y', ms),
    e: () => String(d).padStart(2),
    F: () => strftime('%Y-%m-%d', ms),
    H: () => p2(H),
    I: () => p2(H % 12 || 12),
    j: () => String(yday).padStart(3, '0'),
    k: () => String(H).padStart(2),
    l: () => String(H % 12 || 12).padStart(2),
    m: () => p2(m + 1),
    M: () => p2(M),
    n: () => '\n',
    N: () => String((((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    r: () => strftime('%I:%M:%S %p', ms),
    R: () => strftime('%H:%M', ms),
    s: () => String(Math.floor(ms / 1000)),
    S: () => p2(S),
    t: () => '\t',
    T: () => strftime('%H:%M:%S', ms),
    u: () => String(w || 7),
    w: () => String(w),
    y: () => p2(Y % 100),
    Y: () => String(Y),
    z: () => '+0000',
    Z: () => 'UTC',
    '%': () => '%',
  };
  return format.replace(/%(:?z|.)/g, (all, c: string) => (c === ':z' ? '+00:00' : (conv[c]?.() ?? all)));
}

// Models coreutils src/date.c main: `date`, `date -u`, `date +FORMAT`, `-I`/`--iso-8601`, `-R`.
function date(args: string[], ctx: CommandContext): Job {
  let format = '%a %b %e %H:%M:%S %Z %Y';
  let formats = 0;
  for (const a of args) {
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    if (a.startsWith('+')) {
      format = a.slice(1);
      formats++;
    } else if (a === '-R' || a === '--rfc-email') {
      format = '%a, %d %b %Y %H:%M:%S %z';
      formats++;
    } else if (a === '-I' || a === '--iso-8601' || a === '--iso-8601=date') {
      format = '%Y-%m-%d';
      formats++;
    } else if (a === '--iso-8601=seconds' || a === '-Iseconds') {
      format = '%Y-%m-%dT%H:%M:%S%:z';
      formats++;
    } else if (a.startsWith('--')) return usage('date', `unrecognized option '${a}'`, 1);
    else if (a.startsWith('-')) return usage('date', `invalid option -- '${a[1]}'`, 1);
    else return doneJob('', `date: invalid date '${a}'\n`, 1);
  }
  if (formats > 1) return doneJob('', 'date: multiple output formats specified\n', 1);
  return doneJob(`${strftime(format, ctx.cluster.now())}\n`);
}

export const dateCommands: Record<string, CommandSpec> = { date: { run: date } };
