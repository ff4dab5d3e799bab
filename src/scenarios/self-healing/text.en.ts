import type { StepText } from '../schema.ts';

export const en: Record<string, StepText> = {
  look: {
    title: 'Where do the Pods run?',
    goal: 'You listed the nodes and the Pods with their nodes; two web-deploy Pods are Ready on node2.',
    body: `**Self-healing** means the cluster puts things back the way you asked for them without your help. The
Deployment \`web-deploy\` (four \`nginx:1.17\` Pods, from \`web-deploy.yaml\`) is already running. Let's break a
node under it and watch what Kubernetes does — and what it does *not* do.

First look at the nodes, then the Pods with \`-o wide\`, which adds the \`IP\` and \`NODE\` columns. The scheduler
spread the four Pods over the two **worker nodes**: two on \`node1\`, two on \`node2\`.`,
  },
  'power-off': {
    title: 'Power off node2',
    goal: 'node2 is NotReady.',
    body: `Now cut the power of \`node2\`. \`sim node stop node2\` is the simulator's stand-in for pulling the plug (the
original notes ran \`vagrant halt node2\`): the node's kubelet stops, its containers stop, and it stops talking to
the **control plane**.

Run \`kubectl get nodes\` right away: \`node2\` is still \`Ready\`. Nobody has told the API server anything — the
control plane only notices that the messages have *stopped*:

- a healthy kubelet renews its **Lease** about every 10 s;
- the node lifecycle controller in \`kube-controller-manager\` looks every 5 s (\`--node-monitor-period\`);
- when a node has been silent for longer than \`--node-monitor-grace-period\` — **50 s since v1.32** (40 s before,
  which is what the original notes' v1.14 cluster used) — it sets the node's \`Ready\` condition to \`Unknown\`.
  \`kubectl get nodes\` then shows \`NotReady\`.

Let the clock run (raise the speed if you like) until the check lights up, then run \`kubectl get nodes\` again.`,
  },
  'not-ready': {
    title: 'NotReady: fenced off, but not replaced',
    goal: 'node2 is NotReady, its two Pods are no longer Ready, and web-deploy counts 2 ready Pods.',
    body: `At the moment \`node2\` became \`NotReady\`, the node lifecycle controller did three things:

1. It added two **taints** to the node: \`node.kubernetes.io/unreachable:NoSchedule\` (no new Pods go there) and
   \`node.kubernetes.io/unreachable:NoExecute\` (Pods that do not tolerate it must leave). \`kubectl describe node
   node2\` shows them, and the conditions now say \`Unknown\` — \`Kubelet stopped posting node status.\`
2. It set the \`Ready\` condition of every Pod on \`node2\` to \`False\`. Services stop sending traffic to them, and the
   Deployment shows \`READY 2/4\`, \`AVAILABLE 2\`.
3. Nothing else. Look at \`kubectl get po -o wide\`: the two Pods on \`node2\` still say \`1/1 Running\`. That column
   comes from the containers' last reported state, and the only one who could update it — node2's kubelet — is off.

Why no replacements yet? The ReplicaSet counts Pods that exist and are not being deleted, Ready or not, and these two
still exist. From the control plane's side, a silent node might be dead, or only cut off from the network with its
Pods still serving. So Kubernetes waits before it gives up on them.`,
  },
  evicted: {
    title: 'Five minutes later: eviction and replacements',
    goal: 'The two Pods on node2 are Terminating and four Ready Pods run on node1.',
    body: `How long is "waiting"? Every Pod carries two **tolerations** it never asked for:
\`node.kubernetes.io/not-ready:NoExecute\` and \`node.kubernetes.io/unreachable:NoExecute\`, each \`for 300s\`. The
\`DefaultTolerationSeconds\` admission plugin adds them when a Pod is created (\`kubectl describe pod\` lists them
under \`Tolerations\`). A toleration with \`tolerationSeconds\` means "I may stay on a node with this taint for this
long".

So **300 s after the taint appeared** — about six minutes after the power went off — the taint eviction
controller deletes the two Pods (**eviction**): the \`TaintManagerEviction\` events say \`Marking for deletion Pod
…\`. Now the ReplicaSet stops counting them and creates two new Pods at once. The scheduler cannot use \`node2\` (the
\`NoSchedule\` taint) nor the control plane (its own taint), so both land on \`node1\`.

Let the clock run about five more minutes (32× makes it short), then look again: the old Pods show
\`Terminating\`, the new ones \`Running\` on \`node1\`, and the Deployment is back to \`4/4\`.

The original notes expected the status \`Unknown\` here and saw \`Terminating\`. \`Unknown\` belongs to old clusters
(before about v1.13), where the node controller itself deleted Pods of a lost node and marked them \`NodeLost\`.
Since taint-based eviction, a deleted Pod shows \`Terminating\`.`,
  },
  'power-on': {
    title: 'Why they stay Terminating — power node2 back on',
    goal: 'node2 is Ready, no web-deploy Pod is left on it, and web-deploy is 4/4.',
    body: `The two old Pods can stay \`Terminating\` forever. Deleting a Pod has two halves: the API server marks it with a
\`deletionTimestamp\` (that is what \`Terminating\` means), then **the kubelet of its node** stops the containers and
removes the object for good. node2's kubelet is off, so nobody can confirm that the containers are really gone —
and Kubernetes will not pretend they are, because two copies of a Pod running at once can be worse than none.
(An administrator who *knows* the node is dead can say so: delete the Node object, force-delete the Pods, or add the
\`node.kubernetes.io/out-of-service\` taint.)

Power \`node2\` on with \`sim node start node2\` (the notes used \`vagrant up node2\`). Its kubelet reports \`Ready\`
again, the controller removes the taints, and the kubelet finishes the deletions it finds: the \`Terminating\` Pods
vanish.

One more thing to notice: all four Pods stay on \`node1\`. Self-healing restores the **count**; it does not move
Pods back to balance the nodes. Only new Pods — for example from the next **rollout** — will use \`node2\` again.`,
  },
};
