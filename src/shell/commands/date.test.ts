import { describe, expect, it } from 'vitest';
import { strftime } from './date.ts';

const FORMAT =
  '%a %A %b %B %c|%C %d %D %e %F %H %I %j %k %l %m %M %p %r %R %s %S %T %u %w %y %Y %z %:z %Z %%';

// Expected: `LC_ALL=C TZ=UTC date -d @SECONDS "+FORMAT"` of GNU coreutils 9.1 (leap days, centuries, before 1970).
describe('strftime', () => {
  it.each([
    [
      0,
      'Thu Thursday Jan January Thu Jan  1 00:00:00 1970|19 01 01/01/70  1 1970-01-01 00 12 001  0 12 01 00 AM 12:00:00 AM 00:00 0 00 00:00:00 4 4 70 1970 +0000 +00:00 UTC %',
    ],
    [
      951782400,
      'Tue Tuesday Feb February Tue Feb 29 00:00:00 2000|20 29 02/29/00 29 2000-02-29 00 12 060  0 12 02 00 AM 12:00:00 AM 00:00 951782400 00 00:00:00 2 2 00 2000 +0000 +00:00 UTC %',
    ],
    [
      1709251199,
      'Thu Thursday Feb February Thu Feb 29 23:59:59 2024|20 29 02/29/24 29 2024-02-29 23 11 060 23 11 02 59 PM 11:59:59 PM 23:59 1709251199 59 23:59:59 4 4 24 2024 +0000 +00:00 UTC %',
    ],
    [
      1767571202,
      'Mon Monday Jan January Mon Jan  5 00:00:02 2026|20 05 01/05/26  5 2026-01-05 00 12 005  0 12 01 00 AM 12:00:02 AM 00:00 1767571202 02 00:00:02 1 1 26 2026 +0000 +00:00 UTC %',
    ],
    [
      4102444800,
      'Fri Friday Jan January Fri Jan  1 00:00:00 2100|21 01 01/01/00  1 2100-01-01 00 12 001  0 12 01 00 AM 12:00:00 AM 00:00 4102444800 00 00:00:00 5 5 00 2100 +0000 +00:00 UTC %',
    ],
    [
      -86400,
      'Wed Wednesday Dec December Wed Dec 31 00:00:00 1969|19 31 12/31/69 31 1969-12-31 00 12 365  0 12 12 00 AM 12:00:00 AM 00:00 -86400 00 00:00:00 3 3 69 1969 +0000 +00:00 UTC %',
    ],
  ])('@%i', (seconds, want) => {
    expect(strftime(FORMAT, seconds * 1000)).toBe(want);
  });
});
