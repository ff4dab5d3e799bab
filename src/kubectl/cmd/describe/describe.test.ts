import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type Pod, type Service } from '../../../engine/index.ts';
import { runForTest } from '../get/testing.ts';
import { describeObject } from '../../describe/index.ts';
import { describeCommand } from './describe.ts';

let c: Cluster;
const run = (...argv: string[]) => runForTest(describeCommand, c, argv);

function pod(name: string, image = 'nginx:1.17'): void {
  c.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image }] },
  });
}

beforeEach(() => {
  c = createCluster({ seed: 1, workers: 2, readyAfterSeconds: 5 });
  pod('web-0');
  pod('web-1');
  pod('db-0', 'nginx:9.99');
  c.settle();
  c.advanceBy(30_000);
});

describe('kubectl describe pod', () => {
  it('prints the v1.36 layout: IPs, Conditions with trailing spaces, projected volume, QoS, tolerations, events', () => {
    const p = c.api.get<Pod>('Pod', 'default', 'web-0')!;
    const st = p.status!;
    const cs = st.containerStatuses![0]!;
    const vol = p.spec!.volumes![0]!.name;
    const node = p.spec!.nodeName!;
    const result = run('pod', 'web-0');
    expect(result).toMatchObject({ stderr: '', done: true, exitCode: 0 });
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 13)).toEqual([
      'Name:             web-0',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      `Node:             ${node}/${st.hostIP}`,
      'Start Time:       Mon, 05 Jan 2026 00:00:00 +0000',
      'Labels:           app=web',
      'Annotations:      <none>',
      'Status:           Running',
      `IP:               ${st.podIP}`,
      'IPs:',
      `  IP:  ${st.podIP}`,
      'Containers:',
    ]);
    expect(lines.slice(13, 26)).toEqual([
      '  nginx:',
      `    Container ID:   ${cs.containerID}`,
      '    Image:          nginx:1.17',
      `    Image ID:       ${cs.imageID}`,
      '    Port:           <none>',
      '    Host Port:      <none>',
      '    State:          Running',
      '      Started:      Mon, 05 Jan 2026 00:00:05 +0000',
      '    Ready:          True',
      '    Restart Count:  0',
      '    Environment:    <none>',
      '    Mounts:',
      `      /var/run/secrets/kubernetes.io/serviceaccount from ${vol} (ro)`,
    ]);
    expect(lines.slice(26, 44)).toEqual([
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       True ',
      '  ContainersReady             True ',
      '  PodScheduled                True ',
      'Volumes:',
      `  ${vol}:`,
      '    Type:                    Projected (a volume that contains injected data from multiple sources)',
      '    TokenExpirationSeconds:  3607',
      '    ConfigMapName:           kube-root-ca.crt',
      '    Optional:                false',
      '    DownwardAPI:             true',
      'QoS Class:                   BestEffort',
      'Node-Selectors:              <none>',
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
    ]);
    expect(lines.slice(44, 48)).toEqual([
      'Events:',
      '  Type    Reason     Age   From               Message',
      '  ----    ------     ----  ----               -------',
      `  Normal  Scheduled  30s   default-scheduler  Successfully assigned default/web-0 to ${node}`,
    ]);
    expect(lines.slice(-3)).toEqual([
      '  Normal  Created    25s   kubelet            spec.containers{nginx}: Container created',
      '  Normal  Started    25s   kubelet            spec.containers{nginx}: Container started',
      '',
    ]);
  });

  it('a pod stuck pulling shows Waiting with its reason and Warning events', () => {
    const out = run('pod', 'db-0').stdout;
    expect(out).toContain(
      '    State:          Waiting\n      Reason:       ImagePullBackOff\n    Ready:          False\n',
    );
    expect(out).toMatch(
      /\n {2}Warning {2}Failed {5}\d+s \(x\d+ over \d+s\) {2}kubelet {12}spec\.containers\{nginx\}: Error: ImagePullBackOff\n/,
    );
  });

  it('several objects are separated by two blank lines; a name prefix matches, separated by one', () => {
    const two = run('pods', 'web-0', 'web-1').stdout;
    expect(two).toContain('DownwardAPI:             true\n');
    expect(two.split('\n\n\nName:             web-1\n')).toHaveLength(2);
    const prefixed = run('pods', 'web').stdout;
    expect(prefixed.startsWith('Name:             web-0\n')).toBe(true);
    expect(prefixed.split('\n\nName:             web-1\n')).toHaveLength(2);
    expect(prefixed.endsWith('Container started\n\n')).toBe(true);
  });

  it('not found, nothing found, and no arguments', () => {
    expect(run('pods', 'nope')).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(run('deploy', 'web')).toMatchObject({
      stderr: 'Error from server (NotFound): deployments.apps "web" not found\n',
      exitCode: 1,
    });
    expect(run('deploy')).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(run()).toMatchObject({
      stderr:
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect(run('pods', 'web-0', '--show-events=false').stdout).not.toContain('Events:');
  });
});

describe('kubectl describe node/service/deployment', () => {
  it('node: roles, taints, conditions, capacity, non-terminated pods and allocated resources', () => {
    const out = describeObject(c, 'Node', undefined, 'control-plane')!;
    const lines = out.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Name:               control-plane',
      'Roles:              control-plane',
    ]);
    expect(out).toContain(
      '\nTaints:             node-role.kubernetes.io/control-plane:NoSchedule\nUnschedulable:      false\n',
    );
    expect(out).toContain(
      '\nLease:\n  HolderIdentity:  control-plane\n  AcquireTime:     <unset>\n  RenewTime:       Mon, 05 Jan 2026 00:00:30 +0000\n',
    );
    expect(out).toContain(
      '\nAddresses:\n  InternalIP:  192.168.56.10\n  Hostname:    control-plane\nCapacity:\n  cpu:                2\n',
    );
    expect(out).toMatch(
      /\nNon-terminated Pods: {10}\(\d+ in total\)\n {2}Namespace {19}Name {2,}CPU Requests {2}CPU Limits {2}Memory Requests {2}Memory Limits {2}Age\n/,
    );
    expect(out).toContain(
      '\nAllocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests',
    );
  });

  it('service: ports, target ports and endpoints', () => {
    c.api.create<Service>({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: {
        type: 'NodePort',
        selector: { app: 'web' },
        ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }],
      },
    });
    c.settle();
    const out = run('services/web').stdout;
    expect(out).toMatch(
      /^Name: +web\nNamespace: +default\nLabels: +<none>\nAnnotations: +<none>\nSelector: +app=web\nType: +NodePort\n/,
    );
    expect(out).toMatch(
      /\nPort: +<unset> {2}80\/TCP\nTargetPort: +80\/TCP\nNodePort: +<unset> {2}\d+\/TCP\n/,
    );
  });

  it('deployment: the whole describe of a settled deployment', () => {
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web-deploy' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'w' } },
        template: {
          metadata: { labels: { app: 'w' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.17' }] },
        },
      },
    });
    c.settle();
    c.advanceBy(60_000);
    const rs = c.api.list('ReplicaSet', 'default')[0]!.metadata.name;
    expect(run('deploy', 'web-deploy').stdout).toBe(
      [
        'Name:                   web-deploy',
        'Namespace:              default',
        'CreationTimestamp:      Mon, 05 Jan 2026 00:00:30 +0000',
        'Labels:                 <none>',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=w',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=w',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.17',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        `NewReplicaSet:   ${rs} (2/2 replicas created)`,
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        `  Normal  ScalingReplicaSet  60s   deployment-controller  Scaled up replica set ${rs} from 0 to 2`,
        '',
      ].join('\n'),
    );
  });
});
