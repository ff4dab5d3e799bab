import { describe, expect, test } from 'vitest';
import type { PodDisruptionBudget } from '../../../engine/index.ts';
import { Harness } from '../testing/harness.ts';

describe('kubectl create poddisruptionbudget (create_pdb.go)', () => {
  test('creates a budget the disruption controller then keeps', () => {
    const h = new Harness();
    expect(h.run('create pdb web-pdb --selector=app=web --min-available=2')).toMatchObject({
      stdout: 'poddisruptionbudget.policy/web-pdb created\n',
      stderr: '',
      exitCode: 0,
    });
    const pdb = h.cluster.api.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', 'web-pdb')!;
    expect(pdb.spec).toEqual({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } });
    expect(h.run('create poddisruptionbudget web-pdb --selector=app=web --max-unavailable=1').stderr).toBe(
      'error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy "web-pdb" already exists\n',
    );
  });

  test('--dry-run=client -o yaml prints the generated object (set-based selector, zero status)', () => {
    const h = new Harness();
    expect(
      h.run(`create pdb y --selector='app in (web,api),!tier' --max-unavailable=50% --dry-run=client -o yaml`)
        .stdout,
    ).toBe(
      [
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata:',
        '  name: "y"',
        'spec:',
        '  maxUnavailable: 50%',
        '  selector:',
        '    matchExpressions:',
        '    - key: app',
        '      operator: In',
        '      values:',
        '      - api',
        '      - web',
        '    - key: tier',
        '      operator: DoesNotExist',
        'status:',
        '  currentHealthy: 0',
        '  desiredHealthy: 0',
        '  disruptionsAllowed: 0',
        '  expectedPods: 0',
        '',
      ].join('\n'),
    );
    expect(h.cluster.api.count('PodDisruptionBudget')).toBe(0);
  });

  test.each([
    ['create pdb z --min-available=1', 'error: a selector must be specified\n'],
    ['create pdb z --selector=app=web', 'error: one of min-available or max-unavailable must be specified\n'],
    [
      'create pdb z --selector=app=web --min-available=1 --max-unavailable=1',
      'error: min-available and max-unavailable cannot be both specified\n',
    ],
    [
      'create pdb z --selector=app=web --min-available=1Gb',
      'error: invalid format specified for min-available\n',
    ],
    [
      'create pdb z --selector=app=web --max-unavailable=-1',
      'error: invalid format specified for max-unavailable\n',
    ],
    [
      'create pdb z --selector=app!=web --min-available=1',
      'error: "!=" isn\'t supported in label selectors\n',
    ],
    [
      'create pdb --selector=app=web --min-available=1',
      "error: exactly one NAME is required, got 0\nSee 'kubectl create poddisruptionbudget -h' for help and examples\n",
    ],
  ])('%s', (line, stderr) => {
    const h = new Harness();
    const r = h.run(line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
    expect(h.cluster.api.count('PodDisruptionBudget')).toBe(0);
  });
});
