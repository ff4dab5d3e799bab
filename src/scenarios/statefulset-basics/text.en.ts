import type { StepText } from '../schema.ts';

export const en: Record<string, StepText> = {
  create: {
    title: 'One Pod at a time',
    goal: 'The StatefulSet web runs two Ready Pods, web-0 and web-1.',
    body: `A Deployment treats its Pods as interchangeable: random names, created and removed in any order. Some
workloads cannot live like that — a database replica needs to know *which* member it is and to find its own data
again after a restart. For them Kubernetes has the **StatefulSet**.

\`web.yaml\` holds two objects. A **headless Service** \`nginx\` (\`clusterIP: None\`: no virtual IP, only DNS
names for the Pods) and a StatefulSet \`web\` with two replicas of \`nginx-slim\`. Its
\`volumeClaimTemplates\` asks for a 1Gi volume called \`www\` **per Pod**.

Apply it and watch the Pods (\`-w\` keeps printing changes; the next command stops it). With the default
\`podManagementPolicy: OrderedReady\`, the controller creates \`web-0\`, waits until it is Running **and Ready**,
and only then creates \`web-1\`. Notice the names: the set's name and an **ordinal**, 0, 1, …, not a random
suffix.`,
  },
  identity: {
    title: 'Names that stay',
    goal: 'You looked at the Pods, the headless Service nginx and the hostname of web-0.',
    body: `Each Pod of a StatefulSet has a fixed identity made of its ordinal:

- its **name**, \`web-0\`, \`web-1\`;
- its **hostname**, the same as the name, and the Service's name as its **subdomain**
  (\`.spec.hostname\` and \`.spec.subdomain\`), so that in the cluster's DNS \`web-0.nginx\` always reaches
  the Pod with ordinal 0 — whatever node it runs on and whatever IP it gets.

\`kubectl get service nginx\` shows \`CLUSTER-IP\` \`None\`: a headless Service balances nothing; it only publishes
these per-Pod names. (The original tutorial checks them with \`nslookup\` from a test Pod; this simulator does not
run DNS lookups, so we read the fields instead.)`,
  },
  storage: {
    title: 'One claim per Pod',
    goal: 'Both claims, www-web-0 and www-web-1, are Bound.',
    body: `For every Pod the controller created a **PersistentVolumeClaim** from the template, named
\`<template>-<pod>\`: \`www-web-0\`, \`www-web-1\`. The Pod mounts its own claim, never another Pod's.

Who made the disks? The cluster's default **StorageClass** \`standard\` (the local-path provisioner that
kind ships) provisions a **PersistentVolume** \`pvc-<uid>\` on demand. Its \`VOLUMEBINDINGMODE\` is
\`WaitForFirstConsumer\`: a claim stays \`Pending\` until the scheduler has picked a node for the first Pod
that uses it; then a volume is created **on that node** and bound. \`kubectl get pv\` shows each volume and
the claim it belongs to.`,
  },
  recreate: {
    title: 'Delete the Pods: same names, same disks',
    goal: 'After the deletion, web-0 and web-1 are back and Ready.',
    body: `Delete both Pods and watch. The controller recreates them **with the same names**, again in order:
\`web-0\` first, \`web-1\` once \`web-0\` is Ready.

Each new Pod mounts the claim with its ordinal (\`www-web-0\` for \`web-0\`), so whatever the old Pod wrote to
\`/usr/share/nginx/html\` is still there. A local volume lives on one node, so the scheduler must also put the
new Pod on that node (the volume's node affinity): check \`-o wide\` if you like — same node as before.`,
  },
  'scale-up': {
    title: 'Scale up by ordinal',
    goal: 'web runs five Ready Pods, web-0 to web-4, each with a Bound claim.',
    body: `\`kubectl scale sts web --replicas=5\` adds ordinals 2, 3 and 4 — still one at a time, each waiting for
the previous one to be Ready. Each new Pod gets a new claim from the template (\`www-web-2\` …), provisioned
when the Pod is scheduled.

Ordered creation makes scaling slower than a Deployment's, on purpose: a member can count on every member with
a lower ordinal being up.`,
  },
  'scale-down': {
    title: 'Scale down: Pods go, claims stay',
    goal: 'web is back to three Ready Pods; all five claims are still Bound.',
    body: `Scale down with a patch of \`spec.replicas\`. The controller removes the **highest ordinal first**,
\`web-4\`, and waits for it to be gone before it removes \`web-3\`.

Now list the claims: all five are still there and \`Bound\`. By default
(\`persistentVolumeClaimRetentionPolicy: whenScaled: Retain\`) a StatefulSet never deletes data on its own.
Scale up again and \`web-3\` gets \`www-web-3\` back, with whatever it held.`,
  },
  'rolling-update': {
    title: 'A rolling update, highest ordinal first',
    goal: 'All three Pods run nginx-slim:0.7 and the update revision is the current one.',
    body: `Change the image with a JSON patch. With the default \`updateStrategy: RollingUpdate\`, the controller
replaces the Pods **in reverse order**: \`web-2\`, then \`web-1\`, then \`web-0\`, each time deleting the Pod,
recreating it with the new template and waiting until it is Running and Ready.

Behind the scenes every template version is a **ControllerRevision**: \`status.currentRevision\` is the
revision of the oldest Pods, \`status.updateRevision\` the one being rolled out; the Pods carry it in their
\`controller-revision-hash\` label. \`kubectl rollout status sts/web\` waits until they are equal.`,
  },
  canary: {
    title: 'A canary with a partition',
    goal: 'Only web-2 runs nginx-slim:0.8; web-0 and web-1 stay on 0.7.',
    body: `\`rollingUpdate.partition\` sets a boundary: only Pods with an ordinal **greater than or equal to** the
partition are updated. With \`partition: 2\` and a new image, just \`web-2\` changes — a **canary**. The other
Pods keep the old template, and even if you delete \`web-1\` it comes back with the old one.

\`kubectl rollout status\` reports \`partitioned roll out complete: 1 new pods have been updated\`. To finish the
roll-out you would lower the partition step by step (staged roll-out), or set it back to 0.`,
  },
};
