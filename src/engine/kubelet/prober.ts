// Models kubernetes/pkg/kubelet/prober/worker.go: one worker per container and probe kind, ticking every
// periodSeconds from the pod's admission; a probe runs only while the container is running and has been up
// for initialDelaySeconds. successThreshold / failureThreshold consecutive results flip the outcome.
import type { Probe } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../clock/clock.ts';
import type { ProbeOutcome } from './container-runtime.ts';

export type ProbeKind = 'readiness' | 'liveness';

export interface ProbeTarget {
  /** Seconds the container has been running, or undefined when it is not running. */
  upSeconds(): number | undefined;
  run(probe: Probe): ProbeOutcome;
  /** Called when the outcome flips (readiness: ready or not; liveness: only failures matter). */
  onResult(kind: ProbeKind, ok: boolean, output: string): void;
}

export class ProbeWorker {
  private timer: number | undefined;
  private successes = 0;
  private failures = 0;
  private result: boolean | undefined;

  constructor(
    private readonly clock: VirtualClock,
    readonly kind: ProbeKind,
    private readonly probe: Probe,
    private readonly target: ProbeTarget,
  ) {}

  start(): void {
    this.tick();
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** A restarted container starts with a clean slate (readiness false, counters reset). */
  reset(): void {
    this.successes = 0;
    this.failures = 0;
    this.result = undefined;
  }

  // Models kubernetes/pkg/kubelet/prober/worker.go worker.doProbe
  private tick(): void {
    const up = this.target.upSeconds();
    const initialDelay = this.probe.initialDelaySeconds ?? 0;
    if (up !== undefined && up >= initialDelay) {
      const r = this.target.run(this.probe);
      if (r.ok) {
        this.successes++;
        this.failures = 0;
        const threshold = this.kind === 'liveness' ? 1 : (this.probe.successThreshold ?? 1);
        if (this.result !== true && this.successes >= threshold) {
          this.result = true;
          this.target.onResult(this.kind, true, '');
        }
      } else {
        this.failures++;
        this.successes = 0;
        this.target.onResult(this.kind, false, r.output); // every failure is an Unhealthy event
        if (this.result !== false && this.failures >= (this.probe.failureThreshold ?? 3)) {
          this.result = false;
          if (this.kind === 'liveness') {
            this.failures = 0;
            this.result = undefined;
            this.target.onResult(this.kind, false, '\u0000threshold');
          } else this.target.onResult(this.kind, false, '\u0000threshold');
        }
      }
    }
    this.timer = this.clock.setTimeout(() => this.tick(), (this.probe.periodSeconds ?? 10) * 1000);
  }
}
