import type { StepText } from '../schema.ts';

export const en: Record<string, StepText> = {
  look: {
    title: 'The application before the update',
    goal: 'You described the Pods; kubernetes-bootcamp runs 4 Pods of v1.',
    body: `This is the Kubernetes Basics tutorial *Performing a Rolling Update*, with its own commands. The cluster
already holds what the earlier modules built: a **Deployment** \`kubernetes-bootcamp\` running four **Pods** of the
image \`jocatalin/kubernetes-bootcamp:v1\` (a tiny web server on port 8080), and a **Service** of type \`NodePort\`
in front of them.

Users expect an application to stay up, and developers ship several times a day. A **rolling update** replaces the
Pods a few at a time, so the application keeps answering while it changes.

List the Deployments and the Pods, then \`kubectl describe pods\`: look for the \`Image:\` line of each Pod — it is
\`v1\` everywhere.`,
  },
  update: {
    title: 'Update the image to v2',
    goal: 'All 4 Pods run v2 and the old Pods are gone.',
    body: `\`kubectl set image\` changes one container's image in the Deployment's Pod template; the argument is
\`<container>=<image>\`. A changed template starts a **rollout**: a new **ReplicaSet** for v2 grows while the v1
ReplicaSet shrinks.

How fast? Two numbers in \`spec.strategy.rollingUpdate\` decide:
- \`maxSurge\`: how many Pods may exist *above* the desired 4;
- \`maxUnavailable\`: how many of the 4 may be unavailable.

The tutorial text says both default to **1**. That was true for the old \`extensions/v1beta1\` API. A Deployment
created through today's \`apps/v1\` defaults both to **25%**: \`maxSurge\` rounds up, \`maxUnavailable\` rounds down.
For 4 replicas that is again 1 and 1 — at most 5 Pods, at least 3 available — but for 10 replicas it would be 3 and 2.

Run \`kubectl get pods\` while it happens: new Pods appear as \`ContainerCreating\`, old ones as \`Terminating\`.
While the rollout runs, the Service only sends requests to Pods that are **available**.`,
  },
  verify: {
    title: 'Check the new version through the Service',
    goal: 'You called the application through its NodePort while all 4 Pods run v2.',
    body: `Is the application really answering with the new version? Ask it the way a user would: through the Service.

- \`kubectl describe services/kubernetes-bootcamp\` shows its \`NodePort\`: a port opened on **every** node that leads
  to the Service.
- The \`export\` line stores that port in the shell variable \`NODE_PORT\`. \`-o go-template\` prints just the field
  \`.spec.ports[0].nodePort\`, and \`$(…)\` puts a command's output into the line.
- \`curl host01:$NODE_PORT\` sends a request. \`host01\` was the name of the tutorial's machine; here it points to
  \`node1\`.

The answer names the Pod that served it and ends in \`v=2\`. Run \`curl\` a few times: another Pod may answer,
but always one of v2.`,
  },
  status: {
    title: 'Confirm the rollout',
    goal: 'You ran kubectl rollout status and all 4 Pods run v2.',
    body: `\`kubectl rollout status\` waits until the Deployment's rollout is complete — every Pod updated and
available, no old Pod left — and says \`successfully rolled out\`. Scripts use it to wait for a deployment to finish.

\`kubectl describe pods\` once more: every \`Image:\` line now reads \`jocatalin/kubernetes-bootcamp:v2\`.`,
  },
  'bad-update': {
    title: 'Update to v10',
    goal: 'The v10 ReplicaSet wants 2 Pods.',
    body: `Now update to \`v10\`. The command is accepted at once — Kubernetes does not check that an image exists when
you change a Deployment. The kubelet finds out only when it tries to pull the image for a new Pod.

A new ReplicaSet for v10 appears, just as before. Look at \`kubectl get deployments\`, then move on to see where
this leads.`,
  },
  stalled: {
    title: 'The rollout stalls — exactly here',
    goal: 'Stalled: 2 v10 Pods fail to pull their image, 3 v2 Pods stay Ready.',
    body: `Something is wrong: \`kubectl get deployments\` shows \`READY 3/4\`, \`UP-TO-DATE 2\`, \`AVAILABLE 3\`.
\`kubectl get pods\` shows three v2 Pods \`Running\` and two new Pods in \`ErrImagePull\` or \`ImagePullBackOff\`:
the kubelet tried to pull \`v10\`, the registry has no such tag, and it now retries with a growing back-off. The
\`Events\` at the end of \`kubectl describe pods\` say it in plain words.

Why 2 new and 3 old, and why does it stop there? Follow the two limits (for 4 replicas: at most **5** Pods, at least
**3** available):
1. The new ReplicaSet may add 1 Pod (4 + 1 = 5).
2. The old one may drop from 4 to 3: 3 available is still enough.
3. That freed a place, so the new one grows to 2 (3 + 2 = 5).
4. Now another new Pod would make 6 Pods, and removing an old one would leave 2 available. Both are forbidden.

In general the new ReplicaSet stops at \`maxSurge + maxUnavailable\` and the old one at \`replicas − maxUnavailable\`.
The rollout waits forever — but the application keeps serving from the 3 v2 Pods: that is what the limits are for.
After \`progressDeadlineSeconds\` (600 s) the Deployment's \`Progressing\` condition turns \`False\` with reason
\`ProgressDeadlineExceeded\` and \`kubectl rollout status\` gives up with an error. Kubernetes still does not roll
back by itself; that is your call.`,
  },
  undo: {
    title: 'Roll back to v2',
    goal: 'All 4 Pods run v2 again and the v10 Pods are gone.',
    body: `\`kubectl rollout undo\` performs a **rollback**: it puts the previous Pod template — the one with \`v2\` — back
into the Deployment. The v2 ReplicaSet still exists (scaled to 3), so it simply grows back to 4, and the v10
ReplicaSet goes to 0. Its Pods were never available, so removing them costs nothing.

Updates are versioned: each template is a **revision**, and you can go back to any revision still in the
**revision history** (\`kubectl rollout history\`). The rollback itself is recorded as a new revision.

\`kubectl get pods\` shows four \`Running\` Pods, and \`kubectl describe pods\` shows \`v2\` on each: the stable version
is back.`,
  },
};
