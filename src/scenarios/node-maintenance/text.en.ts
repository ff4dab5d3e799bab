import type { StepText } from '../schema.ts';

export const en: Record<string, StepText> = {
  look: {
    title: 'Two workers, four Pods',
    goal: 'You listed the nodes and the Pods with their nodes; two web-deploy Pods are Ready on each worker.',
    body: `Sooner or later every node needs maintenance: a kernel update, a new kubelet, a disk to replace. In the
self-healing tutorial a node vanished without warning and Kubernetes needed more than five minutes to react. This
time *you* know in advance, so you can move the work off the node first — the orderly way, without losing
capacity on the way.

The Deployment \`web-deploy\` (four \`nginx:1.17\` Pods, from \`web-deploy.yaml\`) is already running. List the
nodes, then the Pods with \`-o wide\` to see the \`NODE\` column: two Pods run on \`node1\`, two on \`node2\`. We
will service \`node1\` first.`,
  },
  cordon: {
    title: 'Cordon node1: no new Pods',
    goal: 'node1 is cordoned (SchedulingDisabled) and its two web-deploy Pods are still Ready.',
    body: `**Cordon** marks a node as closed for new Pods. \`kubectl cordon node1\` sets the Node's
\`spec.unschedulable\` to \`true\`, and the node lifecycle controller adds the **taint**
\`node.kubernetes.io/unschedulable:NoSchedule\` to match.

\`kubectl get nodes\` now shows \`Ready,SchedulingDisabled\`: the node is healthy (\`Ready\`), it is only taken
out of the scheduler's choices (\`SchedulingDisabled\`). In the picture \`node1\` is striped.

Look at the Pods again: the two on \`node1\` are still \`Running\`. Cordon is a message to the **scheduler**, which
only decides where *new* Pods go. The kubelet on \`node1\` keeps running what it has.`,
  },
  'drain-refused': {
    title: 'Drain refuses: DaemonSet Pods',
    goal: 'You ran kubectl drain node1; it refused, and both web-deploy Pods still run on node1.',
    body: `**Drain** empties a node: it cordons it (\`already cordoned\` here), then evicts every Pod on it. Run
\`kubectl drain node1\` and read the error: nothing was evicted, the exit status is \`1\`, and the node stays
cordoned.

\`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)\` names two Pods you never created.
List everything on \`node1\` in all namespaces (\`-A\` with \`--field-selector spec.nodeName=node1\`): besides the
two \`web-deploy\` Pods there are \`kube-proxy\` and \`kube-flannel-ds\`. A **DaemonSet** runs one such Pod on every
node — here the node's Service routing and Pod network. Evicting them would be pointless: the DaemonSet would
put them right back, since its Pods tolerate the \`unschedulable\` taint.

So drain checks every Pod *before* it starts and stops if any one of them needs a decision from you. Other such
cases are Pods with \`emptyDir\` data (\`--delete-emptydir-data\`) and bare Pods without a controller
(\`--force\`) — nothing would recreate those.`,
  },
  drain: {
    title: 'Drain node1 with --ignore-daemonsets',
    goal: 'No web-deploy Pod is left on node1 (still cordoned); four Ready Pods run on node2.',
    body: `Tell drain to leave the DaemonSet Pods alone. It prints a \`Warning:\` listing them, then
\`evicting pod default/web-deploy-…\` for each Pod of ours.

**Eviction** is not a plain delete. drain asks the API server through the Pod's \`eviction\` subresource, which
first checks the **PodDisruptionBudgets** covering the Pod (none yet). Once allowed, the Pod is deleted with its
normal grace period, and drain waits until it is gone before it prints \`pod/… evicted\`, then
\`node/node1 drained\`. (Wait for that line before you run the next command: a new command interrupts the one
still running.)

Pods never move: the ReplicaSet sees two Pods missing and creates two new ones — new names, new IPs. The scheduler
cannot use the cordoned \`node1\` nor the control plane, so both land on \`node2\`. Notice that drain evicted both
Pods at once: for a few seconds only two of the four were serving. Keep that in mind.`,
  },
  uncordon: {
    title: 'Maintenance done: uncordon node1',
    goal: 'node1 takes Pods again, but all four web-deploy Pods stay on node2.',
    body: `Imagine the maintenance is done. \`kubectl uncordon node1\` sets \`spec.unschedulable\` back to \`false\`,
the taint goes away, and \`kubectl get nodes\` says plain \`Ready\`.

Now look at the Pods: all four are still on \`node2\`, and \`node1\` stays empty. That is not a bug. The scheduler
only places Pods that have no node yet; once a Pod is bound to a node, it stays there until it ends. Kubernetes
never moves running Pods to even out the nodes — \`node1\` will get Pods again only when new ones are created (the
add-on *descheduler* exists to evict Pods for rebalancing). We will rebalance ourselves at the end.`,
  },
  pdb: {
    title: 'A PodDisruptionBudget: keep 3 available',
    goal: 'web-pdb exists and allows 1 disruption (4 healthy Pods, 3 required).',
    body: `Draining \`node1\` took two of our four Pods away at the same moment. A **PodDisruptionBudget** (PDB) sets
a limit for such voluntary disruptions. \`web-pdb.yaml\` says: of the Pods labelled \`app=web\`, at least
\`minAvailable: 3\` must stay available.

Apply it and run \`kubectl get pdb\`. The disruption controller does the arithmetic:

- 4 Pods match the selector, and 4 are healthy (Ready, not being deleted);
- 3 must stay healthy (\`MIN AVAILABLE\`);
- so \`ALLOWED DISRUPTIONS\` is 4 − 3 = **1**.

\`MAX UNAVAILABLE\` shows \`N/A\` because a PDB sets either \`minAvailable\` or \`maxUnavailable\`, not both.

A PDB only limits evictions — what \`kubectl drain\`, or a cluster autoscaler removing a node, request through the
Eviction API. It does not stop \`kubectl delete pod\`, a node that fails (the self-healing tutorial), or a
Deployment's rollout, which follows its own \`maxUnavailable\`.`,
  },
  'drain-pdb': {
    title: 'Drain node2 under the budget',
    goal: 'node2 is drained (cordoned, no web-deploy Pod left) and four Ready Pods run on node1.',
    body: `Now service \`node2\`, where all four Pods run. Run the drain and let the clock play — and leave the
console alone until it prints \`node/node2 drained\`: a new command would interrupt it, like Ctrl-C. (If that
happens, run the drain again; it carries on with the Pods still there.)

drain asks for all four evictions at once. The API server grants the first one — the budget goes from 1 to 0 —
and refuses the other three with HTTP 429 Too Many Requests: \`Cannot evict pod as it would violate the pod's
disruption budget.\` That is not a failure. drain prints \`error when evicting pods/… (will retry after 5s)\` and
asks again five seconds later.

Meanwhile the ReplicaSet starts a replacement on \`node1\`. Once it is Ready, 4 Pods are healthy again, one
disruption is allowed, and the next retry gets through. So the Pods leave **one at a time**, about every 5 s, and
never fewer than 3 serve. Watch \`node1\` fill up in the picture.

A budget that can never be met (say \`minAvailable: 4\` with 4 replicas) makes drain retry forever; \`--timeout\`
sets a limit.`,
  },
  rebalance: {
    title: 'Uncordon node2 and rebalance',
    goal: 'Both nodes take Pods, and web-deploy runs 2 Ready Pods on each after the restart.',
    body: `\`kubectl get pdb\` is back to 1 allowed disruption: the four new Pods on \`node1\` are all healthy.
Uncordon \`node2\` — the maintenance is over.

All four Pods now share a single node, so losing \`node1\` would take them all. To spread them again, create
new Pods: \`kubectl rollout restart\` starts a **rolling update** that replaces every Pod, and the scheduler now
prefers the emptier \`node2\` for the new ones. \`kubectl rollout status\` follows it; \`kubectl get po -o wide\`
ends with two Pods per node. (Uncordon first: while \`node2\` is cordoned, every new Pod would land on
\`node1\` again.)

The rollout does not go through the Eviction API, so \`web-pdb\` does not pace it. The Deployment paces itself:
\`maxUnavailable\` (25% of 4 = 1) and \`maxSurge\` (1) keep at least three Pods available throughout. In short: a
PDB guards against *voluntary disruptions from outside*; \`maxUnavailable\` guards the Deployment's own
**rollouts**.`,
  },
};
