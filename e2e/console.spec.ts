// The console as a terminal: typing, history, here-documents, Ctrl-C, the `/` shortcut.
import { expect, test } from '@playwright/test';
import { consoleText, expectLine, openTutorial, run, setSpeed } from './helpers.ts';

test('runs typed commands, recalls history and interrupts with Ctrl-C', async ({ page }) => {
  await openTutorial(page, 'en');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  const input = page.getByTestId('console-input');
  await expect(input).toBeFocused();

  await input.fill('kubectl get deploy');
  await input.press('Enter');
  await expectLine(page, /^No resources found in default namespace\.$/);

  await input.fill('sleep 600');
  await input.press('Enter');
  await expect(page.getByText('Running — Ctrl-C to interrupt')).toBeVisible();
  await input.press('Control+c');
  await expectLine(page, /^\^C$/);
  await expect(page.getByText('Running — Ctrl-C to interrupt')).toBeHidden();

  await input.press('ArrowUp');
  await expect(input).toHaveValue('sleep 600');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kubectl get deploy');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');
});

test('collects a here-document over several lines', async ({ page }) => {
  await openTutorial(page, 'en');
  const input = page.getByTestId('console-input');
  for (const line of ['cat <<EOF', 'hello from a heredoc', 'EOF']) {
    await input.fill(line);
    await input.press('Enter');
  }
  await expectLine(page, /^hello from a heredoc$/);
  expect(await consoleText(page)).toContain(
    '$ cat <<EOF\n> hello from a heredoc\n> EOF\nhello from a heredoc\n',
  );
});

test('time controls: pause stops the clock, step jumps to the next event', async ({ page }) => {
  await openTutorial(page, 'en');
  await page.getByRole('button', { name: 'Pause' }).click();
  const clock = page.getByTestId('clock');
  const before = await clock.textContent();
  await page.waitForTimeout(1200);
  expect(await clock.textContent()).toBe(before);
  const input = page.getByTestId('console-input');
  await input.fill('kubectl create deployment web --image=nginx:1.17');
  await input.press('Enter');
  await expectLine(page, /^deployment\.apps\/web created$/);
  await expect(page.locator('g.pod')).toHaveCount(1);
  await expect(page.locator('g.pod[data-visual="ready"]')).toHaveCount(0);
  // Each step pauses at the next moment the picture changes; the Pod becomes Ready after a few.
  for (let i = 0; i < 20 && (await page.locator('g.pod[data-visual="ready"]').count()) === 0; i++) {
    await page.getByRole('button', { name: 'Step to next event' }).click();
  }
  await expect(page.locator('g.pod[data-visual="ready"]')).toHaveCount(1);
  expect(await clock.textContent()).not.toBe(before);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('keyboard shortcuts: Space, ], [, ? and the live region', async ({ page }) => {
  await openTutorial(page, 'en');
  await page.locator('h1').click();
  const speed = page.locator('.speed select');
  await expect(speed).toHaveValue('1');
  await page.keyboard.press(']');
  await expect(speed).toHaveValue('2');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  await expect(speed).toHaveValue('0.5');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // Typing in the console is never taken as a shortcut.
  await page.keyboard.press('/');
  const input = page.getByTestId('console-input');
  await expect(input).toBeFocused();
  // Key by key into the input (pressSequentially focuses it first: a busy CI machine may still be restoring
  // focus from the closed dialog when the keys arrive).
  await input.pressSequentially('echo [ok] ?');
  await expect(input).toHaveValue('echo [ok] ?');
  await expect(speed).toHaveValue('0.5');
});

test('the live region tells what changed', async ({ page }) => {
  await openTutorial(page, 'en', '#/deployment-basics/2');
  await setSpeed(page, '8×');
  await run(page, 'kubectl apply -f web-deploy.yaml');
  await expect(page.getByTestId('live-region')).toContainText(
    /ReplicaSet web-deploy-[a-z0-9]+ \(revision 1\): \d of 4 Ready\.|Deployment web-deploy: all 4 Pods updated and available\./,
    {
      timeout: 15_000,
    },
  );
});
