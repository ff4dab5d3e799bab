// `kubectl describe persistentvolume|persistentvolumeclaim|storageclass`, and the volume claim templates
// section of `kubectl describe statefulset`.
import type { NodeSelectorRequirement } from 'kubernetes-types/core/v1';
import {
  formatLabels,
  formatRFC1123Z,
  parseTime,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  type StorageClass,
} from '../../engine/index.ts';
import {
  getAccessModesAsString,
  getPersistentVolumeClaimClass,
  getPersistentVolumeClass,
  isDefaultAnnotation,
} from '../printers/table/printers-config.ts';
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printLabelsMultilineWithIndent,
  refOf,
  searchEvents,
  tabbedString,
  translateTimestampSince,
  type DescribeContext,
  type PrefixWriter,
} from './describe.ts';

/** Go's `%v` of a []string: `[a b]`. */
const goStringSlice = (v: readonly string[] | undefined) => `[${(v ?? []).join(' ')}]`;

/** Go's Quantity.String() of a missing quantity is "0". */
const quantityString = (q: string | number | undefined) => (q === undefined ? '0' : String(q));

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printPodsMultilineWithIndent
export function printPodsMultiline(w: PrefixWriter, title: string, pods: readonly Pod[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (pods.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const names = pods.map((p) => p.metadata?.name ?? '').sort();
  names.forEach((name, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${name}\n`);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printPersistentVolumeClaim
/** Shared by PVCs (`isFullPVC`) and claim templates, which skip the fields that have no meaning there. */
export function printPersistentVolumeClaim(
  w: PrefixWriter,
  pvc: PersistentVolumeClaim,
  isFullPVC: boolean,
  now: number,
): void {
  if (isFullPVC) {
    w.write(LEVEL_0, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata?.namespace ?? ''}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${getPersistentVolumeClaimClass(pvc)}\n`);
  if (isFullPVC) {
    if (pvc.metadata?.deletionTimestamp)
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${translateTimestampSince(pvc.metadata.deletionTimestamp, now)})\n`,
      );
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  }
  w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata?.annotations);
  if (isFullPVC) w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pvc.metadata?.finalizers)}\n`);
  let capacity = '';
  let accessModes = '';
  if (pvc.spec?.volumeName) {
    accessModes = getAccessModesAsString(pvc.status?.accessModes);
    capacity = quantityString(pvc.status?.capacity?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const ds = pvc.spec?.dataSource;
  if (ds) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (ds.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name}\n`);
  }
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go getPodsForPVC
/** Pods in the claim's namespace that mount it, then the pods that own it (by uid), each once. */
export function getPodsForPVC(pvc: PersistentVolumeClaim, ctx: DescribeContext): Pod[] {
  const nsPods = ctx.cluster.api.list<Pod>('Pod', pvc.metadata?.namespace);
  const pods: Pod[] = [];
  for (const pod of nsPods)
    for (const v of pod.spec?.volumes ?? [])
      if (v.persistentVolumeClaim && v.persistentVolumeClaim.claimName === pvc.metadata?.name) pods.push(pod);
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = nsPods.find((p) => p.metadata.uid === ref.uid);
    if (!owner || pods.some((p) => p.metadata?.uid === owner.metadata.uid)) continue;
    pods.push(owner);
  }
  return pods;
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describePersistentVolumeClaim
export function describePersistentVolumeClaim(pvc: PersistentVolumeClaim, ctx: DescribeContext): string {
  const pods = getPodsForPVC(pvc, ctx);
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(pvc)) : undefined;
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, ctx.now);
    printPodsMultiline(w, 'Used By', pods);
    const conditions = pvc.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions)
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${goTime(c.lastProbeTime)} \t${goTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** time.RFC1123Z of a condition time; a missing one is Go's zero time. */
const goTime = (t: string | undefined) =>
  t ? formatRFC1123Z(parseTime(t)) : 'Mon, 01 Jan 0001 00:00:00 +0000';

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printNodeSelectorTermsMultilineWithIndent
function printNodeSelectorTermsMultilineWithIndent(
  w: PrefixWriter,
  indentLevel: number,
  title: string,
  innerIndent: string,
  reqs: readonly NodeSelectorRequirement[],
): void {
  w.write(indentLevel, `${title}:${innerIndent}`);
  if (reqs.length === 0) {
    w.writeLine('<none>');
    return;
  }
  reqs.forEach((req, i) => {
    if (i !== 0) w.write(indentLevel, innerIndent);
    let expr = `${req.key} ${req.operator.toLowerCase()}`;
    if ((req.values ?? []).length > 0) expr = `${expr} [${req.values!.join(', ')}]`;
    w.write(LEVEL_0, `${expr}\n`);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printVolumeNodeAffinity
function printVolumeNodeAffinity(w: PrefixWriter, pv: PersistentVolume): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  if (required.nodeSelectorTerms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  required.nodeSelectorTerms.forEach((term, i) =>
    printNodeSelectorTermsMultilineWithIndent(w, LEVEL_2, `Term ${i}`, '\t', term.matchExpressions ?? []),
  );
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describePersistentVolume
/** The volume sources a simulated cluster provisions (hostPath, local, nfs, csi); others print `<unknown>`. */
export function describePersistentVolume(pv: PersistentVolume, ctx: DescribeContext): string {
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(pv)) : undefined;
  return tabbedString((w) => {
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, `Name:\t${pv.metadata?.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pv.metadata?.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${getPersistentVolumeClass(pv)}\n`);
    if (pv.metadata?.deletionTimestamp)
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${translateTimestampSince(pv.metadata.deletionTimestamp, ctx.now)})\n`,
      );
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    w.write(LEVEL_0, `Claim:\t${claim}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${getAccessModesAsString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${quantityString(spec.capacity?.storage)}\n`);
    printVolumeNodeAffinity(w, pv);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (spec.hostPath) {
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${spec.hostPath.path}\n    HostPathType:\t${spec.hostPath.type ?? '<none>'}\n`,
      );
    } else if (spec.nfs) {
      w.write(
        LEVEL_2,
        `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server}\n    Path:\t${spec.nfs.path}\n    ReadOnly:\t${spec.nfs.readOnly === true}\n`,
      );
    } else if (spec.local) {
      w.write(
        LEVEL_2,
        `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path}\n`,
      );
    } else if (spec.csi) {
      w.write(
        LEVEL_2,
        `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle}\n    ReadOnly:\t${spec.csi.readOnly === true}\n`,
      );
      printCSIVolumeAttributes(w, spec.csi.volumeAttributes);
    } else {
      w.write(LEVEL_1, '<unknown>\n');
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

const maxAnnotationLen = 140;

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go printCSIPersistentVolumeAttributesMultilineIndent
function printCSIVolumeAttributes(w: PrefixWriter, attributes: Readonly<Record<string, string>> | undefined) {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = Object.keys(attributes ?? {}).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_2, '\t');
    const line = `${key}=${attributes![key]}`;
    w.write(
      LEVEL_2,
      line.length > maxAnnotationLen ? `${line.slice(0, maxAnnotationLen)}...\n` : `${line}\n`,
    );
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeStorageClass
export function describeStorageClass(sc: StorageClass, ctx: DescribeContext): string {
  const events = ctx.showEvents ? searchEvents(ctx.cluster, refOf(sc)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultAnnotation(sc) ? 'Yes' : 'No'}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    const expansion = sc.allowVolumeExpansion;
    w.write(
      LEVEL_0,
      `AllowVolumeExpansion:\t${expansion === undefined ? '<unset>' : expansion ? 'True' : 'False'}\n`,
    );
    if ((sc.mountOptions ?? []).length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of sc.mountOptions!) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy !== undefined) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode !== undefined) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies !== undefined) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (sc.allowedTopologies.length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term, i) => {
          const reqs = term.matchLabelExpressions ?? [];
          w.write(LEVEL_1, `Term ${i}:\t`);
          if (reqs.length === 0) w.writeLine('<none>');
          reqs.forEach((req, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            const expr = req.values.length > 0 ? `${req.key} in [${req.values.join(', ')}]` : `${req.key} in`;
            w.write(LEVEL_0, `${expr}\n`);
          });
        });
      }
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

// Models kubernetes/staging/src/k8s.io/kubectl/pkg/describe/describe.go describeVolumeClaimTemplates
export function describeVolumeClaimTemplates(
  templates: readonly PersistentVolumeClaim[] | undefined,
  w: PrefixWriter,
): void {
  if ((templates ?? []).length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates!) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${getPersistentVolumeClaimClass(pvc)}\n`);
    printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', pvc.metadata?.labels);
    printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', pvc.metadata?.annotations);
    const cap = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${cap !== undefined ? String(cap) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goStringSlice(pvc.spec?.accessModes)}\n`);
  }
}
