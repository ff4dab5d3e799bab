// The "why" of a placement: the Scheduled event of a Pod explains the scheduler's filter and score, in en and ja.
import { expect, test } from '@playwright/test';
import { expectGoal, openTutorial, run, setSpeed } from './helpers.ts';

const WANT = {
  en: [/Filter, then score: the filters leave 2 of 3 nodes/, /control-plane is filtered out/, /selectHost/],
  ja: [
    /3 台のノードのうち 2 台がフィルターを通過/,
    /control-plane は Pod が許容しないテイント/,
    /selectHost/,
  ],
};

for (const lang of ['en', 'ja'] as const) {
  test(`the why of a Scheduled event names the filter and the score (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openTutorial(page, lang, '#/deployment-basics/2');
    await setSpeed(page, '8×');
    await run(page, 'kubectl apply -f web-deploy.yaml');
    await expectGoal(page);
    await page.getByTestId('tab-events').click();
    await page.getByTestId('event-filter').fill('Successfully assigned default/web-deploy');
    const row = page.locator('[data-testid="event-log"] tr[data-reason="Scheduled"]').last();
    await row.locator('.why-toggle').click();
    const why = page.getByTestId('why');
    for (const re of WANT[lang]) await expect(why).toContainText(re);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/why-scheduler-${lang}-1280x800.png` });
  });
}
