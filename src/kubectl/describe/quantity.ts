// resource.Quantity as kubectl prints and adds them: `100m`, `2`, `4015876Ki`, `128Mi`, `1k`.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent' | '';

export interface Quantity {
  /** The value in thousandths (milli-units); bytes × 1000 for memory. */
  milli: number;
  format: QuantityFormat;
}

const decimal: Record<string, number> = { m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go ParseQuantity
export function parseQuantity(s: string): Quantity | undefined {
  const m =
    /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+)?$/.exec(
      s.trim(),
    );
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in binary) return { milli: Math.round(n * 2 ** binary[suffix]! * 1000), format: 'BinarySI' };
  if (suffix in decimal) return { milli: Math.round(n * 10 ** (decimal[suffix]! + 3)), format: 'DecimalSI' };
  return { milli: Math.round(n * 10 ** (Number(suffix.slice(1)) + 3)), format: 'DecimalExponent' };
}

export const zeroQuantity = (): Quantity => ({ milli: 0, format: '' });

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go Quantity.Add
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return {
    milli: a.milli + b.milli,
    format: a.milli === 0 && a.format === '' ? b.format : a.format || b.format,
  };
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go Quantity.String (CanonicalizeBytes)
export function formatQuantity(q: Quantity): string {
  if (q.milli === 0) return '0';
  const neg = q.milli < 0 ? '-' : '';
  const milli = Math.abs(q.milli);
  if (q.format === 'BinarySI' && milli % 1000 === 0 && milli >= 1024 * 1000) {
    let v = milli / 1000;
    const suffixes = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
    let i = 0;
    while (i < suffixes.length - 1 && v % 1024 === 0) {
      v /= 1024;
      i++;
    }
    return `${neg}${v}${suffixes[i]}`;
  }
  if (milli % 1000 !== 0) return `${neg}${milli}m`;
  let v = milli / 1000;
  let exp = 0;
  while (exp < 18 && v % 1000 === 0) {
    v /= 1000;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') return `${neg}${v}${exp ? `e${exp}` : ''}`;
  const suffix = Object.keys(decimal).find((k) => decimal[k] === exp) ?? '';
  return `${neg}${v}${suffix}`;
}

/** Value() of a quantity: whole units, rounded up (bytes for memory). */
export const quantityValue = (q: Quantity): number => Math.ceil(q.milli / 1000);
