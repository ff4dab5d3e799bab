// The URL hash holds where the learner is, so an instructor can share an exact step:
// `#/deployment-basics/3` (1-based step) and `#/bench?pods=200` for the view benchmark.

export type Route =
  { kind: 'scenario'; scenario: string; step: number } | { kind: 'bench'; pods: number } | { kind: 'home' };

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = h.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'bench') {
    const pods = Number(new URLSearchParams(query).get('pods') ?? '200');
    return {
      kind: 'bench',
      pods: Number.isFinite(pods) && pods > 0 ? Math.min(2000, Math.floor(pods)) : 200,
    };
  }
  if (!parts[0]) return { kind: 'home' };
  const n = Number(parts[1] ?? '1');
  return { kind: 'scenario', scenario: parts[0], step: Number.isInteger(n) && n >= 1 ? n - 1 : 0 };
}

export function formatHash(route: Route): string {
  switch (route.kind) {
    case 'scenario':
      return `#/${encodeURIComponent(route.scenario)}/${route.step + 1}`;
    case 'bench':
      return `#/bench?pods=${route.pods}`;
    case 'home':
      return '#/';
  }
}
