export type IntOrString = number | string;

/** Parsed percentages (`25%` → 25), remembered: controllers scale the same two or three strings constantly. */
const percents = new Map<string, number | undefined>();

function percentValue(s: string): number | undefined {
  if (percents.has(s)) return percents.get(s);
  const m = /^(-?\d+)%$/.exec(s);
  const v = m ? Number(m[1]) : undefined;
  if (percents.size >= 1000) percents.clear();
  percents.set(s, v);
  return v;
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go GetScaledValueFromIntOrPercent
export function getScaledValueFromIntOrPercent(
  intOrPercent: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): [number, Error | null] {
  if (intOrPercent === undefined || intOrPercent === null) return [0, new Error('nil value for IntOrString')];
  if (typeof intOrPercent === 'number') return [intOrPercent, null];
  const v = percentValue(intOrPercent);
  if (v === undefined)
    return [0, new Error(`invalid value for IntOrString: invalid type: string is not a percentage`)];
  const scaled = (v * total) / 100;
  return [roundUp ? Math.ceil(scaled) : Math.floor(scaled), null];
}

/** How kubectl prints an IntOrString: `25%` or `1`. */
export function formatIntOrString(v: IntOrString | undefined): string {
  return v === undefined ? '<nil>' : String(v);
}
