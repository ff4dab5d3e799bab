import type { StepText } from '../schema.ts';

export const en: Record<string, StepText> = {
  look: {
    title: 'A ReplicationController and its Service',
    goal: 'You listed the ReplicationControllers; api-rc runs three Ready Pods of node-api:1.0.0.',
    body: `This tutorial goes back to Kubernetes 1.1 (2016), before Deployments existed. The object that kept a
number of Pods running was the **ReplicationController** (RC, short name \`rc\`): a desired count, a label
**selector**, and a Pod template. It still exists in today's API, but nothing rolls it over for you.

\`api-rc.json\` asks for three Pods of a small Node.js API, each labelled \`name=api-pods\`. The Service
\`api-srv\` (\`api-srv.json\`, type \`LoadBalancer\`) sends port 3000 to every Pod with that label. Both are
already created.

Run \`kubectl get rc\`: \`DESIRED\`, \`CURRENT\` and \`READY\` are all 3. \`kubectl get pods -L name\` adds the
label as a column. The Service's \`EXTERNAL-IP\` stays \`<pending>\`: this simulated cluster has no cloud load
balancer, but the Service works inside the cluster all the same.`,
  },
  image: {
    title: 'kubectl rolling-update --image',
    goal: 'api-rc now runs three Ready Pods of node-api:1.0.1, and the temporary RC is gone.',
    body: `An RC never changes its running Pods: edit its template and only Pods created later use it. So kubectl
did the rollover itself, from your terminal. \`kubectl rolling-update api-rc --image=…\`:

1. copies \`api-rc\` into a **new RC** with the new image, named \`api-rc-<hash>\`, and adds a label
   \`deployment=<hash>\` to its selector and template, so old and new Pods can be told apart (the old RC gets
   \`deployment=<its own hash>\` first);
2. scales the new RC **up by one** and the old one **down by one**, again and again: never fewer than 3 Pods
   available, never more than 4 in total (\`keep 3 pods available, don't exceed 4 pods\`);
3. waits for the new Pods to be **available** before each step (it polls every 3 s and waits a minute,
   \`--update-period\`, between steps);
4. deletes the old RC and **renames** the new one back to \`api-rc\` (a copy under the old name, then the
   temporary one is deleted).

kubectl prints a warning first: the command was **deprecated** and removed in kubectl 1.18. The simulator
replays its last version. The whole update takes more than three minutes of cluster time: raise the speed (e.g.
32×) if you do not want to wait. Watch the picture while it runs: the Pods keep the label \`name=api-pods\` the whole
time, so \`api-srv\` always has Pods to send traffic to. Wait for \`rolling updated\` before the next command.`,
  },
  sidecar: {
    title: 'Two containers per Pod',
    goal: 'api-rc is back with two containers per Pod (node-api 1.0.0 and fluentd); three Pods are Ready.',
    body: `A Pod can hold several containers that share its network: here a \`fluentd\` log collector next to the
API, reachable at \`localhost:24224\`. \`api-rc-multi.json\` describes that Pod.

To start from a clean state we delete the RC (its Pods go with it: deletion cascades) and create the
two-container version. In production this would be an outage — for the lesson it is the quickest way to the
next question: how do you update **one** of the two images?`,
  },
  'same-name': {
    title: 'Refused: the same name',
    goal: 'You ran rolling-update with -f; it refused, and api-rc is unchanged.',
    body: `With two containers, \`--image\` alone is refused (\`must specify container to update\`): kubectl
cannot guess which image you mean. The kubectl replayed here has \`--container\` for that; the 1.1 of the original
notes did not. The general way is to hand rolling-update the whole **new RC**, from a file or from standard input
(\`-f -\`). \`api-rc-multi-1.0.1.json\` is \`api-rc\` with \`node-api:1.0.1\`.

It refuses before touching anything: \`- cannot have the same name as the existing ReplicationController api-rc\`
(the \`-\` is the file name: standard input). Old and new RC exist side by side during the update, and two RCs
cannot share a name. With \`--image\` kubectl picked a temporary name itself; with a file, the new RC has the name
you wrote.`,
  },
  selector: {
    title: 'Refused: nothing tells old and new apart',
    goal: 'rolling-update refused api-rc-v2.json too; no api-rc-v2 was created.',
    body: `\`api-rc-v2.json\` has a new name, \`api-rc-v2\`. Now the error is harder to read: \`must specify a matching
key with non-equal value in Selector\`.

Think about what the two RCs would count. Both select \`name=api-pods\`, so each would see the other's Pods as
its own: the old RC would delete new Pods as the new one creates them. kubectl therefore insists that the new
selector has **a key of the old selector with a different value**. The obvious candidate, \`name\`, is also what
\`api-srv\` selects — changing it would cut the Service off from the new Pods.`,
  },
  versioned: {
    title: 'Plan ahead: a version label',
    goal: `api-rc is replaced by api-rc-1453323827, whose three Ready Pods carry version=1453323827.`,
    body: `The way out is to plan for updates when you **create** the RC. \`api-rc-1453323827.json\` adds a second
label, \`version\`, to the selector and the Pod template, and puts the same value — the Unix time when it was
written — into the RC's name.

The Service still selects only \`name=api-pods\`, so it does not care about the version. Replace the RC (the
same short outage as before, once) and list the Pods with \`-L version\`.`,
  },
  'versioned-update': {
    title: 'The versioned update',
    goal: 'One RC is left, running three Ready Pods of node-api:1.0.1 that carry the new version label.',
    body: `Now every update can follow one recipe, as a script would:

1. find the current RC's name with \`kubectl get rc | grep '^api-rc' | cut -d ' ' -f 1\`;
2. take the current Unix time, \`date +'%s'\`, as the new version;
3. feed the new RC to \`kubectl rolling-update … -f -\` through a **heredoc**: the shell expands
   \`\${CURRENT_UNIXTIME}\` inside it, so name, selector and labels all get the new version.

The selectors now differ in \`version\`, the names differ, and the Service keeps selecting both generations
through \`name\`. rolling-update scales the new RC up and the old one down, then deletes the old RC. With
\`maxSurge\` 1 and \`maxUnavailable\` 0 there is always a Pod to answer: \`kubectl describe svc api-srv\` lists
the Endpoints it sends to.

Read the last lines: \`Renaming api-rc-<time> to api-rc-1453323827\`. When you name only the old controller,
kubectl 1.17 (replayed here) **renames the new RC back to the old name**, as it did for \`--image\` — the 1.1 of
the original notes kept the new name. The Pods do carry the new \`version\`, so the recipe keeps working. To keep
the new name, name both controllers: \`kubectl rolling-update OLD NEW -f -\`.

Today a **Deployment** does all of this on the server, without a terminal that must stay open: it creates a
ReplicaSet per template with a \`pod-template-hash\` label — the same idea as \`version\` — and
\`kubectl rollout\` replaces \`rolling-update\`. The Deployment tutorials show it.`,
  },
};
