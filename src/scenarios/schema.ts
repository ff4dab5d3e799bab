// Tutorials as data (product.md): what a scenario is made of. Narration is Markdown in both languages;
// checks are data evaluated against cluster state (checks.ts), never code in the scenario.
import type { ClusterOptions } from '../engine/index.ts';

export type Lang = 'ja' | 'en';
export type Localized = Record<Lang, string>;

export type Check =
  /**
   * A Deployment has finished rolling out (what `kubectl rollout status` waits for), optionally with a given
   * replica count and image; `settled` also waits until none of its Pods is still terminating.
   */
  | {
      type: 'deploymentComplete';
      name: string;
      namespace?: string;
      replicas?: number;
      image?: string;
      settled?: boolean;
    }
  /**
   * A Deployment's status counts equal these (each one optional), once the controller has observed its latest
   * spec — e.g. `readyReplicas: 2` while two of four Pods sit on a NotReady node.
   */
  | {
      type: 'deploymentStatus';
      name: string;
      namespace?: string;
      replicas?: number;
      updatedReplicas?: number;
      readyReplicas?: number;
      availableReplicas?: number;
    }
  /**
   * A ReplicaSet owned by the Deployment, found by its Pod template's image, has this desired size (`spec.replicas`)
   * and this many Ready Pods — e.g. a stalled rollout's new and old ReplicaSets.
   */
  | {
      type: 'replicaSet';
      deployment: string;
      namespace?: string;
      image: string;
      replicas?: number;
      readyReplicas?: number;
    }
  /**
   * Exactly `count` Pods match the label selector and every given filter: the node they are bound to, whether they
   * are being deleted (`Terminating`), whether their Ready condition is True, whether a container waits with one
   * of the given reasons (`ErrImagePull`).
   */
  | {
      type: 'pods';
      namespace?: string;
      selector: string;
      count: number;
      node?: string;
      terminating?: boolean;
      ready?: boolean;
      waiting?: string[];
    }
  /** A Node is Ready (`kubectl get nodes` says `Ready`) or not (`NotReady`: its Ready condition is False or Unknown). */
  | { type: 'nodeReady'; name: string; ready: boolean }
  /**
   * A Node takes new Pods (`schedulable: true`) or is cordoned (`false`: `spec.unschedulable`, what `kubectl get
   * nodes` shows as `SchedulingDisabled`). An unknown node is never matched.
   */
  | { type: 'nodeSchedulable'; name: string; schedulable: boolean }
  /**
   * A PodDisruptionBudget's status (each count optional), once the disruption controller has observed its latest
   * spec: `disruptionsAllowed` is the ALLOWED DISRUPTIONS column, `currentHealthy` / `desiredHealthy` /
   * `expectedPods` what `kubectl describe pdb` calls Current / Desired / Total.
   */
  | {
      type: 'pdb';
      name: string;
      namespace?: string;
      disruptionsAllowed?: number;
      currentHealthy?: number;
      desiredHealthy?: number;
      expectedPods?: number;
    }
  /**
   * Exactly `count` (default 1) ReplicationControllers whose name matches `name` (a regular expression matched
   * in full, e.g. `api-rc-\\d+`) and every given filter: an image one of its template's containers runs, its
   * desired size (`spec.replicas`), its Ready Pods (`status.readyReplicas`, once the controller has observed
   * its latest spec), the number of containers in its Pod template. `count: 0`: none is left.
   */
  | {
      type: 'replicationController';
      name: string;
      namespace?: string;
      image?: string;
      replicas?: number;
      readyReplicas?: number;
      containers?: number;
      count?: number;
    }
  /**
   * A StatefulSet's status counts equal these (each one optional), once the controller has observed its latest
   * spec; `image`: its Pod template runs this image; `revisionsMatch`: every Pod is on the update revision
   * (`currentRevision` = `updateRevision`, what `rollout status` waits for without a partition).
   */
  | {
      type: 'statefulSet';
      name: string;
      namespace?: string;
      replicas?: number;
      readyReplicas?: number;
      updatedReplicas?: number;
      image?: string;
      revisionsMatch?: boolean;
    }
  /**
   * Exactly `count` PersistentVolumeClaims match the label selector (and the phase, when given: `Pending`,
   * `Bound`, `Lost`).
   */
  | { type: 'claims'; namespace?: string; selector: string; count: number; phase?: string }
  /** The Pod named `name` exists, is not being deleted, and its first container runs `image`. */
  | { type: 'podImage'; namespace?: string; name: string; image: string; ready?: boolean }
  /** The learner has run a command line matching this regular expression. */
  | { type: 'commandRun'; pattern: string }
  | { type: 'all'; checks: Check[] };

/**
 * What happens before step 1, out of sight: the cluster the tutorial assumes (a running Deployment and Service).
 * Runs after the cluster is created and again after every restart.
 */
export interface ScenarioSetup {
  /** Command lines run through the shell as the learner's would be; they do not count for `commandRun`. */
  commands?: string[];
  /** Host names `curl` resolves to a node (`cluster.hostAliases`), e.g. the tutorial's `host01`. */
  hostAliases?: Record<string, string>;
  /** Virtual time passes until this holds (e.g. every Pod Ready), so step 1 starts from a settled cluster. */
  until?: Check;
}

export interface StepText {
  title: string;
  /** Markdown. Keep API field names and kubectl words in code font. */
  body: string;
  /** What the check looks for, shown next to the check mark. */
  goal: string;
}

export interface Step {
  id: string;
  /** Command lines, each with its own Run button, in the order to run them. */
  commands: string[];
  check: Check;
  /**
   * The commands only look at an outcome that time brings (an eviction 300 s later): a replay (`runStep`) lets
   * time pass until the check holds, then runs them. The check must not wait for the commands themselves.
   */
  observe?: boolean;
}

export interface Scenario {
  id: string;
  title: Localized;
  summary: Localized;
  /** The cluster the scenario starts from. */
  cluster: ClusterOptions;
  /** Files of the virtual home directory. */
  files: Record<string, string>;
  /** Optional: how the cluster gets to the state step 1 starts from. */
  setup?: ScenarioSetup;
  steps: Step[];
  /** Step texts by language, then by step id. */
  text: Record<Lang, Record<string, StepText>>;
}
