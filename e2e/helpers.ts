// Shared steps for the e2e journeys: open the tutorial in a language, run a step's commands, read the console.
import { expect, type Page } from '@playwright/test';

export type Lang = 'ja' | 'en';

export async function openTutorial(
  page: Page,
  lang: Lang,
  hash = '#/deployment-basics/1',
  nodes = 3,
): Promise<void> {
  // Page-side code is given as strings: e2e/ is compiled without the DOM library.
  // The language is set once per tab, so a later switch in the page survives a reload.
  await page.addInitScript({
    content: `if (!sessionStorage.getItem('e2e-lang-set')) { localStorage.setItem('rollout-lab.lang', '${lang}'); sessionStorage.setItem('e2e-lang-set', '1'); }`,
  });
  await page.goto(hash);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByTestId('cluster-svg').locator('g.node')).toHaveCount(nodes);
}

/** Clicks the Run button of the command row showing exactly `command`. */
export async function run(page: Page, command: string): Promise<void> {
  const row = page.locator('.commands li').filter({ has: page.locator('code', { hasText: command }) });
  await row.getByRole('button').click();
}

export async function consoleText(page: Page): Promise<string> {
  return (await page.getByTestId('console-log').textContent()) ?? '';
}

export async function consoleLines(page: Page): Promise<string[]> {
  return (await consoleText(page)).split('\n');
}

/** How many console lines printed since the last run of `command` match `re`. */
export async function countSince(page: Page, command: string, re: RegExp): Promise<number> {
  const lines = await consoleLines(page);
  const from = lines.lastIndexOf(`$ ${command}`);
  return lines.slice(from + 1).filter((l) => re.test(l)).length;
}

/** Waits until the console contains a line matching `re`. */
export async function expectLine(page: Page, re: RegExp, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await consoleLines(page)).some((l) => re.test(l)), {
      timeout,
      message: `console line ${re}`,
    })
    .toBe(true);
}

export async function expectGoal(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId('goal')).toHaveAttribute('data-reached', 'true', { timeout });
}

export async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Next|次へ/ }).click();
}

export async function setSpeed(page: Page, label: string): Promise<void> {
  await page.locator('.speed select').selectOption({ label });
}

interface PodEl {
  getAttribute(name: string): string | null;
}

/** Pods in the picture (exiting ones excluded), grouped by revision label: { '1': 4 }. */
export async function podsByRevision(
  page: Page,
  opts: { terminating?: boolean } = {},
): Promise<Record<string, number>> {
  const pods = await page
    .locator('[data-testid="cluster-svg"] g.pod')
    .evaluateAll((els: PodEl[]) =>
      els.map((el) => [el.getAttribute('data-revision') ?? '', el.getAttribute('data-terminating')] as const),
    );
  const out: Record<string, number> = {};
  for (const [rev, terminating] of pods) {
    if (opts.terminating === false && terminating === 'true') continue;
    out[rev] = (out[rev] ?? 0) + 1;
  }
  return out;
}

/**
 * Starts sampling the picture every animation frame: the most non-terminating Pods ever drawn, and the fewest
 * Ready non-terminating Pods once three were Ready at the same time.
 */
export async function startGuardrailSampler(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const g = (window.__guard = { maxPods: 0, minReadyAfter3: Infinity, reached3: false, samples: 0, stop: false });
    const tick = () => {
      if (g.stop) return;
      const pods = [...document.querySelectorAll('[data-testid="cluster-svg"] g.pod')].filter(
        (el) => el.getAttribute('data-terminating') !== 'true',
      );
      const ready = pods.filter((el) => el.getAttribute('data-visual') === 'ready').length;
      g.maxPods = Math.max(g.maxPods, pods.length);
      if (ready >= 3) g.reached3 = true;
      if (g.reached3) g.minReadyAfter3 = Math.min(g.minReadyAfter3, ready);
      g.samples++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

export async function stopGuardrailSampler(
  page: Page,
): Promise<{ maxPods: number; minReadyAfter3: number; samples: number }> {
  return page.evaluate<{ maxPods: number; minReadyAfter3: number; samples: number }>(
    `(() => { window.__guard.stop = true; return { maxPods: window.__guard.maxPods, minReadyAfter3: window.__guard.minReadyAfter3, samples: window.__guard.samples }; })()`,
  );
}

/** Every Pod's revision and state, as drawn, after grow-in / fade-out transitions finished (sorted). */
export async function podPicture(page: Page): Promise<string[]> {
  await page.waitForTimeout(900);
  return page
    .locator('[data-testid="cluster-svg"] g.pod')
    .evaluateAll((els: PodEl[]) =>
      els
        .map(
          (el) =>
            `${el.getAttribute('data-revision')}:${el.getAttribute('data-visual')}:${el.getAttribute('data-terminating')}`,
        )
        .sort(),
    );
}

/** Checks that the tutorial shows step `n` (1-based): its title, "Step n of N" and the URL hash. */
export function stepChecker(
  page: Page,
  scenario: string,
  titles: readonly string[],
  stepOf: (n: number) => string,
): (n: number) => Promise<void> {
  const heading = page.getByRole('heading', { level: 1 });
  return async (n) => {
    await expect(heading).toHaveText(titles[n - 1]!);
    await expect(page.getByText(stepOf(n))).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/${scenario}/${n}$`));
  };
}

/** A `kubectl get po -o wide` line of a web-deploy Pod with this READY, STATUS and NODE. */
export const webPodLine = (ready: string, status: string, node: string): RegExp =>
  new RegExp(
    `^web-deploy-[a-z0-9]+-[a-z0-9]{5}\\s+${ready}\\s+${status}\\s+0\\s+\\S+\\s+\\S+\\s+${node}\\s+<none>\\s+<none>$`,
  );

/** Pods drawn on a node, terminating or not. */
export async function podsOnNode(page: Page, node: string, terminating: boolean): Promise<number> {
  return page
    .locator(
      `[data-testid="cluster-svg"] g.pod[data-node="${node}"][data-terminating="${String(terminating)}"]`,
    )
    .count();
}
