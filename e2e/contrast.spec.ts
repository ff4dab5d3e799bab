// The high-contrast theme: a toggle with a state, remembered across reloads, in both languages.
import { expect, test } from '@playwright/test';
import { openTutorial } from './helpers.ts';

for (const [lang, name] of [
  ['en', 'High contrast'],
  ['ja', 'ハイコントラスト'],
] as const) {
  test(`high-contrast theme toggles and is remembered (${lang})`, async ({ page }) => {
    await openTutorial(page, lang);
    const toggle = page.getByRole('button', { name });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).not.toHaveAttribute('data-contrast', 'more');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'more');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'more');
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
  });
}
