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
  /** The learner has run a command line matching this regular expression. */
  | { type: 'commandRun'; pattern: string }
  | { type: 'all'; checks: Check[] };

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
}

export interface Scenario {
  id: string;
  title: Localized;
  summary: Localized;
  /** The cluster the scenario starts from. */
  cluster: ClusterOptions;
  /** Files of the virtual home directory. */
  files: Record<string, string>;
  steps: Step[];
  /** Step texts by language, then by step id. */
  text: Record<Lang, Record<string, StepText>>;
}
