// The local-path provisioner kind installs (rancher.io/local-path, built on sig-storage-lib-external-provisioner):
// for a claim the PV controller handed to it (storage-provisioner annotation) and, in WaitForFirstConsumer mode,
// placed on a node by the scheduler (selected-node annotation), it creates a hostPath PV `pvc-<claim uid>` of
// the claim's size, pinned to that node. It deletes the PVs it made once they are Released with policy Delete.
// Timing (model): each takes PROVISION_MS / DELETE_MS of virtual time (the helper pod that creates or removes
// the directory on the node). The provisioner's own Deployment (namespace local-path-storage) is not modelled:
// its pod would show in `kubectl get pods -A`.
import type { Controller, ControllerContext } from '../controller.ts';
import { namespacedKey, splitKey } from '../controller.ts';
import type { Node, PersistentVolume, PersistentVolumeClaim, Stored, StorageClass } from '../../api/types.ts';
import {
  annDynamicallyProvisioned,
  annSelectedNode,
  annStorageProvisioner,
  annBetaStorageProvisioner,
  getClaimClass,
} from './util.ts';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** Virtual ms from picking up a claim (Provisioning event) to the PV's creation (ProvisioningSucceeded). */
export const PROVISION_MS = 1000;
/** Virtual ms from a PV's release to its deletion. */
export const DELETE_MS = 1000;
/** The provisioner's event source: `<provisioner>_<pod name>_<uuid>` as the library names it. */
export const LOCAL_PATH_IDENTITY =
  'rancher.io/local-path_local-path-provisioner-7dc846544d-4xq8r_5c0b2b2e-8d0f-4b2a-9a51-1c6f0e2f7d4a';
const annSelectedNodeLocalPath = 'local.path.provisioner/selected-node';
const source = { component: LOCAL_PATH_IDENTITY };

export class LocalPathProvisioner implements Controller {
  readonly name = 'local-path-provisioner';
  /** Claim uids being provisioned, and PV names being deleted. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<PersistentVolumeClaim>('PersistentVolumeClaim', (e) => {
      if (e.type !== 'DELETED')
        ctx.queue.add(
          this,
          `claim:${namespacedKey(e.object.metadata.namespace ?? '', e.object.metadata.name)}`,
        );
    });
    ctx.api.watch<PersistentVolume>('PersistentVolume', (e) => {
      if (e.type !== 'DELETED') ctx.queue.add(this, `volume:${e.object.metadata.name}`);
    });
  }

  sync(key: string): void {
    if (key.startsWith('claim:')) {
      const [ns, name] = splitKey(key.slice(6));
      const claim = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
      if (claim && this.shouldProvision(claim)) this.provision(claim);
    } else {
      const pv = this.ctx.api.get<PersistentVolume>('PersistentVolume', undefined, key.slice(7));
      if (pv && this.shouldDelete(pv)) this.deleteVolume(pv);
    }
  }

  // Models sigs.k8s.io/sig-storage-lib-external-provisioner/controller/controller.go shouldProvision
  private shouldProvision(claim: Stored<PersistentVolumeClaim>): boolean {
    if (claim.spec?.volumeName || claim.metadata.deletionTimestamp) return false;
    const a = claim.metadata.annotations ?? {};
    if ((a[annStorageProvisioner] ?? a[annBetaStorageProvisioner]) !== LOCAL_PATH_PROVISIONER) return false;
    const sc = this.ctx.api.get<StorageClass>('StorageClass', undefined, getClaimClass(claim));
    if (sc?.provisioner !== LOCAL_PATH_PROVISIONER) return false;
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && a[annSelectedNode] === undefined) return false;
    if (this.inFlight.has(claim.metadata.uid)) return false;
    return !this.ctx.api.get('PersistentVolume', undefined, `pvc-${claim.metadata.uid}`);
  }

  // Models sigs.k8s.io/sig-storage-lib-external-provisioner/controller/controller.go provisionClaimOperation
  private provision(claim: Stored<PersistentVolumeClaim>): void {
    const uid = claim.metadata.uid;
    const ns = claim.metadata.namespace ?? '';
    const name = claim.metadata.name;
    this.inFlight.add(uid);
    this.ctx.recorder.event(
      claim,
      'Normal',
      'Provisioning',
      `External provisioner is provisioning volume for claim "${ns}/${name}"`,
      source,
    );
    this.ctx.clock.setTimeout(() => {
      this.inFlight.delete(uid);
      const current = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
      if (!current || current.metadata.uid !== uid || current.spec?.volumeName) return;
      const sc = this.ctx.api.get<StorageClass>('StorageClass', undefined, getClaimClass(current));
      const nodeName = current.metadata.annotations?.[annSelectedNode] ?? this.anyNode();
      if (!sc || nodeName === undefined) return;
      const pvName = `pvc-${uid}`;
      // Models github.com/rancher/local-path-provisioner/provisioner.go LocalPathProvisioner.Provision
      const pv: PersistentVolume = {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: pvName,
          annotations: {
            [annSelectedNodeLocalPath]: nodeName,
            [annDynamicallyProvisioned]: LOCAL_PATH_PROVISIONER,
          },
        },
        spec: {
          accessModes: [...(current.spec?.accessModes ?? [])],
          capacity: { storage: current.spec?.resources?.requests?.storage ?? '0' },
          claimRef: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            name,
            namespace: ns,
            resourceVersion: current.metadata.resourceVersion,
            uid,
          },
          hostPath: {
            path: `/var/local-path-provisioner/${pvName}_${ns}_${name}`,
            type: 'DirectoryOrCreate',
          },
          nodeAffinity: {
            required: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [nodeName] }] },
              ],
            },
          },
          persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
          storageClassName: sc.metadata.name,
          volumeMode: current.spec?.volumeMode ?? 'Filesystem',
        },
      };
      const [created] = this.ctx.api.createOwned(pv);
      if (created)
        this.ctx.recorder.event(
          current,
          'Normal',
          'ProvisioningSucceeded',
          `Successfully provisioned volume ${pvName}`,
          source,
        );
    }, PROVISION_MS);
  }

  /** Immediate-mode claims have no selected node: the provisioner picks the first node. */
  private anyNode(): string | undefined {
    return this.ctx.api.list<Node>('Node').find((n) => !n.spec?.unschedulable)?.metadata.name;
  }

  // Models sigs.k8s.io/sig-storage-lib-external-provisioner/controller/controller.go shouldDelete
  private shouldDelete(pv: Stored<PersistentVolume>): boolean {
    return (
      pv.status?.phase === 'Released' &&
      pv.spec?.persistentVolumeReclaimPolicy === 'Delete' &&
      pv.metadata.annotations?.[annDynamicallyProvisioned] === LOCAL_PATH_PROVISIONER &&
      !pv.metadata.deletionTimestamp &&
      !this.inFlight.has(pv.metadata.name)
    );
  }

  // Models sigs.k8s.io/sig-storage-lib-external-provisioner/controller/controller.go deleteVolumeOperation
  private deleteVolume(pv: Stored<PersistentVolume>): void {
    const name = pv.metadata.name;
    const uid = pv.metadata.uid;
    this.inFlight.add(name);
    this.ctx.clock.setTimeout(() => {
      this.inFlight.delete(name);
      const current = this.ctx.api.get<PersistentVolume>('PersistentVolume', undefined, name);
      if (current?.metadata.uid === uid && this.shouldDelete(current))
        this.ctx.api.delete('PersistentVolume', undefined, name);
    }, DELETE_MS);
  }
}
