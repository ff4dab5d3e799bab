export type IntOrString = number | string;

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go GetScaledValueFromIntOrPercent
export function getScaledValueFromIntOrPercent(
  intOrPercent: IntOrString | undefined,
  total: number,
  roundUp: boolean,
): [number, Error | null] {
  if (intOrPercent === undefined || intOrPercent === null) return [0, new Error('nil value for IntOrString')];
  if (typeof intOrPercent === 'number') return [intOrPercent, null];
  const m = /^(-?\d+)%$/.exec(intOrPercent);
  if (!m) return [0, new Error(`invalid value for IntOrString: invalid type: string is not a percentage`)];
  const v = Number(m[1]);
  const scaled = (v * total) / 100;
  return [roundUp ? Math.ceil(scaled) : Math.floor(scaled), null];
}

/** How kubectl prints an IntOrString: `25%` or `1`. */
export function formatIntOrString(v: IntOrString | undefined): string {
  return v === undefined ? '<nil>' : String(v);
}
