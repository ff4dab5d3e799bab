// Claims, volumes and pods together in a whole cluster (two workers and the tainted control-plane node): the
// WaitForFirstConsumer flow with the local-path provisioner, the scheduler's volume binding, pvc-protection,
// reclaiming dynamically provisioned volumes, and the kubelet waiting for unbound claims.
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster.ts';
import type { Event, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types.ts';
import { PROVISION_MS } from './local-path-provisioner.ts';
import { VOLUME_MOUNT_TIMEOUT_MS } from '../../kubelet/kubelet.ts';

const claim = (name: string, storageClassName?: string): PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    ...(storageClassName !== undefined ? { storageClassName } : {}),
  },
});

const podWith = (name: string, claimName: string, nodeName?: string): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    ...(nodeName ? { nodeName } : {}),
    containers: [{ name: 'nginx', image: 'nginx:1.17' }],
    volumes: [{ name: 'www', persistentVolumeClaim: { claimName } }],
  },
});

const getClaim = (c: Cluster, name: string) =>
  c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name);
const getPod = (c: Cluster, name: string) => c.api.get<Pod>('Pod', 'default', name);

/** Without the count: the scheduler retries an unschedulable pod after its own status write (x2). */
const uncounted = (lines: string[]) => lines.map((l) => l.replace(/ \(x\d+\)$/, ''));

/** Events of one object as `reason: message`, oldest first. */
function events(c: Cluster, name: string): string[] {
  return c.api
    .list<Event>('Event', 'default')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`);
}

describe('WaitForFirstConsumer with the local-path provisioner', () => {
  it("a claim waits for its first pod, is provisioned on the pod's node, and the pod runs there", () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create(claim('data'));
    c.settle();
    c.advanceBy(30_000);
    expect(getClaim(c, 'data')?.status?.phase).toBe('Pending');
    expect(events(c, 'data')).toEqual([
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
    ]);
    expect(c.api.list('PersistentVolume')).toEqual([]);

    c.api.create(podWith('web', 'data'));
    c.settle();
    // The scheduler picked a node but binds the pod only once the claim is bound.
    const selected = getClaim(c, 'data')?.metadata.annotations?.['volume.kubernetes.io/selected-node'];
    expect(['node1', 'node2']).toContain(selected);
    expect(getPod(c, 'web')?.spec?.nodeName).toBeUndefined();
    c.advanceBy(PROVISION_MS);

    const pvc = getClaim(c, 'data')!;
    const pvName = `pvc-${pvc.metadata.uid}`;
    expect(pvc.spec?.volumeName).toBe(pvName);
    expect(pvc.status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
    });
    expect(pvc.metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': selected,
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const pv = c.api.get<PersistentVolume>('PersistentVolume', undefined, pvName)!;
    expect(pv.status?.phase).toBe('Bound');
    expect(pv.spec?.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(pv.spec?.storageClassName).toBe('standard');
    expect(pv.spec?.hostPath).toEqual({
      path: `/var/local-path-provisioner/${pvName}_default_data`,
      type: 'DirectoryOrCreate',
    });
    expect(pv.spec?.nodeAffinity?.required?.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [selected] }] },
    ]);
    expect(pv.spec?.claimRef?.uid).toBe(pvc.metadata.uid);
    expect(getPod(c, 'web')?.spec?.nodeName).toBe(selected);
    expect(events(c, 'data')).toEqual([
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
      "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered. (x2)",
      'Provisioning: External provisioner is provisioning volume for claim "default/data"',
      `ProvisioningSucceeded: Successfully provisioned volume ${pvName}`,
    ]);
    expect(events(c, 'web')[0]).toBe(`Scheduled: Successfully assigned default/web to ${selected}`);
    c.advanceBy(20_000);
    expect(getPod(c, 'web')?.status?.phase).toBe('Running');
    // The why-record of the placement is written when the pod is bound.
    const why = c.trace.records.filter((r) => r.rule === 'scheduler.selectHost' && r.object.name === 'web');
    expect(why.map((r) => r.values.node)).toEqual([selected]);
  });

  it("a volume's node affinity pins every later pod of the claim to its node", () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create(claim('data'));
    c.api.create(podWith('web', 'data'));
    c.advanceBy(20_000);
    const node = getPod(c, 'web')!.spec!.nodeName!;
    for (let i = 0; i < 4; i++) {
      c.api.delete('Pod', 'default', 'web');
      c.advanceBy(40_000);
      expect(getPod(c, 'web')).toBeUndefined();
      c.api.create(podWith('web', 'data'));
      c.settle();
      expect(getPod(c, 'web')?.spec?.nodeName).toBe(node);
    }
    // With that node cordoned, no node fits.
    c.api.delete('Pod', 'default', 'web');
    c.advanceBy(40_000);
    const n = c.api.get('Node', undefined, node)!;
    c.api.update({ ...n, spec: { ...(n as { spec?: object }).spec, unschedulable: true } });
    c.api.create(podWith('web', 'data'));
    c.settle();
    expect(getPod(c, 'web')?.spec?.nodeName).toBeUndefined();
    expect(uncounted(events(c, 'web')).at(-1)).toBe(
      'FailedScheduling: 0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

describe('pvc-protection and reclaiming', () => {
  it('a claim in use stays Terminating until its pod is gone; then its provisioned volume is deleted', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create(claim('data'));
    c.api.create(podWith('web', 'data'));
    c.advanceBy(20_000);
    const pvName = getClaim(c, 'data')!.spec!.volumeName!;

    const [marked, err] = c.api.delete('PersistentVolumeClaim', 'default', 'data');
    expect(err).toBeNull();
    c.settle();
    expect(marked?.metadata.deletionTimestamp).toBeDefined();
    c.advanceBy(60_000);
    const terminating = getClaim(c, 'data');
    expect(terminating?.metadata.deletionTimestamp).toBeDefined();
    expect(terminating?.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(getPod(c, 'web')?.status?.phase).toBe('Running');

    c.api.delete('Pod', 'default', 'web');
    c.advanceBy(1000);
    expect(getPod(c, 'web')?.metadata.deletionTimestamp).toBeDefined();
    expect(getClaim(c, 'data')).toBeDefined(); // the pod still exists (terminating)
    c.advanceBy(30_000);
    expect(getPod(c, 'web')).toBeUndefined();
    expect(getClaim(c, 'data')).toBeUndefined();
    // Released, then deleted by the provisioner (reclaimPolicy Delete), pv-protection lifted as it is not Bound.
    c.advanceBy(PROVISION_MS);
    expect(c.api.get('PersistentVolume', undefined, pvName)).toBeUndefined();
  });

  it('an unused claim goes at once and its Released volume follows a second later', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create(claim('data'));
    c.api.create(podWith('web', 'data'));
    c.advanceBy(20_000);
    const pvName = getClaim(c, 'data')!.spec!.volumeName!;
    c.api.delete('Pod', 'default', 'web');
    c.advanceBy(40_000);
    c.api.delete('PersistentVolumeClaim', 'default', 'data');
    c.settle();
    expect(getClaim(c, 'data')).toBeUndefined();
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, pvName)?.status?.phase).toBe(
      'Released',
    );
    c.advanceBy(PROVISION_MS);
    expect(c.api.get('PersistentVolume', undefined, pvName)).toBeUndefined();
  });

  it('a Retain volume stays Released', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'manual-pv' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '2Gi' },
        storageClassName: '',
        hostPath: { path: '/mnt/data' },
      },
    });
    c.api.create(claim('static', ''));
    c.settle();
    const pvc = getClaim(c, 'static')!;
    expect(pvc.spec?.volumeName).toBe('manual-pv');
    expect(pvc.status?.capacity).toEqual({ storage: '2Gi' });
    const pv = c.api.get<PersistentVolume>('PersistentVolume', undefined, 'manual-pv')!;
    expect(pv.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    c.api.delete('PersistentVolumeClaim', 'default', 'static');
    c.advanceBy(10_000);
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, 'manual-pv')?.status?.phase).toBe(
      'Released',
    );
  });
});

describe('the scheduler and the kubelet wait for claims', () => {
  it('an unbound Immediate claim keeps its pod Pending until a volume is bound to it', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create<StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'manual' },
      provisioner: 'kubernetes.io/no-provisioner',
    });
    c.api.create(claim('data', 'manual'));
    c.api.create(podWith('web', 'data'));
    c.settle();
    expect(getPod(c, 'web')?.spec?.nodeName).toBeUndefined();
    expect(uncounted(events(c, 'web'))).toEqual([
      'FailedScheduling: 0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
    c.api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv0' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '1Gi' },
        storageClassName: 'manual',
        hostPath: { path: '/mnt' },
      },
    });
    c.settle();
    expect(getClaim(c, 'data')?.status?.phase).toBe('Bound');
    expect(getPod(c, 'web')?.spec?.nodeName).toMatch(/^node[12]$/);
  });

  it('a missing claim: PreFilter rejects the pod', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create(podWith('web', 'nope'));
    c.settle();
    expect(uncounted(events(c, 'web'))).toEqual([
      'FailedScheduling: 0/3 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    ]);
    c.api.create(claim('nope'));
    c.advanceBy(5000);
    expect(getPod(c, 'web')?.spec?.nodeName).toMatch(/^node[12]$/);
  });

  it('a pod bound to a node by hand waits in ContainerCreating and reports FailedMount after 2m3s', () => {
    const c = createCluster({ seed: 4, workers: 2 });
    c.api.create<StorageClass>({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'manual' },
      provisioner: 'kubernetes.io/no-provisioner',
    });
    c.api.create(claim('data', 'manual'));
    c.api.create(podWith('web', 'data', 'node1'));
    c.settle();
    const start = c.now();
    c.advanceBy(VOLUME_MOUNT_TIMEOUT_MS - 1);
    const pod = getPod(c, 'web')!;
    expect(pod.status?.phase).toBe('Pending');
    expect(pod.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(events(c, 'web')).toEqual([]);
    c.advanceBy(1);
    expect(events(c, 'web')).toEqual([
      'FailedMount: Unable to attach or mount volumes: unmounted volumes=[www], unattached volumes=[], failed to process volumes=[www]: context deadline exceeded',
    ]);
    c.api.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv0' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '1Gi' },
        storageClassName: 'manual',
        hostPath: { path: '/mnt' },
      },
    });
    c.advanceBy(20_000);
    const running = getPod(c, 'web')!;
    expect(running.status?.phase).toBe('Running');
    // The pod keeps the startTime of its first sync.
    expect(Date.parse(running.status!.startTime!)).toBe(start);
  });
});
