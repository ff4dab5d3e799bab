// Test harness: a cluster, a few files, and a way to run `kubectl ...` lines against them and drive
// long-running commands through virtual time. Used by the kubectl tests only.
import { createCluster, type Cluster, type ClusterOptions } from '../../../engine/index.ts';
import { kubectl } from '../../kubectl.ts';
import type { CommandEnv, Process } from '../../process.ts';

export interface Result {
  stdout: string;
  stderr: string;
  exitCode: number;
  done: boolean;
}

/** Splits a command line into words: whitespace-separated, with '...' and "..." quoting. */
export function words(line: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let quote: string | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      cur ??= '';
    } else if (/\s/.test(ch)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else cur = (cur ?? '') + ch;
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

export class Harness {
  readonly cluster: Cluster;
  readonly files = new Map<string, string>();
  stdin: string | undefined;
  /** The editor `kubectl edit` opens: gets the file's text, returns the saved text (undefined: quit unsaved). */
  editor: ((text: string) => string | undefined) | undefined;
  /** Every text the editor was opened with. */
  readonly edited: string[] = [];

  constructor(options: ClusterOptions = { readyAfterSeconds: 5, terminateAfterSeconds: 3 }) {
    this.cluster = createCluster(options);
  }

  get env(): CommandEnv {
    const editor = this.editor;
    return {
      cluster: this.cluster,
      ...(this.stdin !== undefined ? { stdin: this.stdin } : {}),
      readFile: (p) => this.files.get(p),
      ...(editor
        ? {
            requestEdit: (text: string, done: (edited: string | undefined) => void) => {
              this.edited.push(text);
              done(editor(text));
            },
          }
        : {}),
    };
  }

  /** Runs a command that waits for the driver (an editor), polling it as a console would after each save. */
  runInteractive(line: string, maxPolls = 20): Result {
    const p = this.start(line);
    const acc: Result = { stdout: '', stderr: '', exitCode: 0, done: false };
    for (let i = 0; i < maxPolls && !acc.done; i++) {
      const u = p.poll();
      acc.stdout += u.stdout;
      acc.stderr += u.stderr;
      acc.done = u.done;
      acc.exitCode = u.exitCode;
    }
    return acc;
  }

  /** Starts `kubectl <line>` and returns the process (not yet polled). */
  start(line: string): Process {
    return kubectl(words(line.replace(/^kubectl\s+/, '')), this.env);
  }

  /** Runs `kubectl <line>` once: the output of the first poll. */
  run(line: string): Result {
    return this.start(line).poll();
  }

  /** Runs a command to completion, stepping the cluster's clock between polls. */
  runToEnd(line: string, maxSteps = 10_000): Result {
    const p = this.start(line);
    return this.drive(p, maxSteps);
  }

  drive(p: Process, maxSteps = 10_000): Result {
    const acc: Result = { stdout: '', stderr: '', exitCode: 0, done: false };
    for (let i = 0; i <= maxSteps; i++) {
      const u = p.poll();
      acc.stdout += u.stdout;
      acc.stderr += u.stderr;
      if (u.done) return { ...acc, exitCode: u.exitCode, done: true };
      if (!this.cluster.step()) break;
    }
    return acc;
  }

  /** Lets the cluster run for `ms` of virtual time. */
  advance(ms: number): void {
    this.cluster.advanceBy(ms);
  }
}

export const webDeployYaml = (image = 'nginx:1.17', replicas = 4) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-deploy
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

/** The seed's web.yaml (StatefulSet basics): the headless Service nginx and the StatefulSet web. */
export const webStatefulSetYaml = (replicas = 2, image = 'registry.k8s.io/nginx-slim:0.8') => `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: ${replicas}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

/** The images of the StatefulSet tutorial, registered when the simulated registry does not know them yet. */
export function addNginxSlimImages(h: Harness): void {
  for (const ref of [
    'registry.k8s.io/nginx-slim:0.8',
    'registry.k8s.io/nginx-slim:0.7',
    'gcr.io/google_containers/nginx-slim:0.8',
  ])
    if (!h.cluster.images.lookup(ref))
      h.cluster.images.add(ref, { sizeBytes: 20_000_000, stopSeconds: 1, port: 80 });
}
