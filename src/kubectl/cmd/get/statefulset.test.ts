// The StatefulSet basics tutorial through kubectl: get, scale, patch, delete --cascade=orphan and the
// storage the claim templates create.
import { describe, expect, test } from 'vitest';
import type { Pod } from '../../../engine/index.ts';
import { Harness, addNginxSlimImages, webStatefulSetYaml } from '../testing/harness.ts';

function web(replicas = 2): Harness {
  const h = new Harness();
  addNginxSlimImages(h);
  h.files.set('web.yaml', webStatefulSetYaml(replicas));
  expect(h.run('apply -f web.yaml').stdout).toBe('service/nginx created\nstatefulset.apps/web created\n');
  h.advance(120_000);
  return h;
}

const column = (table: string, n: number) =>
  table
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/\s{2,}/)[n]);

describe('kubectl get statefulset / sts', () => {
  test('NAME READY AGE, and CONTAINERS IMAGES with -o wide', () => {
    const h = web();
    expect(h.run('get statefulset web').stdout).toBe('NAME   READY   AGE\nweb    2/2     2m\n');
    expect(h.run('get sts -o wide').stdout).toBe(
      'NAME   READY   AGE   CONTAINERS   IMAGES\nweb    2/2     2m    nginx        registry.k8s.io/nginx-slim:0.8\n',
    );
  });

  test('get all lists the pods, the services and the statefulset', () => {
    const h = web();
    const out = h.run('get all').stdout;
    expect(out).toContain('pod/web-0   1/1     Running   0          ');
    expect(out).toContain('\n\nNAME                   READY   AGE\nstatefulset.apps/web   2/2     2m\n');
    expect(out).not.toContain('controllerrevision');
  });

  test('get controllerrevisions: the controller column names the set', () => {
    const h = web();
    const out = h.run('get controllerrevisions').stdout.split('\n');
    expect(out[0]).toBe('NAME             CONTROLLER             REVISION   AGE');
    expect(out[1]!.replace(/^web-[0-9a-z]{10}/, 'web-HASH')).toBe(
      'web-HASH   statefulset.apps/web   1          2m',
    );
  });
});

describe('kubectl scale / patch sts', () => {
  test('scale to 5 then patch back to 3: pods follow, claims stay', () => {
    const h = web();
    expect(h.run('scale sts web --replicas=5').stdout).toBe('statefulset.apps/web scaled\n');
    h.advance(120_000);
    expect(h.run('get sts web').stdout).toBe('NAME   READY   AGE\nweb    5/5     4m\n');
    expect(h.run(`patch sts web -p '{"spec":{"replicas":3}}'`).stdout).toBe('statefulset.apps/web patched\n');
    h.advance(60_000);
    expect(column(h.run('get pods -l app=nginx').stdout, 0)).toEqual(['NAME', 'web-0', 'web-1', 'web-2']);
    expect(column(h.run('get pvc -l app=nginx').stdout, 0)).toEqual([
      'NAME',
      'www-web-0',
      'www-web-1',
      'www-web-2',
      'www-web-3',
      'www-web-4',
    ]);
  });

  test('strategic patches of updateStrategy keep the other rollingUpdate fields', () => {
    const h = web();
    const strategy = () => h.run('get sts web -o jsonpath={.spec.updateStrategy}').stdout;
    expect(
      h.run(`patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate"}}}'`).stdout,
      // Already the (defaulted) strategy: kubectl reports that the patch changed nothing.
    ).toBe('statefulset.apps/web patched (no change)\n');
    const before = JSON.parse(strategy()) as { rollingUpdate?: { partition?: number } };
    expect(before.rollingUpdate?.partition).toBe(0);
    h.run(
      `patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'`,
    );
    const after = JSON.parse(strategy()) as { type: string; rollingUpdate?: Record<string, unknown> };
    expect(after).toEqual({ ...before, rollingUpdate: { ...before.rollingUpdate, partition: 3 } });
  });
});

describe('storage of the claim templates', () => {
  test('get pvc: one Bound claim per pod in the default class', () => {
    const h = web();
    const out = h.run('get pvc -l app=nginx').stdout.split('\n');
    expect(out[0]).toBe(
      'NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
    );
    const uid = (l: string | undefined) =>
      l?.replace(/pvc-[0-9a-f-]{36}/, 'pvc-UID                                 ');
    expect(uid(out[1])).toBe(
      'www-web-0   Bound    pvc-UID                                    1Gi        RWO            standard       <unset>                 2m',
    );
    expect(uid(out[2])).toBe(
      'www-web-1   Bound    pvc-UID                                    1Gi        RWO            standard       <unset>                 115s',
    );
  });

  test('get pv: the provisioned volumes, bound to the claims', () => {
    const h = web();
    const lines = h.run('get pv').stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
    );
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(1, 7))).toEqual(
      expect.arrayContaining([
        ['1Gi', 'RWO', 'Delete', 'Bound', 'default/www-web-0', 'standard'],
        ['1Gi', 'RWO', 'Delete', 'Bound', 'default/www-web-1', 'standard'],
      ]),
    );
    expect(lines).toHaveLength(3);
  });

  test('get storageclass: the default class', () => {
    const h = new Harness();
    const out = h.run('get storageclass').stdout.split('\n');
    expect(out[0]).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE',
    );
    expect(out[1]!.replace(/\S+$/, 'AGE')).toBe(
      'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  AGE',
    );
  });

  test('describe pvc names the pod using the claim', () => {
    const h = web();
    const text = h.run('describe pvc www-web-0').stdout;
    expect(text).toContain('\nStatus:        Bound\n');
    expect(text).toContain('\nStorageClass:  standard\n');
    expect(text).toContain('\nFinalizers:    [kubernetes.io/pvc-protection]\n');
    expect(text).toContain('\nUsed By:       web-0\n');
  });
});

describe('kubectl delete statefulset --cascade=orphan', () => {
  test('the set goes, its pods and revisions stay without owner; a deleted orphan is not recreated', () => {
    const h = web(3);
    expect(h.run('delete statefulset web --cascade=orphan').stdout).toBe(
      'statefulset.apps "web" deleted from default namespace\n',
    );
    h.advance(30_000);
    expect(h.run('get sts').stderr).toBe('No resources found in default namespace.\n');
    expect(column(h.run('get pods -l app=nginx').stdout, 0)).toEqual(['NAME', 'web-0', 'web-1', 'web-2']);
    for (const p of h.cluster.api.list<Pod>('Pod', 'default'))
      expect(p.metadata.ownerReferences ?? []).toEqual([]);
    expect(column(h.run('get controllerrevisions').stdout, 1)).toEqual(['CONTROLLER', '<none>']);
    expect(h.run('delete pod web-0').stdout).toBe('pod "web-0" deleted from default namespace\n');
    h.advance(30_000);
    expect(column(h.run('get pods -l app=nginx').stdout, 0)).toEqual(['NAME', 'web-1', 'web-2']);
  });

  test('a cascading delete takes the pods too', () => {
    const h = web();
    h.run('delete statefulset web');
    h.advance(60_000);
    expect(h.run('get pods -l app=nginx').stderr).toBe('No resources found in default namespace.\n');
    expect(h.run('get controllerrevisions').stderr).toBe('No resources found in default namespace.\n');
  });
});
