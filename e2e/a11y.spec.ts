// Accessibility: no serious or critical axe violations, in both languages, with the inspector open too.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectGoal, next, openTutorial, run, setSpeed } from './helpers.ts';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['en', 'ja'] as const) {
  test(`no serious axe violations (${lang})`, async ({ page }) => {
    await openTutorial(page, lang);
    await setSpeed(page, '8×');
    await run(page, 'kubectl get nodes');
    await next(page);
    await run(page, 'kubectl apply -f web-deploy.yaml');
    await expectGoal(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('g.pod').first().click();
    await expect(page.getByTestId('inspector-text')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('no serious axe violations at the end of the tutorial, old ReplicaSets included', async ({ page }) => {
  await openTutorial(page, 'ja', '#/deployment-basics/7');
  await run(page, 'kubectl rollout history deployment web-deploy');
  await expectGoal(page);
  await expect(page.locator('g.rs[data-active="false"]')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'キーボード操作' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the picture has a text alternative and a live region', async ({ page }) => {
  await openTutorial(page, 'en');
  const svg = page.getByRole('img', { name: /Cluster picture/ });
  await expect(svg).toBeVisible();
  await expect(page.getByTestId('cluster-table')).toContainText('control-plane');
  await expect(page.getByTestId('live-region')).toHaveAttribute('aria-live', 'polite');
});
