// `kubectl describe rc` as v1.36's ReplicationControllerDescriber prints it.
import { describe, expect, it } from 'vitest';
import { Harness } from '../cmd/testing/harness.ts';

const rc = JSON.stringify({
  kind: 'ReplicationController',
  apiVersion: 'v1',
  metadata: { name: 'api-rc', labels: { name: 'api-rc' }, annotations: { team: 'a' } },
  spec: {
    replicas: 3,
    selector: { name: 'api-pods' },
    template: {
      metadata: { labels: { name: 'api-pods' } },
      spec: {
        containers: [
          {
            name: 'node-api-container',
            image: 'asia.gcr.io/rollout-lab/node-api:1.0.0',
            ports: [{ containerPort: 3000, protocol: 'TCP' }],
          },
          { name: 'fluentd-container', image: 'asia.gcr.io/rollout-lab/fluentd:1.0.0' },
        ],
      },
    },
  },
});

const template = `Pod Template:
  Labels:  name=api-pods
  Containers:
   node-api-container:
    Image:        asia.gcr.io/rollout-lab/node-api:1.0.0
    Port:         3000/TCP
    Host Port:    0/TCP
    Environment:  <none>
    Mounts:       <none>
   fluentd-container:
    Image:         asia.gcr.io/rollout-lab/fluentd:1.0.0
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`;

describe('describe replicationcontroller', () => {
  it('prints name, selector, labels, replicas, pod phases, the template and the events', () => {
    const h = new Harness({ readyAfterSeconds: 5, workers: 2 });
    h.stdin = rc;
    h.run('create -f -');
    h.stdin = undefined;
    h.advance(2_000);
    const out = h.run('describe rc api-rc').stdout;
    const [head, events] = out.split('Events:\n');
    expect(head).toBe(`Name:         api-rc
Namespace:    default
Selector:     name=api-pods
Labels:       name=api-rc
Annotations:  team: a
Replicas:     3 current / 3 desired
Pods Status:  0 Running / 3 Waiting / 0 Succeeded / 0 Failed
${template}`);
    const lines = events!.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      '  Type    Reason            Age   From                    Message',
      '  ----    ------            ----  ----                    -------',
    ]);
    const created =
      /^ {2}Normal {2}SuccessfulCreate {2}2s {4}replication-controller {2}Created pod: api-rc-[a-z0-9]{5}$/;
    expect(lines.slice(2, 5).every((l) => created.test(l))).toBe(true);
    expect(lines.slice(5)).toEqual(['']);
  });

  it('counts only the pods it controls, by phase, and the status replicas as current', () => {
    const h = new Harness({ readyAfterSeconds: 5, workers: 2 });
    h.stdin = rc;
    h.run('create -f -');
    h.stdin = undefined;
    h.advance(60_000);
    h.run('scale rc api-rc --replicas=1');
    h.advance(1_000);
    // Pods with the selector's labels that another controller owns are not counted.
    h.stdin = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'other' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { name: 'api-pods', tier: 'other' } },
        template: {
          metadata: { labels: { name: 'api-pods', tier: 'other' } },
          spec: { containers: [{ name: 'c', image: 'nginx:1.17' }] },
        },
      },
    });
    h.run('create -f -');
    h.advance(1_000);
    expect(h.run('get pods -l name=api-pods -o name').stdout.split('\n')).toHaveLength(6);
    const out = h.run('describe replicationcontrollers api-rc').stdout;
    // The two pods scaled away are still Running while they terminate (30 s grace).
    expect(out.split('Pod Template:')[0]).toContain(
      'Replicas:     1 current / 1 desired\nPods Status:  3 Running / 0 Waiting / 0 Succeeded / 0 Failed\n',
    );
  });
});
