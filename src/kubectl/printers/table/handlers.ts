// Which columns each kind's table has, and which function fills its rows.
import type {
  DaemonSet,
  Deployment,
  Endpoints,
  Event,
  KubeObject,
  Namespace,
  Node,
  Pod,
  ReplicaSet,
  Service,
  StatefulSet,
} from '../../../engine/index.ts';
import {
  printDaemonSet,
  printDeployment,
  printEndpoints,
  printEvent,
  printNamespace,
  printNode,
  printObjectMeta,
  printPod,
  printReplicaSet,
  printService,
  printStatefulSet,
} from './printers.ts';
import {
  printConfigMap,
  printControllerRevision,
  printPersistentVolume,
  printPersistentVolumeClaim,
  printPodDisruptionBudget,
  printReplicationController,
  printSecret,
  printServiceAccount,
  printStorageClass,
} from './printers-config.ts';
import { col, type ColumnDefinition, type GenerateOptions, type TableRow } from './types.ts';

export interface TableHandler {
  columns: ColumnDefinition[];
  print(obj: KubeObject, options: GenerateOptions): TableRow[];
}

const nameCol = col('Name', 'string', 0, 'name');
const ageCol = col('Age');
const containersCols = [
  col('Containers', 'string', 1),
  col('Images', 'string', 1),
  col('Selector', 'string', 1),
];

// The row functions take each kind's own type; the handler table holds them behind KubeObject.
const as = <T>(f: (o: T, opts: GenerateOptions) => TableRow[]) => f as unknown as TableHandler['print'];

// Models kubernetes/pkg/printers/internalversion/printers.go AddHandlers
export const tableHandlers: Readonly<Record<string, TableHandler>> = {
  Pod: {
    columns: [
      nameCol,
      col('Ready'),
      col('Status'),
      col('Restarts'),
      ageCol,
      col('IP', 'string', 1),
      col('Node', 'string', 1),
      col('Nominated Node', 'string', 1),
      col('Readiness Gates', 'string', 1),
    ],
    print: as<Pod>(printPod),
  },
  PodDisruptionBudget: {
    columns: [
      nameCol,
      col('Min Available'),
      col('Max Unavailable'),
      col('Allowed Disruptions', 'integer'),
      ageCol,
    ],
    print: as(printPodDisruptionBudget),
  },
  ReplicationController: {
    columns: [
      nameCol,
      col('Desired', 'integer'),
      col('Current', 'integer'),
      col('Ready', 'integer'),
      ageCol,
      ...containersCols,
    ],
    print: as(printReplicationController),
  },
  ReplicaSet: {
    columns: [
      nameCol,
      col('Desired', 'integer'),
      col('Current', 'integer'),
      col('Ready', 'integer'),
      ageCol,
      ...containersCols,
    ],
    print: as<ReplicaSet>(printReplicaSet),
  },
  DaemonSet: {
    columns: [
      nameCol,
      col('Desired', 'integer'),
      col('Current', 'integer'),
      col('Ready', 'integer'),
      col('Up-to-date', 'integer'),
      col('Available', 'integer'),
      col('Node Selector'),
      ageCol,
      ...containersCols,
    ],
    print: as<DaemonSet>(printDaemonSet),
  },
  Service: {
    columns: [
      nameCol,
      col('Type'),
      col('Cluster-IP'),
      col('External-IP'),
      col('Port(s)'),
      ageCol,
      col('Selector', 'string', 1),
    ],
    print: as<Service>(printService),
  },
  StatefulSet: {
    columns: [nameCol, col('Ready'), ageCol, col('Containers', 'string', 1), col('Images', 'string', 1)],
    print: as<StatefulSet>(printStatefulSet),
  },
  Endpoints: { columns: [nameCol, col('Endpoints'), ageCol], print: as<Endpoints>(printEndpoints) },
  Node: {
    columns: [
      nameCol,
      col('Status'),
      col('Roles'),
      ageCol,
      col('Version'),
      col('Internal-IP', 'string', 1),
      col('External-IP', 'string', 1),
      col('OS-Image', 'string', 1),
      col('Kernel-Version', 'string', 1),
      col('Container-Runtime', 'string', 1),
    ],
    print: as<Node>(printNode),
  },
  Event: {
    columns: [
      col('Last Seen'),
      col('Type'),
      col('Reason'),
      col('Object'),
      col('Subobject', 'string', 1),
      col('Source', 'string', 1),
      col('Message'),
      col('First Seen', 'string', 1),
      col('Count', 'string', 1),
      col('Name', 'string', 1, 'name'),
    ],
    print: as<Event>(printEvent),
  },
  Namespace: { columns: [nameCol, col('Status'), ageCol], print: as<Namespace>(printNamespace) },
  Secret: { columns: [nameCol, col('Type'), col('Data'), ageCol], print: as(printSecret) },
  ServiceAccount: { columns: [nameCol, col('Secrets'), ageCol], print: as(printServiceAccount) },
  PersistentVolume: {
    columns: [
      nameCol,
      col('Capacity'),
      col('Access Modes'),
      col('Reclaim Policy'),
      col('Status'),
      col('Claim'),
      col('StorageClass'),
      col('VolumeAttributesClass'),
      col('Reason'),
      ageCol,
      col('VolumeMode', 'string', 1),
    ],
    print: as(printPersistentVolume),
  },
  PersistentVolumeClaim: {
    columns: [
      nameCol,
      col('Status'),
      col('Volume'),
      col('Capacity'),
      col('Access Modes'),
      col('StorageClass'),
      col('VolumeAttributesClass'),
      ageCol,
      col('VolumeMode', 'string', 1),
    ],
    print: as(printPersistentVolumeClaim),
  },
  Deployment: {
    columns: [nameCol, col('Ready'), col('Up-to-date'), col('Available'), ageCol, ...containersCols],
    print: as<Deployment>(printDeployment),
  },
  ConfigMap: { columns: [nameCol, col('Data'), ageCol], print: as(printConfigMap) },
  StorageClass: {
    columns: [
      nameCol,
      col('Provisioner'),
      col('ReclaimPolicy'),
      col('VolumeBindingMode'),
      col('AllowVolumeExpansion'),
      ageCol,
    ],
    print: as(printStorageClass),
  },
  ControllerRevision: {
    columns: [nameCol, col('Controller'), col('Revision'), ageCol],
    print: as(printControllerRevision),
  },
};

/** Columns and row function for a kind; kinds without a printer get NAME and AGE, as upstream's default. */
export function tableHandlerFor(kind: string): TableHandler {
  return tableHandlers[kind] ?? { columns: [nameCol, ageCol], print: printObjectMeta };
}
