// apimachinery's wait.Poll / wait.PollImmediate on the virtual clock: a goroutine (see ../drain/tasks.ts)
// that checks a condition every interval until it holds, fails, or the timeout passes.
import { GoError, type KubectlError } from '../util/helpers.ts';
import { sleep, type Clock, type Routine } from '../drain/tasks.ts';

/** A condition: true when done, false to keep polling, or an error that stops the poll. */
export type ConditionFunc = () => boolean | KubectlError;

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/wait/wait.go ErrWaitTimeout
export const errWaitTimeout = new GoError('timed out waiting for the condition');

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/wait/wait.go WaitFor (with poller)
/**
 * The poller ticks every interval and closes its channel when the timeout passes (0: never); WaitFor checks
 * on every tick and once more at the close. Go's ticker panics on a non-positive interval; we tick every
 * millisecond instead.
 */
function* waitFor(
  clock: Clock,
  intervalMs: number,
  timeoutMs: number,
  condition: ConditionFunc,
): Routine<KubectlError | undefined> {
  const interval = Math.max(1, intervalMs);
  const deadline = timeoutMs > 0 ? clock.now() + timeoutMs : undefined;
  let next = clock.now() + interval;
  for (;;) {
    const at = deadline !== undefined ? Math.min(next, deadline) : next;
    yield sleep(Math.max(0, at - clock.now()));
    const r = condition();
    if (r !== false && r !== true) return r;
    if (r) return undefined;
    if (deadline !== undefined && clock.now() >= deadline) return errWaitTimeout;
    next += interval;
  }
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/wait/wait.go Poll
export function poll(
  clock: Clock,
  intervalMs: number,
  timeoutMs: number,
  condition: ConditionFunc,
): Routine<KubectlError | undefined> {
  return waitFor(clock, intervalMs, timeoutMs, condition);
}

// Models kubernetes/staging/src/k8s.io/apimachinery/pkg/util/wait/wait.go PollImmediate
export function* pollImmediate(
  clock: Clock,
  intervalMs: number,
  timeoutMs: number,
  condition: ConditionFunc,
): Routine<KubectlError | undefined> {
  const r = condition();
  if (r !== false && r !== true) return r;
  if (r) return undefined;
  return yield* waitFor(clock, intervalMs, timeoutMs, condition);
}
