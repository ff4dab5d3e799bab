// Time travel: rewind to the middle of the seed-000 rollout and back (the picture and the guardrail chart are
// the same at the same virtual time), the "why" of a scale-down, axe with the new tabs, screenshots.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectGoal, openTutorial, podPicture, podsByRevision, run, setSpeed } from './helpers.ts';

interface El {
  getAttribute(name: string): string | null;
}

/** What the learner sees at the cursor: every Pod's revision and state, and every chart line. */
async function picture(page: Page) {
  const pods = await podPicture(page);
  const lines = await page
    .locator('[data-testid="guardrail-svg"] path.line')
    .evaluateAll((els: El[]) =>
      els.map(
        (el) => `${el.getAttribute('data-kind')}=${el.getAttribute('data-value')} ${el.getAttribute('d')}`,
      ),
    );
  const summary = await page.getByTestId('guardrail-summary').textContent();
  const clock = await page.getByTestId('clock').textContent();
  return { pods, lines, summary, clock };
}

async function scrubTo(page: Page, ms: number) {
  // Page-side code is a string: e2e/ is compiled without the DOM library.
  await page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="scrubber"]');
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    set.call(el, '${ms}');
    el.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
}

/** The play/pause button (Space would press a focused Run button instead). */
async function togglePlay(page: Page) {
  await page.getByRole('button', { name: /^(Pause|Play|一時停止|再生)$/ }).click();
}

async function cursor(page: Page): Promise<number> {
  return Number(await page.getByTestId('scrubber').inputValue());
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('rewind to the middle of the rollout and back: same picture and chart at the same time', async ({
  page,
}) => {
  await openTutorial(page, 'en', '#/deployment-basics/5');
  await page.getByTestId('tab-guardrail').click();
  await setSpeed(page, '1×');
  await run(page, 'kubectl apply -f web-deploy-1.18.yaml');
  await expect
    .poll(
      async () => {
        const p = await podsByRevision(page, { terminating: false });
        return (p['2'] ?? 0) >= 2 && (p['1'] ?? 0) >= 1;
      },
      { timeout: 40_000 },
    )
    .toBe(true);
  await togglePlay(page);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const mid = await cursor(page);
  const atMid = await picture(page);
  expect(atMid.pods.some((p) => p.startsWith('1:')) && atMid.pods.some((p) => p.startsWith('2:'))).toBe(true);
  expect(atMid.lines.map((l) => l.split('=')[0])).toEqual(
    expect.arrayContaining(['ceiling', 'floor', 'total', 'available', 'desired']),
  );

  await setSpeed(page, '8×');
  await togglePlay(page);
  await expectGoal(page);
  await togglePlay(page);
  const end = await cursor(page);
  const atEnd = await picture(page);
  expect(atEnd.pods.every((p) => p.startsWith('2:'))).toBe(true);

  await scrubTo(page, mid);
  expect(await cursor(page)).toBe(mid);
  await expect(page.getByTestId('timeline')).toContainText(/rewound/);
  expect(await picture(page)).toEqual(atMid);

  await scrubTo(page, end);
  expect(await picture(page)).toEqual(atEnd);

  // Step back walks to earlier changes; the console follows the cursor.
  await scrubTo(page, mid);
  await page.getByTestId('step-back').click();
  expect(await cursor(page)).toBeLessThan(mid);
  await expect(page.getByTestId('console-log')).not.toContainText('successfully rolled out');
});

test('the why of a scale-down names the rule and the numbers', async ({ page }) => {
  await openTutorial(page, 'en', '#/deployment-basics/5');
  await setSpeed(page, '8×');
  await run(page, 'kubectl apply -f web-deploy-1.18.yaml');
  await expectGoal(page);
  await page.getByTestId('tab-events').click();
  await page.getByTestId('event-filter').fill('Scaled down replica set');
  const row = page.locator('[data-testid="event-log"] tr[data-reason="ScalingReplicaSet"]').last();
  await row.getByRole('button', { name: 'Why?' }).click();
  const why = page.getByTestId('why');
  await expect(why).toContainText(
    /minAvailable = 4 − ⌊25% × 4⌋ = 3; \d Pods available → \d may go; scale the old ReplicaSet web-deploy-\w+ down by \d\./,
  );
  await expect(why).toContainText('scaleDownOldReplicaSetsForRollingUpdate');
  expect(await seriousViolations(page)).toEqual([]);
});

for (const lang of ['en', 'ja'] as const) {
  test(`no serious axe violations with the guardrail chart and events open (${lang})`, async ({ page }) => {
    await openTutorial(page, lang, '#/deployment-basics/5');
    await setSpeed(page, '8×');
    await run(page, 'kubectl apply -f web-deploy-1.18.yaml');
    await expectGoal(page);
    await page.getByTestId('tab-guardrail').click();
    await expect(page.getByTestId('guardrail-summary')).not.toBeEmpty();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('tab-events').click();
    await page.locator('.why-toggle').first().click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  for (const lang of ['en', 'ja'] as const) {
    test(`screenshot time travel ${lang} ${size.width}x${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await openTutorial(page, lang, '#/deployment-basics/5');
      await setSpeed(page, '8×');
      await run(page, 'kubectl apply -f web-deploy-1.18.yaml');
      await expectGoal(page);
      await togglePlay(page);
      await page.getByTestId('tab-guardrail').click();
      const end = await cursor(page);
      await scrubTo(page, end - 12_000);
      await page.waitForTimeout(800);
      await page.screenshot({ path: `screenshots/guardrail-${lang}-${size.width}x${size.height}.png` });
      await page.getByTestId('tab-events').click();
      await page.getByTestId('event-filter').fill('Scaled');
      await page.locator('.why-toggle').last().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `screenshots/why-${lang}-${size.width}x${size.height}.png` });
    });
  }
}
