// The self-healing tutorial (the node-failure part of seed 000), clicked through in the built site in both
// languages: node2 powered off by its console command, NotReady after the grace period, its Pods `1/1 Running` but
// not Ready, evicted 300 s later and replaced on node1, stuck Terminating until node2 is powered on again.
import { expect, test } from '@playwright/test';
import {
  countSince,
  expectGoal,
  expectLine,
  type Lang,
  next,
  openTutorial,
  podsOnNode,
  run,
  setSpeed,
  stepChecker,
  webPodLine,
} from './helpers.ts';

const TITLES: Record<Lang, string[]> = {
  en: [
    'Where do the Pods run?',
    'Power off node2',
    'NotReady: fenced off, but not replaced',
    'Five minutes later: eviction and replacements',
    'Why they stay Terminating — power node2 back on',
  ],
  ja: [
    'Pod はどこで動いている？',
    'node2 の電源を切る',
    'NotReady：切り離されたが、まだ置き換えられない',
    '5 分後：退避と代わりの Pod',
    'なぜ Terminating のままなのか ― node2 の電源を入れる',
  ],
};
const STEP_OF: Record<Lang, (n: number) => string> = {
  en: (n) => `Step ${n} of 5`,
  ja: (n) => `ステップ ${n} / 5`,
};
const PAUSE = /^(Pause|一時停止)$/;
const PLAY = /^(Play|再生)$/;

const webPod = webPodLine;
const podsOn = podsOnNode;

for (const lang of ['en', 'ja'] as const) {
  test(`plays the self-healing tutorial end to end (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTutorial(page, lang, '#/self-healing/1');
    await setSpeed(page, '8×');

    const expectStep = stepChecker(page, 'self-healing', TITLES[lang], STEP_OF[lang]);

    // 1. web-deploy is already running, two Pods per worker.
    await expectStep(1);
    await run(page, 'kubectl get nodes');
    await expectLine(page, /^node2\s+Ready\s+<none>\s+\S+\s+v1\.36\.\d+$/);
    await run(page, 'kubectl get po -o wide');
    await expectLine(
      page,
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/,
    );
    await expect
      .poll(() => countSince(page, 'kubectl get po -o wide', webPod('1/1', 'Running', 'node1')))
      .toBe(2);
    await expect
      .poll(() => countSince(page, 'kubectl get po -o wide', webPod('1/1', 'Running', 'node2')))
      .toBe(2);
    await expect.poll(() => podsOn(page, 'node2', false)).toBe(2);
    await expectGoal(page);
    await next(page);

    // 2. Power off node2: still Ready at first, NotReady once the grace period has passed.
    await expectStep(2);
    await run(page, 'sim node stop node2');
    await expectLine(page, /^node\/node2 powered off$/);
    await run(page, 'kubectl get nodes');
    await expect.poll(() => countSince(page, 'kubectl get nodes', /^node2\s+Ready\s+<none>\s/)).toBe(1);
    await setSpeed(page, '32×');
    await expectGoal(page, 30_000);
    // Hold the clock while looking around, so the 300 s toleration does not run out in the middle.
    await page.getByRole('button', { name: PAUSE }).click();
    await next(page);

    // 3. NotReady: the Pods on node2 still say 1/1 Running, but only 2 of 4 are Ready.
    await expectStep(3);
    await run(page, 'kubectl get nodes');
    await expect.poll(() => countSince(page, 'kubectl get nodes', /^node2\s+NotReady\s+<none>\s/)).toBe(1);
    await run(page, 'kubectl get po -o wide');
    await expect
      .poll(() => countSince(page, 'kubectl get po -o wide', webPod('1/1', 'Running', 'node2')))
      .toBe(2);
    await run(page, 'kubectl get deploy web-deploy');
    await expectLine(page, /^web-deploy\s+2\/4\s+4\s+2\s+\S+$/);
    await run(page, 'kubectl describe node node2');
    await expectLine(page, /^Taints:\s+node\.kubernetes\.io\/unreachable:NoExecute$/);
    await expectLine(page, /^\s+node\.kubernetes\.io\/unreachable:NoSchedule$/);
    await expectLine(page, /^\s+Ready\s+Unknown\s.*Kubelet stopped posting node status\.$/);
    await expectGoal(page);
    await next(page);

    // 4. 300 s later: evicted, replaced on node1, the old ones Terminating.
    await expectStep(4);
    await page.getByRole('button', { name: PLAY }).click();
    await expectGoal(page, 60_000);
    await run(page, 'kubectl get po -o wide');
    await expect
      .poll(() => countSince(page, 'kubectl get po -o wide', webPod('1/1', 'Terminating', 'node2')))
      .toBe(2);
    await expect
      .poll(() => countSince(page, 'kubectl get po -o wide', webPod('1/1', 'Running', 'node1')))
      .toBe(4);
    await run(page, 'kubectl get events --field-selector reason=TaintManagerEviction');
    await expect
      .poll(() =>
        countSince(
          page,
          'kubectl get events --field-selector reason=TaintManagerEviction',
          /^\S+\s+Normal\s+TaintManagerEviction\s+pod\/web-deploy-\S+\s+Marking for deletion Pod default\/web-deploy-\S+$/,
        ),
      )
      .toBe(2);
    await run(page, 'kubectl get deploy web-deploy');
    await expectLine(page, /^web-deploy\s+4\/4\s+4\s+4\s+\S+$/);
    await expect.poll(() => podsOn(page, 'node2', true)).toBe(2);
    await expect.poll(() => podsOn(page, 'node1', false)).toBe(4);
    await next(page);

    // 5. Power node2 on: the Terminating Pods vanish; all four stay on node1.
    await expectStep(5);
    await run(page, 'sim node start node2');
    await expectLine(page, /^node\/node2 powered on$/);
    await expectGoal(page, 30_000);
    await run(page, 'kubectl get nodes');
    await expect.poll(() => countSince(page, 'kubectl get nodes', /^node2\s+Ready\s+<none>\s/)).toBe(1);
    await run(page, 'kubectl get po -o wide');
    await expect
      .poll(() => countSince(page, 'kubectl get po -o wide', webPod('1/1', 'Running', 'node1')))
      .toBe(4);
    expect(await countSince(page, 'kubectl get po -o wide', /node2|Terminating/)).toBe(0);
    await expect.poll(() => podsOn(page, 'node2', true)).toBe(0);
    await expect(page.locator('.finished')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a shared link to the last step replays the eviction', async ({ page }) => {
  await openTutorial(page, 'en', '#/self-healing/5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLES.en[4]!);
  // The catch-up replays about six virtual minutes: give a busy machine time.
  await expectLine(page, /^node\/node2 powered off$/, 20_000);
  await expect.poll(() => podsOn(page, 'node2', true), { timeout: 20_000 }).toBe(2);
  await expect.poll(() => podsOn(page, 'node1', false), { timeout: 20_000 }).toBe(4);
  await expect(page.getByTestId('goal')).toHaveAttribute('data-reached', 'false');
});
