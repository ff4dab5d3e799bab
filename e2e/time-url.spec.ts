// A shared moment: `#/<scenario>/<step>?t=<seconds>` opens that step paused at that virtual time, with the same
// picture as playing there; scrubbing and stepping are said once in the live region and written to the hash.
import { expect, test, type Page } from '@playwright/test';
import { openTutorial, podPicture, podsByRevision, setSpeed } from './helpers.ts';

/** Drags the scrubber through `values` in one go: one input event each, as a mouse drag sends them. */
async function drag(page: Page, values: number[]) {
  // Page-side code is a string: e2e/ is compiled without the DOM library.
  await page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="scrubber"]');
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    for (const v of ${JSON.stringify(values)}) {
      set.call(el, String(v));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
  })()`);
}

/** Starts recording every text the live region shows. */
async function recordLiveRegion(page: Page) {
  await page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="live-region"]');
    window.__said = [];
    new MutationObserver(() => window.__said.push(el.textContent)).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  })()`);
}

async function said(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__said.filter((t) => t)');
}

const live = (page: Page) => page.getByTestId('live-region');

test('a t= link opens the step paused at that time, as playing there would show it', async ({
  page,
  browser,
}) => {
  await openTutorial(page, 'en', '#/deployment-basics/3?t=65');
  await expect(page.getByText('Step 3 of 7')).toBeVisible();
  await expect(page.getByTestId('clock')).toContainText('t=01:05');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  expect(await page.getByTestId('scrubber').inputValue()).toBe('65000');
  await expect(page).toHaveURL(/#\/deployment-basics\/3\?t=65$/);
  await expect.poll(() => podsByRevision(page)).toEqual({ '1': 4 });
  await expect(page.locator('g.pod[data-visual="ready"]')).toHaveCount(4);
  await expect(page.getByTestId('console-log')).toContainText('deployment.apps/web-deploy created');
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('clock')).toContainText('t=01:05');
  const shared = await podPicture(page);

  // The same step played to 1:05 looks the same.
  const other = await browser.newPage();
  await openTutorial(other, 'en', '#/deployment-basics/3');
  await setSpeed(other, '32×');
  await expect
    .poll(async () => Number(await other.getByTestId('scrubber').inputValue()), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(65_000);
  await other.getByRole('button', { name: 'Pause' }).click();
  expect(await podPicture(other)).toEqual(shared);
  await expect(other).toHaveURL(/#\/deployment-basics\/3\?t=\d+(\.\d+)?$/);
  await other.close();
});

test('scrubbing is said once, where it stopped; stepping says what changed; the hash follows', async ({
  page,
}) => {
  await openTutorial(page, 'en', '#/deployment-basics/3?t=65');
  await expect(page.getByTestId('clock')).toContainText('t=01:05');
  const input = page.getByTestId('console-input');
  await input.fill('kubectl apply -f web-deploy-1.18.yaml');
  await input.press('Enter');
  await expect(page.getByTestId('console-log')).toContainText('deployment.apps/web-deploy configured');

  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('ArrowRight');
  await expect(live(page)).toHaveText(/^Stepped to 1:0\d — .*Pod.*\.$/);

  await setSpeed(page, '8×');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => podsByRevision(page), { timeout: 30_000 }).toEqual({ '2': 4 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page).toHaveURL(/\?t=\d+(\.\d+)?$/);
  await page.waitForTimeout(1600); // what normal playback had to say is said

  await recordLiveRegion(page);
  await drag(page, [90_000, 80_000, 75_000, 70_000, 67_000]);
  await expect(live(page)).toHaveText('Jumped back to 1:07 — 3 of 4 Pods ready.');
  await page.waitForTimeout(800);
  expect(await said(page)).toEqual(['Jumped back to 1:07 — 3 of 4 Pods ready.']);
  await expect(page.getByTestId('clock')).toContainText('t=01:07');
  await expect(page).toHaveURL(/#\/deployment-basics\/3\?t=67$/);
});

test('step back is announced in Japanese', async ({ page }) => {
  await openTutorial(page, 'ja', '#/deployment-basics/3?t=65');
  await expect(page.getByTestId('clock')).toContainText('t=01:05');
  await page.getByTestId('step-back').click();
  await expect(live(page)).toHaveText(/^0:0\d まで巻き戻しました。Pod は 4 個中 4 個が準備完了（Ready）。$/);
});

test('a bad t= is ignored: the step opens and plays', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openTutorial(page, 'en', '#/deployment-basics/3?t=soon');
  await expect(page.getByText('Step 3 of 7')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page).toHaveURL(/#\/deployment-basics\/3$/);
  expect(errors).toEqual([]);
});
