// The whole Deployment tutorial, clicked through in the built site, in both languages: what the console prints
// (exact kubectl lines) and what the picture shows (Pods per revision, the surge ceiling during rollouts).
import { expect, test } from '@playwright/test';
import {
  consoleText,
  expectGoal,
  expectLine,
  type Lang,
  next,
  openTutorial,
  podsByRevision,
  run,
  setSpeed,
  startGuardrailSampler,
  stepChecker,
  stopGuardrailSampler,
} from './helpers.ts';

const TITLES: Record<Lang, string[]> = {
  en: [
    'Meet the cluster',
    'Create the Deployment',
    'Look at Pods and the Deployment',
    'Scale in to 2 replicas',
    'Rolling update to nginx 1.18',
    'Roll back',
    'Revision history',
  ],
  ja: [
    'クラスターを確認する',
    'Deployment を作る',
    'Pod と Deployment を調べる',
    'レプリカ数を 2 に減らす',
    'nginx 1.18 へのローリングアップデート',
    'ロールバックする',
    'リビジョン履歴',
  ],
};
const STEP_OF: Record<Lang, (n: number) => string> = {
  en: (n) => `Step ${n} of 7`,
  ja: (n) => `ステップ ${n} / 7`,
};

for (const lang of ['en', 'ja'] as const) {
  test(`plays the Deployment tutorial end to end (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTutorial(page, lang);
    await setSpeed(page, '8×');

    const expectStep = stepChecker(page, 'deployment-basics', TITLES[lang], STEP_OF[lang]);

    // 1. The nodes.
    await expectStep(1);
    await run(page, 'kubectl get nodes');
    await expectLine(page, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    await expectLine(page, /^control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.36\.\d+$/);
    await expectLine(page, /^node1\s+Ready\s+<none>\s+\S+\s+v1\.36\.\d+$/);
    await expectLine(page, /^node2\s+Ready\s+<none>\s+\S+\s+v1\.36\.\d+$/);
    await expectGoal(page);
    await next(page);

    // 2. Create the Deployment: four Pods of revision 1 become Ready.
    await expectStep(2);
    await expect(page.getByTestId('goal')).toHaveAttribute('data-reached', 'false');
    await run(page, 'cat web-deploy.yaml');
    await expectLine(page, /^ {8}image: nginx:1\.17$/);
    await run(page, 'kubectl apply -f web-deploy.yaml');
    await expectLine(page, /^deployment\.apps\/web-deploy created$/);
    await expectGoal(page);
    await expect.poll(() => podsByRevision(page)).toEqual({ '1': 4 });
    await expect(page.locator('g.pod[data-visual="ready"]')).toHaveCount(4);
    await expect(page.locator('g.rs')).toHaveCount(1);
    await expect(page.locator('g.rs')).toHaveAttribute('data-ready', '4');
    await next(page);

    // 3. get po,deploy.
    await expectStep(3);
    await run(page, 'kubectl get po,deploy');
    await expectLine(page, /^deployment\.apps\/web-deploy\s+4\/4\s+4\s+4\s+\S+$/);
    const pods = (await consoleText(page))
      .split('\n')
      .filter((l) => /^pod\/web-deploy-[a-z0-9]{8,10}-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+$/.test(l));
    expect(pods).toHaveLength(4);
    await expectGoal(page);
    await next(page);

    // 4. Scale in to 2.
    await expectStep(4);
    await run(page, 'kubectl scale --replicas=2 deployment/web-deploy');
    await expectLine(page, /^deployment\.apps\/web-deploy scaled$/);
    await expect.poll(() => podsByRevision(page, { terminating: false })).toEqual({ '1': 2 });
    await expectGoal(page);
    await expect.poll(() => podsByRevision(page)).toEqual({ '1': 2 });
    await run(page, 'kubectl get po,deploy');
    await expectLine(page, /^deployment\.apps\/web-deploy\s+2\/2\s+2\s+2\s+\S+$/);
    await next(page);

    // 5. Rolling update to 1.18: never more than 5 Pods (maxSurge 1); once 3 are Ready, never fewer (maxUnavailable 1).
    await expectStep(5);
    await setSpeed(page, '2×');
    await startGuardrailSampler(page);
    await run(page, 'kubectl apply -f web-deploy-1.18.yaml');
    await expectLine(page, /^deployment\.apps\/web-deploy configured$/);
    await expect
      .poll(() => podsByRevision(page, { terminating: false }), { timeout: 10_000 })
      .toHaveProperty('2');
    await run(page, 'kubectl get po');
    await expectLine(page, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    await expectGoal(page, 60_000);
    const rollout = await stopGuardrailSampler(page);
    expect(rollout.samples).toBeGreaterThan(10);
    expect(rollout.maxPods).toBeLessThanOrEqual(5);
    expect(rollout.maxPods).toBeGreaterThanOrEqual(4);
    expect(rollout.minReadyAfter3).toBeGreaterThanOrEqual(3);
    await expect.poll(() => podsByRevision(page)).toEqual({ '2': 4 });
    await expect(page.locator('g.rs[data-revision="1"]')).toHaveAttribute('data-desired', '0');
    await expect(page.locator('g.rs[data-revision="2"]')).toHaveAttribute('data-ready', '4');
    await run(page, 'kubectl describe deploy web-deploy');
    await expectLine(page, /^RollingUpdateStrategy:\s+25% max unavailable, 25% max surge$/);
    await expectLine(page, /^\s+Image:\s+nginx:1\.18$/);
    await expectLine(
      page,
      /^\s+Normal\s+ScalingReplicaSet\s+.*deployment-controller\s+Scaled up replica set web-deploy-[a-z0-9]+ from 0 to 1$|^\s+Normal\s+ScalingReplicaSet\s+.*Scaled up replica set web-deploy-[a-z0-9]+ to 1$/,
    );
    await setSpeed(page, '8×');
    await next(page);

    // 6. Roll back: the revision-1 ReplicaSet comes back as revision 3.
    await expectStep(6);
    await startGuardrailSampler(page);
    await run(page, 'kubectl rollout undo deployment web-deploy');
    await expectLine(page, /^deployment\.apps\/web-deploy rolled back$/);
    await expectGoal(page, 60_000);
    const undo = await stopGuardrailSampler(page);
    expect(undo.maxPods).toBeLessThanOrEqual(5);
    expect(undo.minReadyAfter3).toBeGreaterThanOrEqual(3);
    await expect.poll(() => podsByRevision(page)).toEqual({ '3': 4 });
    await expect(page.locator('g.rs')).toHaveCount(2);
    await next(page);

    // 7. History.
    await expectStep(7);
    await run(page, 'kubectl rollout history deployment web-deploy');
    await expectLine(page, /^deployment\.apps\/web-deploy $/);
    await expectLine(page, /^REVISION {2}CHANGE-CAUSE$/);
    await expectLine(page, /^2 {9}<none>$/);
    await expectLine(page, /^3 {9}<none>$/);
    await run(page, 'kubectl get rs');
    await expectLine(page, /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE$/);
    await expectGoal(page);
    await expect(page.locator('.finished')).toBeVisible();
    await expect(page.getByRole('button', { name: /Next|次へ/ })).toBeDisabled();
    expect(errors).toEqual([]);
  });
}

test('a shared link to a later step replays the earlier ones', async ({ page }) => {
  await openTutorial(page, 'en', '#/deployment-basics/5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rolling update to nginx 1.18');
  await expectLine(page, /^deployment\.apps\/web-deploy scaled$/);
  await expect.poll(() => podsByRevision(page)).toEqual({ '1': 2 });
  // Back shows earlier steps with their checks lit.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByTestId('goal')).toHaveAttribute('data-reached', 'true');
});

test('the language switch changes every label and is remembered', async ({ page }) => {
  await openTutorial(page, 'en');
  await expect(page.getByRole('button', { name: 'Next →' })).toBeVisible();
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('クラスターを確認する');
  await expect(page.getByRole('button', { name: '次へ →' })).toBeVisible();
  expect(await page.evaluate("localStorage.getItem('rollout-lab.lang')")).toBe('ja');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('クラスターを確認する');
});
