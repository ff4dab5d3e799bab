// Screenshots for review (screenshots/): the rollout half-way, at a laptop and a projector size, in ja and en.
import { expect, test } from '@playwright/test';
import { openTutorial, podsByRevision, run, setSpeed } from './helpers.ts';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

for (const lang of ['en', 'ja'] as const) {
  for (const size of SIZES) {
    test(`screenshot ${lang} ${size.width}x${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await openTutorial(page, lang, '#/deployment-basics/5');
      await setSpeed(page, '½×');
      await run(page, 'kubectl apply -f web-deploy-1.18.yaml');
      // Half-way: Pods of both revisions on screen.
      await expect
        .poll(
          async () => {
            const p = await podsByRevision(page, { terminating: false });
            return (p['2'] ?? 0) >= 2 && (p['1'] ?? 0) >= 2;
          },
          { timeout: 40_000 },
        )
        .toBe(true);
      await page.getByRole('button', { name: /Pause|一時停止/ }).click();
      await run(page, 'kubectl get po');
      await page.waitForTimeout(700);
      await page.screenshot({ path: `screenshots/rollout-${lang}-${size.width}x${size.height}.png` });
      await page.locator('g.rs').last().click();
      await expect(page.getByTestId('inspector-text')).toBeVisible();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `screenshots/inspector-${lang}-${size.width}x${size.height}.png` });
    });
  }
}
