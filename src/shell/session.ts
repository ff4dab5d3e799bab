// A learner's session: the current cluster (which `sim cluster create` replaces), the virtual home directory
// and shell variables. The browser console, tutorial steps and the transcript CLI each hold one.
import { createCluster, type Cluster, type ClusterOptions } from '../engine/index.ts';
import type { EditRequest } from '../kubectl/process.ts';

export type SessionListener = (cluster: Cluster) => void;

export class Session {
  cluster: Cluster;
  /** Files of the virtual home directory, by path relative to it (`web-deploy.yaml`). */
  readonly files = new Map<string, string>();
  /** Shell variables (`export NODE_PORT=...`). */
  readonly vars = new Map<string, string>();
  /** The console's YAML editor for `kubectl edit` (set by the browser app; absent in the CLI). */
  editor?: EditRequest;
  private readonly listeners = new Set<SessionListener>();

  constructor(options: ClusterOptions = {}) {
    this.cluster = createCluster(options);
  }

  /** Replaces the cluster with a fresh one (`sim cluster create`); listeners rebind to it. */
  replaceCluster(options: ClusterOptions): Cluster {
    this.cluster = createCluster({ seed: this.cluster.options.seed, ...options });
    for (const l of this.listeners) l(this.cluster);
    return this.cluster;
  }

  onClusterChange(l: SessionListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
