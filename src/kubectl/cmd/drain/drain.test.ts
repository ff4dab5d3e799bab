import { describe, expect, it } from 'vitest';
import type { Node, Pod, PodDisruptionBudget } from '../../../engine/index.ts';
import { Harness, webDeployYaml } from '../testing/harness.ts';

/** 4 web pods Ready, two on each worker. */
function deployed(replicas = 4): Harness {
  const h = new Harness();
  h.files.set('web.yaml', webDeployYaml('nginx:1.17', replicas));
  h.run('apply -f web.yaml');
  h.advance(10_000);
  return h;
}

const podsOn = (h: Harness, node: string, ns = 'default') =>
  h.cluster.api
    .list<Pod>('Pod', ns)
    .filter((p) => p.spec?.nodeName === node)
    .map((p) => p.metadata.name);

/** The kube-flannel and kube-proxy pods of a node, as the DaemonSet warning lists them. */
function daemonPods(h: Harness, node: string): string {
  return h.cluster.api
    .list<Pod>('Pod')
    .filter((p) => p.spec?.nodeName === node && p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet')
    .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
    .join(', ');
}

const node = (h: Harness, name: string) => h.cluster.api.get<Node>('Node', undefined, name)!;
const taints = (h: Harness, name: string) =>
  (node(h, name).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);

describe('kubectl cordon / uncordon', () => {
  it('cordons, reports already cordoned, uncordons; get nodes shows SchedulingDisabled', () => {
    const h = deployed();
    expect(h.run('cordon node1')).toEqual({
      stdout: 'node/node1 cordoned\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(h.run('cordon node1').stdout).toBe('node/node1 already cordoned\n');
    expect(h.run('get nodes').stdout.split('\n')[2]).toMatch(/^node1 +Ready,SchedulingDisabled +<none> /);
    expect(node(h, 'node1').spec?.unschedulable).toBe(true);
    expect(h.run('uncordon node1').stdout).toBe('node/node1 uncordoned\n');
    expect(h.run('uncordon node1').stdout).toBe('node/node1 already uncordoned\n');
    expect(node(h, 'node1').spec?.unschedulable).toBeUndefined();
    expect(h.run('get nodes').stdout.split('\n')[2]).toMatch(/^node1 +Ready +<none> /);
  });

  it('the node lifecycle controller adds and removes the unschedulable NoSchedule taint', () => {
    const h = deployed();
    h.run('cordon node1');
    expect(taints(h, 'node1')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    expect(node(h, 'node1').spec?.taints?.[0]?.timeAdded).toBeDefined();
    h.run('uncordon node1');
    expect(node(h, 'node1').spec?.taints).toBeUndefined();
  });

  it('a cordoned node gets no new pods', () => {
    const h = deployed(2);
    h.run('cordon node1');
    h.run('scale deployment web-deploy --replicas=6');
    h.advance(10_000);
    expect(podsOn(h, 'node1')).toHaveLength(1);
    expect(podsOn(h, 'node2')).toHaveLength(5);
  });

  it('--dry-run=client changes nothing; -l selects nodes', () => {
    const h = deployed();
    expect(h.run('cordon node1 --dry-run=client').stdout).toBe('node/node1 cordoned (dry run)\n');
    expect(node(h, 'node1').spec?.unschedulable).toBeUndefined();
    expect(h.run('cordon -l kubernetes.io/hostname=node2').stdout).toBe('node/node2 cordoned\n');
    expect(h.run('uncordon nodes/node2').stdout).toBe('node/node2 uncordoned\n');
  });

  it("kubectl's errors: no node, node and selector, unknown node, unknown flag", () => {
    const h = deployed();
    expect(h.run('cordon')).toEqual({
      stdout: '',
      stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
      exitCode: 1,
      done: true,
    });
    expect(h.run('uncordon node1 -l a=b').stderr).toBe(
      "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n",
    );
    expect(h.run('cordon node9')).toMatchObject({
      stderr: 'Error from server (NotFound): nodes "node9" not found\n',
      exitCode: 1,
    });
    expect(h.run('cordon node1 --force').stderr).toBe(
      "error: unknown flag: --force\nSee 'kubectl cordon --help' for usage.\n",
    );
  });
});

describe('kubectl drain', () => {
  it('without --ignore-daemonsets: cordons, refuses, evicts nothing, exit 1', () => {
    const h = deployed();
    const ds = daemonPods(h, 'node1');
    const before = podsOn(h, 'node1');
    const r = h.runToEnd('drain node1');
    const err = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}`;
    expect(r).toEqual({
      stdout: 'node/node1 cordoned\n',
      stderr:
        `error: unable to drain node "node1" due to error: ${err}, continuing command...\n` +
        'There are pending nodes to be drained:\n node1\n' +
        `${err}\n`,
      exitCode: 1,
      done: true,
    });
    expect(podsOn(h, 'node1')).toEqual(before);
    expect(node(h, 'node1').spec?.unschedulable).toBe(true);
  });

  it('several error groups are listed one per line, and bracketed in the "unable to drain" line', () => {
    const h = deployed();
    h.files.set(
      'naked.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: naked\nspec:\n  nodeName: node1\n  containers:\n  - name: c\n    image: nginx:1.17\n',
    );
    h.run('apply -f naked.yaml');
    const ds = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonPods(h, 'node1')}`;
    const naked = 'cannot delete Pods that declare no controller (use --force to override): default/naked';
    expect(h.runToEnd('drain node1').stderr).toBe(
      `error: unable to drain node "node1" due to error: [${naked}, ${ds}], continuing command...\n` +
        'There are pending nodes to be drained:\n node1\n' +
        `${naked}\n${ds}\n`,
    );
  });

  it('with --ignore-daemonsets: warning, evictions, a 1 s wait-for-delete poll, replacements on node2', () => {
    const h = deployed();
    const [a, b] = podsOn(h, 'node1') as [string, string];
    const p = h.start('drain node1 --ignore-daemonsets');
    const first = p.poll();
    expect(first.stdout).toBe(`node/node1 cordoned\nevicting pod default/${a}\nevicting pod default/${b}\n`);
    expect(first.stderr).toBe(`Warning: ignoring DaemonSet-managed Pods: ${daemonPods(h, 'node1')}\n`);
    // stderr came between two stdout lines: the chunks keep that order.
    expect(first.chunks?.map((c) => c.text).join('')).toBe(
      `node/node1 cordoned\n${first.stderr}evicting pod default/${a}\nevicting pod default/${b}\n`,
    );
    const t0 = h.cluster.now();
    const r = h.drive(p);
    expect(r).toEqual({
      stdout: `pod/${a} evicted\npod/${b} evicted\nnode/node1 drained\n`,
      stderr: '',
      exitCode: 0,
      done: true,
    });
    // The kubelet removes the pods 3 s after the eviction, just after that instant's poll: the 4 s poll
    // sees them gone.
    expect(h.cluster.now() - t0).toBe(4_000);
    expect(podsOn(h, 'node1')).toEqual([]);
    expect(podsOn(h, 'node2')).toHaveLength(4);
  });

  it('a pod replaced by one of the same name (another UID) counts as gone', () => {
    const h = deployed();
    const [a] = podsOn(h, 'node1') as [string];
    const p = h.start(`drain node1 --ignore-daemonsets --pod-selector=app=web`);
    p.poll();
    const old = h.cluster.api.get<Pod>('Pod', 'default', a)!;
    h.cluster.api.delete('Pod', 'default', a, { gracePeriodSeconds: 0 });
    h.cluster.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: a, namespace: 'default' },
      spec: { nodeName: 'node2', containers: [{ name: 'c', image: 'nginx:1.17' }] },
    });
    expect(h.cluster.api.get<Pod>('Pod', 'default', a)!.metadata.uid).not.toBe(old.metadata.uid);
    h.cluster.advanceBy(1_000);
    expect(p.poll().stdout).toBe(`pod/${a} evicted\n`);
  });

  it('--pod-selector limits the pods; an invalid one is refused', () => {
    const h = deployed();
    expect(h.runToEnd('drain node1 --ignore-daemonsets --pod-selector=app=other')).toMatchObject({
      stdout: 'node/node1 cordoned\nnode/node1 drained\n',
      exitCode: 0,
    });
    expect(h.run("drain node1 --pod-selector='a in (b'").stderr).toBe(
      'error: --pod-selector=<pod_selector> must be a valid label selector\n',
    );
  });

  it('--disable-eviction deletes: pod/<p> deleted', () => {
    const h = deployed();
    const [a, b] = podsOn(h, 'node1') as [string, string];
    expect(h.runToEnd('drain node1 --ignore-daemonsets --disable-eviction').stdout).toBe(
      `node/node1 cordoned\npod/${a} deleted\npod/${b} deleted\nnode/node1 drained\n`,
    );
  });

  it('--dry-run=client prints what it would evict and changes nothing', () => {
    const h = deployed();
    const [a, b] = podsOn(h, 'node1') as [string, string];
    expect(h.runToEnd('drain node1 --ignore-daemonsets --dry-run=client').stdout).toBe(
      `node/node1 cordoned (dry run)\nevicting pod default/${a} (dry run)\nevicting pod default/${b} (dry run)\nnode/node1 drained (dry run)\n`,
    );
    expect(podsOn(h, 'node1')).toEqual([a, b]);
    expect(node(h, 'node1').spec?.unschedulable).toBeUndefined();
  });

  it('--timeout expiring while waiting for the pods to go', () => {
    const h = deployed();
    const [a, b] = podsOn(h, 'node1') as [string, string];
    const r = h.runToEnd('drain node1 --ignore-daemonsets --timeout=2s');
    const wait = (p: string) =>
      `error when waiting for pod "${p}" in namespace "default" to terminate: context deadline exceeded`;
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n').slice(1)).toEqual([
      `There are pending pods in node "node1" when an error occurred: [${wait(a)}, ${wait(b)}]`,
      `pod/${a}`,
      `pod/${b}`,
      `error: unable to drain node "node1" due to error: [${wait(a)}, ${wait(b)}], continuing command...`,
      'There are pending nodes to be drained:',
      ' node1',
      wait(a),
      wait(b),
      '',
    ]);
  });

  it("kubectl's flag and argument errors", () => {
    const h = deployed();
    expect(h.run('drain').stderr).toBe(
      "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n",
    );
    expect(h.run('drain node1 --delete-local-data').stderr).toBe(
      "error: unknown flag: --delete-local-data\nSee 'kubectl drain --help' for usage.\n",
    );
    expect(h.run('drain node1 --timeout=5x').stderr).toBe(
      'error: invalid argument "5x" for "--timeout" flag: time: unknown unit "x" in duration "5x"\nSee \'kubectl drain --help\' for usage.\n',
    );
    expect(h.run('drain node9').stderr).toBe('Error from server (NotFound): nodes "node9" not found\n');
    expect(h.run('drain node1 --chunk-size=10 --dry-run=client --ignore-daemonsets').exitCode).toBe(0);
  });

  describe('with a PodDisruptionBudget', () => {
    function guarded(): Harness {
      const h = deployed(2);
      const pdb: PodDisruptionBudget = {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'web-pdb', namespace: 'default' },
        spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
      };
      h.cluster.api.create(pdb);
      h.advance(1_000);
      return h;
    }
    const refused = (p: string) =>
      `error when evicting pods/"${p}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`;

    it('retries every 5 s until interrupted (timeout 12 / Ctrl-C): exit 130', () => {
      const h = guarded();
      const [a] = podsOn(h, 'node1') as [string];
      const p = h.start('drain node1 --ignore-daemonsets');
      let out = '';
      const take = (u: { chunks?: { text: string }[]; stdout: string; stderr: string }) =>
        (out += u.chunks ? u.chunks.map((c) => c.text).join('') : u.stdout + u.stderr);
      take(p.poll());
      const t0 = h.cluster.now();
      h.cluster.advanceBy(12_000, () => {
        take(p.poll());
        return false;
      });
      expect(h.cluster.now() - t0).toBe(12_000);
      const u = p.interrupt();
      take(u);
      expect(u).toMatchObject({ done: true, exitCode: 130 });
      const evicting = `evicting pod default/${a}\n`;
      expect(out).toBe(
        `node/node1 cordoned\nWarning: ignoring DaemonSet-managed Pods: ${daemonPods(h, 'node1')}\n` +
          `${evicting}${refused(a)}`.repeat(3),
      );
      // Nothing more after the interrupt, even as time passes.
      h.cluster.advanceBy(10_000);
      expect(p.poll()).toEqual({ stdout: '', stderr: '', done: true, exitCode: 130 });
    });

    it('--timeout=12s: the next attempt after the deadline fails with "global timeout reached"', () => {
      const h = guarded();
      const [a] = podsOn(h, 'node1') as [string];
      const r = h.runToEnd('drain node1 --ignore-daemonsets --timeout=12s');
      const err = `error when evicting pods/"${a}" -n "default": global timeout reached: 12s`;
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe(`node/node1 cordoned\n${`evicting pod default/${a}\n`.repeat(4)}`);
      expect(r.stderr).toBe(
        `Warning: ignoring DaemonSet-managed Pods: ${daemonPods(h, 'node1')}\n` +
          refused(a).repeat(3) +
          `There are pending pods in node "node1" when an error occurred: ${err}\npod/${a}\n` +
          `error: unable to drain node "node1" due to error: ${err}, continuing command...\n` +
          'There are pending nodes to be drained:\n node1\n' +
          `${err}\n`,
      );
    });

    it('a retry succeeds once the budget allows it', () => {
      const h = guarded();
      const [a] = podsOn(h, 'node1') as [string];
      const p = h.start('drain node1 --ignore-daemonsets');
      p.poll();
      h.advance(6_000);
      h.cluster.api.delete('PodDisruptionBudget', 'default', 'web-pdb');
      const r = h.drive(p);
      // The attempt at 5 s is refused; the one at 10 s, after the budget went, succeeds.
      expect(r.stdout).toBe(
        `evicting pod default/${a}\n`.repeat(2) + `pod/${a} evicted\nnode/node1 drained\n`,
      );
      expect(r.stderr).toBe(refused(a));
      expect(r.exitCode).toBe(0);
    });
  });
});
