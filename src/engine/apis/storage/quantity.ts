// resource.Quantity as the apiserver stores storage sizes: parsed, compared and written back canonically
// (`1024Mi` is stored as `1Gi`). Whole bytes only: storage requests are never fractional here.

const decimal: Record<string, number> = { '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export interface Quantity {
  /** The value in milli-units (bytes × 1000), exact. */
  milli: bigint;
  format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity
export function parseQuantity(s: string): Quantity | undefined {
  const m = /^([+-]?)([0-9]+)(?:\.([0-9]*))?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  const digits = BigInt(`${m[2]}${frac}`);
  const suffix = m[4] ?? '';
  let milli: bigint;
  let format: Quantity['format'];
  const scaleDown = (v: bigint, exp10: number): bigint =>
    exp10 >= 0 ? v * 10n ** BigInt(exp10) : v / 10n ** BigInt(-exp10);
  if (suffix in binary) {
    format = 'BinarySI';
    milli = scaleDown(digits * 2n ** BigInt(binary[suffix]!) * 1000n, -frac.length);
  } else if (suffix === 'm') {
    format = 'DecimalSI';
    milli = scaleDown(digits, -frac.length);
  } else if (suffix in decimal) {
    format = 'DecimalSI';
    milli = scaleDown(digits, decimal[suffix]! + 3 - frac.length);
  } else {
    format = 'DecimalExponent';
    milli = scaleDown(digits, Number(suffix.slice(1)) + 3 - frac.length);
  }
  return { milli: sign * milli, format };
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go Quantity.String (CanonicalizeBytes)
export function formatQuantity(q: Quantity): string {
  if (q.milli === 0n) return '0';
  const neg = q.milli < 0n ? '-' : '';
  const milli = q.milli < 0n ? -q.milli : q.milli;
  if (milli % 1000n !== 0n) return `${neg}${milli}m`;
  let v = milli / 1000n;
  if (q.format === 'BinarySI' && v >= 1024n) {
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    let i = 0;
    while (i < suffixes.length - 1 && v % 1024n === 0n) {
      v /= 1024n;
      i++;
    }
    if (i > 0) return `${neg}${v}${suffixes[i]}`;
    v = milli / 1000n;
  }
  let exp = 0;
  while (exp < 18 && v % 1000n === 0n) {
    v /= 1000n;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') return `${neg}${v}${exp ? `e${exp}` : ''}`;
  const suffix = Object.keys(decimal).find((k) => decimal[k] === exp) ?? '';
  return `${neg}${v}${suffix}`;
}

/** The canonical form of a quantity string, or the string itself when it does not parse. */
export function canonicalQuantity(s: string): string {
  const q = parseQuantity(s);
  return q ? formatQuantity(q) : s;
}

/** Compares two quantity strings (-1, 0, 1); an unparsable one counts as 0. */
export function compareQuantity(a: string | undefined, b: string | undefined): number {
  const x = parseQuantity(a ?? '0')?.milli ?? 0n;
  const y = parseQuantity(b ?? '0')?.milli ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}
