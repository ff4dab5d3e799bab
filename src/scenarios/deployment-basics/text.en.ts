import type { StepText } from '../schema.ts';

export const en: Record<string, StepText> = {
  nodes: {
    title: 'Meet the cluster',
    goal: 'You listed the nodes.',
    body: `This practice cluster has three **nodes**. The **control plane** (\`control-plane\`) runs Kubernetes itself;
the two **worker nodes**, \`node1\` and \`node2\`, run your applications.

The control-plane node carries a **taint**, \`node-role.kubernetes.io/control-plane:NoSchedule\` — the purple tag
on its box. It keeps ordinary Pods away, so everything you create in this tutorial lands on the workers.

Ask the API server for the nodes. Each one should report \`Ready\`.`,
  },
  create: {
    title: 'Create the Deployment',
    goal: 'web-deploy has 4 Pods Ready.',
    body: `A **Deployment** describes *what* should run and *how many*. It does not start Pods itself: it creates a
**ReplicaSet** for its Pod template, and the ReplicaSet keeps the requested number of **Pods** running.

Read the manifest first. It asks for \`replicas: 4\` Pods running the image \`nginx:1.17\`, and it finds its Pods
by the label \`app: web\`.

Then apply it and watch the picture:
- a ReplicaSet card marked **r1** (revision 1) appears next to the Deployment;
- four Pods appear inside the worker nodes. A dotted outline with an hourglass means \`ContainerCreating\`
  (the image is being pulled); a filled square with a check mark means the Pod is **Ready**.`,
  },
  inspect: {
    title: 'Look at Pods and the Deployment',
    goal: 'You listed Pods and Deployments while all 4 Pods are Ready.',
    body: `\`kubectl get\` accepts several resource types separated by commas. List the Pods and the Deployment together.

- The Pod names are built from the Deployment name, a hash of the Pod template (the ReplicaSet's suffix) and a
  random suffix: \`web-deploy-<hash>-<random>\`.
- For the Deployment, \`READY 4/4\` counts Ready Pods, \`UP-TO-DATE\` counts Pods that already run the current
  template, and \`AVAILABLE\` counts Pods that are ready for at least \`minReadySeconds\` (0 here).

Click a Pod or the ReplicaSet card in the picture to see \`kubectl describe\` for it.`,
  },
  scale: {
    title: 'Scale in to 2 replicas',
    goal: 'web-deploy runs exactly 2 Pods, none still terminating.',
    body: `Changing the replica count is **scaling**: more replicas is *scaling out*, fewer is *scaling in*.
\`kubectl scale\` changes \`spec.replicas\` of the Deployment, which answers \`deployment.apps/web-deploy scaled\`.

The Pod template did not change, so no new ReplicaSet appears. The Deployment lowers the desired count of the
existing ReplicaSet to 2, and the ReplicaSet deletes two Pods. They show as \`Terminating\` (hatched and faded in
the picture) until nginx has shut down, then they disappear.`,
  },
  rollout: {
    title: 'Rolling update to nginx 1.18',
    goal: 'All 4 Pods run nginx:1.18 and the old Pods are gone.',
    body: `\`web-deploy-1.18.yaml\` is the same manifest with \`image: nginx:1.18\` and \`replicas: 4\`. A changed Pod
template starts a **rollout**: the Deployment creates a new ReplicaSet (**r2**) and moves Pods over a few at a time —
a **rolling update**. Because the file also says 4 replicas, the old ReplicaSet is first scaled back up to 4.

Two numbers bound the rolling update (both default to 25%):
- \`maxSurge\`: how many Pods may exist *above* the desired count. 25% of 4, rounded up, is 1 → **at most 5 Pods**.
- \`maxUnavailable\`: how many Pods may be unavailable. 25% of 4, rounded down, is 1 → **at least 3 available**.

Watch the two ReplicaSet cards trade Pods while these limits hold. Slow the speed down, or use *Step* to go event by
event. \`kubectl describe\` lists each decision as a \`ScalingReplicaSet\` event.`,
  },
  undo: {
    title: 'Roll back',
    goal: 'All 4 Pods run nginx:1.17 again and the old Pods are gone.',
    body: `Suppose 1.18 turns out to be broken. \`kubectl rollout undo\` performs a **rollback**: it puts the previous Pod
template back into the Deployment. That template already has a ReplicaSet, so no new one is created — the old
ReplicaSet (same colour as before) scales up again while r2 scales down, under the same \`maxSurge\` and
\`maxUnavailable\` limits.

Notice the label: the old ReplicaSet's **revision** is now 3, not 1. A rollback is recorded as a new revision.`,
  },
  history: {
    title: 'Revision history',
    goal: 'You looked at the revision history.',
    body: `\`kubectl rollout history\` lists the revisions the Deployment still knows. Revision 1 is gone from the list: its
template came back as revision 3. \`CHANGE-CAUSE\` is \`<none>\` because nobody set the
\`kubernetes.io/change-cause\` annotation.

Each revision is an old ReplicaSet scaled to 0 and kept for rollbacks; \`kubectl get rs\` shows them.
\`spec.revisionHistoryLimit\` (default 10) caps how many are kept.

That is the whole life cycle: create, scale, roll out, roll back.`,
  },
};
