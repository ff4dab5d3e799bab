// The legacy rolling-update tutorial (seed 003), clicked through in the built site in both languages: the --image
// update (two RC cards side by side, rc2's Pods replacing rc1's; screenshot mid-update), the two -f - refusals,
// the versioned RC, and the seed's scripted update that kubectl 1.17 renames back to the old name.
import { expect, test, type Page } from '@playwright/test';
import {
  expectGoal,
  expectLine,
  type Lang,
  next,
  openTutorial,
  run,
  setSpeed,
  stepChecker,
} from './helpers.ts';

const TITLES: Record<Lang, string[]> = {
  en: [
    'A ReplicationController and its Service',
    'kubectl rolling-update --image',
    'Two containers per Pod',
    'Refused: the same name',
    'Refused: nothing tells old and new apart',
    'Plan ahead: a version label',
    'The versioned update',
  ],
  ja: [
    'ReplicationController と Service',
    'kubectl rolling-update --image',
    '1 つの Pod に 2 つのコンテナ',
    '拒否その 1：同じ名前',
    '拒否その 2：新旧を見分けられない',
    '先回り：version ラベル',
    'version 付きの更新',
  ],
};
const STEP_OF: Record<Lang, (n: number) => string> = {
  en: (n) => `Step ${n} of 7`,
  ja: (n) => `ステップ ${n} / 7`,
};

const rcCards = (page: Page) => page.locator('[data-testid="cluster-svg"] g.rc');
const podsOfBadge = (page: Page, badge: string) =>
  page.locator('[data-testid="cluster-svg"] g.pod[data-rc]').filter({ hasText: badge }).count();

for (const lang of ['en', 'ja'] as const) {
  test(`plays the legacy rolling-update tutorial end to end (${lang})`, async ({ page }) => {
    test.setTimeout(150_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A control plane and three workers, as the seed's cluster.
    await openTutorial(page, lang, '#/legacy-rolling-update/1', 4);
    const expectStep = stepChecker(page, 'legacy-rolling-update', TITLES[lang], STEP_OF[lang]);

    // 1. One RC, three Pods.
    await expectStep(1);
    await run(page, 'kubectl get rc');
    await expectLine(page, /^api-rc\s+3\s+3\s+3\s+\S+$/);
    await expect(rcCards(page)).toHaveCount(1);
    await expect(rcCards(page).first()).toHaveAttribute('data-badge', 'rc1');
    await expectGoal(page);
    await next(page);

    // 2. --image: a second RC takes over one Pod at a time, then is renamed back to api-rc.
    await expectStep(2);
    await setSpeed(page, '32×');
    await run(page, 'kubectl rolling-update api-rc --image=');
    await expectLine(page, /^Created api-rc-[0-9a-f]{32}$/);
    await expect(rcCards(page)).toHaveCount(2, { timeout: 20_000 });
    await expect(page.locator('[data-testid="cluster-svg"] g.rc[data-badge="rc2"]')).toHaveCount(1);
    await expectLine(page, /^Scaling api-rc down to 1$/, 60_000);
    await setSpeed(page, '1×');
    await page.screenshot({ path: `screenshots/legacy-rolling-update-${lang}-1280x800.png` });
    await setSpeed(page, '32×');
    await expectLine(page, /^replicationcontroller\/api-rc rolling updated$/, 60_000);
    await expectGoal(page);
    await next(page);

    // 3. Two containers per Pod.
    await expectStep(3);
    await run(page, 'kubectl delete rc api-rc');
    await expectLine(page, /^replicationcontroller "api-rc" deleted from default namespace$/);
    await run(page, 'kubectl create -f api-rc-multi.json');
    await expectLine(page, /^replicationcontroller\/api-rc created$/);
    await expectGoal(page);
    await next(page);

    // 4. and 5. The two refusals: nothing changes.
    await expectStep(4);
    await run(page, 'cat api-rc-multi-1.0.1.json | kubectl rolling-update api-rc -f -');
    await expectLine(
      page,
      /^error: - cannot have the same name as the existing ReplicationController api-rc$/,
    );
    await expectGoal(page);
    await next(page);
    await expectStep(5);
    await run(page, 'cat api-rc-v2.json | kubectl rolling-update api-rc -f -');
    await expectLine(
      page,
      /^error: - must specify a matching key with non-equal value in Selector for api-rc$/,
    );
    await expectGoal(page);
    await expect(rcCards(page)).toHaveCount(1);
    await next(page);

    // 6. The versioned RC.
    await expectStep(6);
    await run(page, 'kubectl delete rc api-rc');
    await run(page, 'kubectl create -f api-rc-1453323827.json');
    await expectLine(page, /^replicationcontroller\/api-rc-1453323827 created$/);
    await expectGoal(page);
    await next(page);

    // 7. The seed's script: renamed back to the old name by kubectl 1.17.
    await expectStep(7);
    await run(page, 'CURRENT_RC_NAME=');
    await run(page, 'CURRENT_UNIXTIME=');
    await run(page, 'cat << EOS | kubectl rolling-update');
    await expectLine(page, /^Created api-rc-\d{10}$/);
    await expect.poll(() => podsOfBadge(page, 'rc2'), { timeout: 30_000 }).toBeGreaterThan(0);
    await expectLine(page, /^replicationcontroller\/api-rc-1453323827 rolling updated$/, 60_000);
    await expectGoal(page);
    await page.locator('.commands').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `screenshots/legacy-rolling-update-script-${lang}-1280x800.png` });
    // Exactly this row: the first command of the step contains `kubectl get rc` too.
    await page
      .locator('.commands li')
      .filter({ has: page.locator('code', { hasText: /^kubectl get rc$/ }) })
      .getByRole('button')
      .click();
    await expectLine(page, /^api-rc-1453323827\s+3\s+3\s+3\s+\S+$/);
    expect(errors).toEqual([]);
  });
}
