// The PersistentVolume controller: binds claims to volumes, hands claims of a provisioner's class to that
// (external) provisioner, and releases volumes whose claim is gone. Claims and volumes are synced on every
// change; upstream's 15 s periodic resync is not modelled (so repeated events do not pile up while idle).
import type { Controller, ControllerContext } from '../controller.ts';
import { splitKey } from '../controller.ts';
import type { PersistentVolume, PersistentVolumeClaim, Stored, StorageClass } from '../../api/types.ts';
import { formatRFC3339 } from '../../apimachinery/time.ts';
import {
  annBetaStorageProvisioner,
  annBindCompleted,
  annBoundByController,
  annDynamicallyProvisioned,
  annSelectedNode,
  annStorageProvisioner,
  findMatchingVolume,
  getClaimClass,
  isDelayBindingMode,
  isVolumeBoundToClaim,
} from './util.ts';

const source = { component: 'persistentvolume-controller' };

type Claim = Stored<PersistentVolumeClaim>;
type Volume = Stored<PersistentVolume>;

export class PersistentVolumeController implements Controller {
  readonly name = 'persistentvolume-controller';

  constructor(private readonly ctx: ControllerContext) {
    ctx.api.watch<PersistentVolumeClaim>('PersistentVolumeClaim', (e) => {
      const m = e.object.metadata;
      if (e.type === 'DELETED') {
        // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller_base.go deleteClaim
        const vol = e.object.spec?.volumeName;
        if (vol) ctx.queue.add(this, `volume:${vol}`);
        return;
      }
      ctx.queue.add(this, `claim:${m.namespace}/${m.name}`);
    });
    ctx.api.watch<PersistentVolume>('PersistentVolume', (e) => {
      if (e.type === 'DELETED') return;
      ctx.queue.add(this, `volume:${e.object.metadata.name}`);
      // A new or freed volume may satisfy a waiting claim.
      if (e.object.spec?.claimRef?.name) {
        const ref = e.object.spec.claimRef;
        ctx.queue.add(this, `claim:${ref.namespace ?? ''}/${ref.name}`);
      } else if (e.object.status?.phase === 'Available') {
        for (const c of ctx.api.list<PersistentVolumeClaim>('PersistentVolumeClaim'))
          if (c.status?.phase === 'Pending' && !c.spec?.volumeName)
            ctx.queue.add(this, `claim:${c.metadata.namespace}/${c.metadata.name}`);
      }
    });
  }

  sync(key: string): void {
    if (key.startsWith('claim:')) {
      const [ns, name] = splitKey(key.slice(6));
      const claim = this.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
      if (claim) this.syncClaim(claim);
    } else {
      const pv = this.ctx.api.get<PersistentVolume>('PersistentVolume', undefined, key.slice(7));
      if (pv) this.syncVolume(pv);
    }
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go syncClaim
  private syncClaim(claim: Claim): void {
    if (claim.metadata.annotations?.[annBindCompleted] === undefined) this.syncUnboundClaim(claim);
    else this.syncBoundClaim(claim);
  }

  private volumes(): Volume[] {
    return this.ctx.api.list<PersistentVolume>('PersistentVolume');
  }

  private event(obj: Claim | Volume, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.event(obj, type, reason, message, source);
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go syncUnboundClaim
  private syncUnboundClaim(claim: Claim): void {
    const volumeName = claim.spec?.volumeName;
    if (!volumeName) {
      const delayBinding = isDelayBindingMode(this.ctx.api, claim);
      const volume = findMatchingVolume(claim, this.volumes(), undefined, delayBinding);
      if (volume) {
        this.bind(volume, claim);
        return;
      }
      if (delayBinding && claim.metadata.annotations?.[annSelectedNode] === undefined) {
        this.event(
          claim,
          'Normal',
          'WaitForFirstConsumer',
          'waiting for first consumer to be created before binding',
        );
      } else if (getClaimClass(claim) !== '') {
        this.provisionClaim(claim);
        return;
      } else {
        this.event(
          claim,
          'Normal',
          'FailedBinding',
          'no persistent volumes available for this claim and no storage class is set',
        );
      }
      this.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    const volume = this.ctx.api.get<PersistentVolume>('PersistentVolume', undefined, volumeName);
    if (!volume) {
      this.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    if (!volume.spec?.claimRef || isVolumeBoundToClaim(volume, claim)) {
      this.bind(volume, claim);
      return;
    }
    if (claim.metadata.annotations?.[annBoundByController] === undefined) {
      this.event(
        claim,
        'Warning',
        'FailedBinding',
        `volume "${volumeName}" already bound to a different claim.`,
      );
      this.updateClaimStatus(claim, 'Pending', undefined);
    }
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go syncBoundClaim
  private syncBoundClaim(claim: Claim): void {
    const volumeName = claim.spec?.volumeName;
    if (!volumeName) {
      this.claimLost(
        claim,
        'ClaimLost',
        'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!',
      );
      return;
    }
    const volume = this.ctx.api.get<PersistentVolume>('PersistentVolume', undefined, volumeName);
    if (!volume) {
      this.claimLost(
        claim,
        'ClaimLost',
        'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
      );
      return;
    }
    if (!volume.spec?.claimRef || volume.spec.claimRef.uid === claim.metadata.uid) {
      this.bind(volume, claim);
      return;
    }
    this.claimLost(
      claim,
      'ClaimMisbound',
      'Two claims are bound to the same volume, this one is bound incorrectly',
    );
  }

  private claimLost(claim: Claim, reason: string, message: string): void {
    if (claim.status?.phase !== 'Lost') this.event(claim, 'Warning', reason, message);
    this.updateClaimStatus(claim, 'Lost', undefined);
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go provisionClaimOperationExternal
  private provisionClaim(claim: Claim): void {
    const className = getClaimClass(claim);
    const sc = this.ctx.api.get<StorageClass>('StorageClass', undefined, className);
    if (!sc) {
      this.event(
        claim,
        'Warning',
        'ProvisioningFailed',
        `storageclass.storage.k8s.io "${className}" not found`,
      );
      this.updateClaimStatus(claim, 'Pending', undefined);
      return;
    }
    const provisioner = sc.provisioner;
    let current: Claim = claim;
    const a = claim.metadata.annotations ?? {};
    if (a[annStorageProvisioner] !== provisioner || a[annBetaStorageProvisioner] !== provisioner) {
      // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go setClaimProvisioner
      const next = {
        ...claim,
        metadata: {
          ...claim.metadata,
          annotations: {
            ...a,
            [annBetaStorageProvisioner]: provisioner,
            [annStorageProvisioner]: provisioner,
          },
        },
      };
      const [updated] = this.ctx.api.updateOwned(next);
      if (!updated) return;
      current = updated;
    }
    this.event(
      current,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go bind
  private bind(volume: Volume, claim: Claim): void {
    // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go getBindVolumeToClaim
    let pv: Volume | null = volume;
    const setBoundBy = !isVolumeBoundToClaim(volume, claim);
    const ref = volume.spec?.claimRef;
    if (
      !ref ||
      ref.name !== claim.metadata.name ||
      ref.namespace !== claim.metadata.namespace ||
      ref.uid !== claim.metadata.uid
    ) {
      const next: Volume = {
        ...volume,
        metadata: { ...volume.metadata },
        spec: {
          ...volume.spec,
          claimRef: {
            kind: 'PersistentVolumeClaim',
            namespace: claim.metadata.namespace,
            name: claim.metadata.name,
            uid: claim.metadata.uid,
            apiVersion: 'v1',
            resourceVersion: claim.metadata.resourceVersion,
          },
        },
      };
      if (setBoundBy && next.metadata.annotations?.[annBoundByController] === undefined)
        next.metadata.annotations = { ...next.metadata.annotations, [annBoundByController]: 'yes' };
      [pv] = this.ctx.api.updateOwned(next);
      if (!pv) return;
    }
    pv = this.updateVolumePhase(pv, 'Bound');
    if (!pv) return;
    // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go getBindClaimToVolume
    let c: Claim | null = claim;
    const shouldBind = claim.spec?.volumeName !== pv.metadata.name;
    const a = claim.metadata.annotations ?? {};
    if (shouldBind || a[annBindCompleted] === undefined) {
      const annotations = { ...a };
      if (shouldBind && annotations[annBoundByController] === undefined)
        annotations[annBoundByController] = 'yes';
      annotations[annBindCompleted] = 'yes';
      const next: Claim = {
        ...claim,
        metadata: { ...claim.metadata, annotations },
        spec: { ...claim.spec, volumeName: pv.metadata.name },
      };
      [c] = this.ctx.api.updateOwned(next);
      if (!c) return;
    }
    this.updateClaimStatus(c, 'Bound', pv);
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go updateClaimStatus
  private updateClaimStatus(claim: Claim, phase: string, volume: Volume | undefined): void {
    const status = claim.status ?? {};
    const accessModes = volume ? volume.spec?.accessModes : status.accessModes;
    const capacity = volume ? volume.spec?.capacity : status.capacity;
    if (
      status.phase === phase &&
      JSON.stringify(status.accessModes) === JSON.stringify(accessModes) &&
      JSON.stringify(status.capacity) === JSON.stringify(capacity)
    )
      return;
    const next: Claim = {
      ...claim,
      status: {
        ...status,
        phase,
        ...(accessModes ? { accessModes: [...accessModes] } : {}),
        ...(capacity ? { capacity: { ...capacity } } : {}),
      },
    };
    this.ctx.api.update(next, { status: true });
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go updateVolumePhase
  private updateVolumePhase(volume: Volume, phase: string): Volume | null {
    if (volume.status?.phase === phase) return volume;
    const next: Volume = {
      ...volume,
      status: { phase, lastPhaseTransitionTime: formatRFC3339(this.ctx.clock.now()) },
    };
    const [updated] = this.ctx.api.update(next, { status: true });
    return updated;
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go syncVolume
  private syncVolume(volume: Volume): void {
    const ref = volume.spec?.claimRef;
    if (!ref || !ref.uid) {
      this.updateVolumePhase(volume, 'Available');
      return;
    }
    let claim = this.ctx.api.get<PersistentVolumeClaim>(
      'PersistentVolumeClaim',
      ref.namespace,
      ref.name ?? '',
    );
    if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
    if (!claim) {
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        const released = this.updateVolumePhase(volume, 'Released');
        if (released) this.reclaimVolume(released);
      }
      return;
    }
    if (!claim.spec?.volumeName) {
      this.ctx.queue.add(this, `claim:${claim.metadata.namespace}/${claim.metadata.name}`);
      return;
    }
    if (claim.spec.volumeName === volume.metadata.name) {
      this.updateVolumePhase(volume, 'Bound');
      return;
    }
    // The claim is bound to another volume.
    if (
      volume.metadata.annotations?.[annDynamicallyProvisioned] &&
      volume.spec?.persistentVolumeReclaimPolicy === 'Delete'
    ) {
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        const released = this.updateVolumePhase(volume, 'Released');
        if (released) this.reclaimVolume(released);
      }
    } else if (volume.metadata.annotations?.[annBoundByController] !== undefined) {
      this.unbindVolume(volume);
    }
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go unbindVolume
  private unbindVolume(volume: Volume): void {
    const annotations = { ...volume.metadata.annotations };
    delete annotations[annBoundByController];
    const spec = { ...volume.spec };
    delete spec.claimRef;
    const next: Volume = { ...volume, metadata: { ...volume.metadata, annotations }, spec };
    if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
    const [updated] = this.ctx.api.updateOwned(next);
    if (updated) this.updateVolumePhase(updated, 'Available');
  }

  // Models kubernetes/pkg/controller/volume/persistentvolume/pv_controller.go reclaimVolume
  /**
   * Retain keeps the volume Released. Delete of a volume an external provisioner made is that provisioner's
   * job (it watches Released volumes). Recycle is deprecated and not modelled: the volume stays Released.
   */
  private reclaimVolume(volume: Volume): void {
    void volume;
  }
}
