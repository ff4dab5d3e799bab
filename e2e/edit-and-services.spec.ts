// `kubectl edit` in the browser: the YAML editor dialog (Save / Cancel / errors reopen it / Japanese IME), and
// the Services tab: which Pods receive a Service's traffic and which are left out, linked to the picture.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { consoleText, expectLine, openTutorial, setSpeed, type Lang } from './helpers.ts';

const L = {
  en: {
    save: /^Save/,
    cancel: /^Cancel/,
    tab: 'Services',
    ready: 'Receives traffic (Ready)',
    terminating: 'Excluded: terminating',
    pause: 'Pause',
  },
  ja: {
    save: /^保存/,
    cancel: /^キャンセル/,
    tab: 'Service',
    ready: '受信中（Ready）',
    terminating: '除外：終了処理中',
    pause: '一時停止',
  },
} as const;

async function type(page: Page, command: string): Promise<void> {
  const input = page.getByTestId('console-input');
  await input.fill(command);
  await input.press('Enter');
}

/** web-deploy with four Ready Pods behind a NodePort Service. */
async function exposedWebDeploy(page: Page, lang: Lang): Promise<void> {
  await openTutorial(page, lang, '#/deployment-basics/2');
  await setSpeed(page, '8×');
  await type(page, 'kubectl apply -f web-deploy.yaml');
  await expectLine(page, /^deployment\.apps\/web-deploy created$/);
  await type(page, 'kubectl expose deployment web-deploy --type=NodePort --port=80');
  await expectLine(page, /^service\/web-deploy exposed$/);
  await page.getByTestId('tab-services').click();
  await expect(page.locator('[data-testid="service-web-deploy"] tr[data-state="ready"]')).toHaveCount(4, {
    timeout: 30_000,
  });
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['en', 'ja'] as const) {
  const l = L[lang];

  test(`kubectl edit opens the YAML editor: save, cancel, errors reopen it (${lang})`, async ({ page }) => {
    await exposedWebDeploy(page, lang);
    const input = page.getByTestId('console-input');
    await type(page, 'kubectl edit deployment/web-deploy');

    const dialog = page.getByRole('dialog', { name: 'kubectl edit deployment/web-deploy' });
    await expect(dialog).toBeVisible();
    const text = dialog.getByRole('textbox');
    await expect(text).toBeFocused();
    await expect(text).toHaveCSS('font-family', /mono/i);
    const initial = await text.inputValue();
    expect(initial).toMatch(/^# Please edit the object below\./);
    expect(initial).toContain('\n  replicas: 4\n');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/editor-${lang}-1280x800.png` });
    expect(await seriousViolations(page)).toEqual([]);

    // Focus stays inside: Tab from Cancel comes back to the textarea, Shift+Tab from the textarea to Cancel.
    await dialog.getByRole('button', { name: l.cancel }).focus();
    await page.keyboard.press('Tab');
    await expect(text).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: l.cancel })).toBeFocused();

    // Esc cancels; focus returns to the console.
    await text.focus();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expectLine(page, /^Edit cancelled, no changes made\.$/);
    await expect(input).toBeFocused();

    // An invalid value: kubectl reopens the editor with the reasons in its header.
    await type(page, 'kubectl edit deployment/web-deploy');
    await expect(dialog).toBeVisible();
    await text.fill((await text.inputValue()).replace('\n  replicas: 4\n', '\n  replicas: -1\n'));
    await dialog.getByRole('button', { name: l.save }).click();
    await expect(text).toHaveValue(
      /# deployments\.apps "web-deploy" was not valid:\n# \* spec\.replicas: Invalid value: -1/,
    );
    await expect(text).toBeFocused();
    await expectLine(page, /^error: deployments\.apps "web-deploy" is invalid$/);

    // Fix it and save with Ctrl+S.
    await text.fill((await text.inputValue()).replace('\n  replicas: -1\n', '\n  replicas: 2\n'));
    await text.press('Control+s');
    await expect(dialog).toBeHidden();
    await expectLine(page, /^deployment\.apps\/web-deploy edited$/);
    await expect(input).toBeFocused();
    await expect(page.locator('[data-testid="service-web-deploy"] tr[data-state="ready"]')).toHaveCount(2, {
      timeout: 30_000,
    });
  });

  test(`the editor takes Japanese IME input; Esc while composing does not close it (${lang})`, async ({
    page,
  }) => {
    await exposedWebDeploy(page, lang);
    await type(page, 'kubectl edit deployment/web-deploy');
    const dialog = page.getByRole('dialog');
    const text = dialog.getByRole('textbox');
    await expect(text).toBeFocused();
    // Type a new annotation under metadata.annotations, the value through the IME.
    const value = await text.inputValue();
    const at = value.indexOf('\nmetadata:\n  annotations:\n') + '\nmetadata:\n  annotations:\n'.length;
    await text.evaluate(
      (el: { setSelectionRange(a: number, b: number): void }, i: number) => el.setSelectionRange(i, i),
      at,
    );
    await page.keyboard.insertText('    memo: ');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'にほんご', selectionStart: 4, selectionEnd: 4 });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await cdp.send('Input.imeSetComposition', { text: '日本語', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '日本語のメモ' });
    await page.keyboard.insertText('\n');
    await expect(text).toHaveValue(
      /\nmetadata:\n {2}annotations:\n {4}memo: 日本語のメモ\n {4}deployment\.kubernetes/,
    );
    await page.keyboard.press('Control+s');
    await expect(dialog).toBeHidden();
    await expectLine(page, /^deployment\.apps\/web-deploy edited$/);
    await type(page, "kubectl get deploy web-deploy -o jsonpath='{.metadata.annotations.memo}'");
    await expect.poll(() => consoleText(page)).toContain('\n日本語のメモ');
  });

  test(`an edit is replayed when rewinding and playing forward (${lang})`, async ({ page }) => {
    await exposedWebDeploy(page, lang);
    await type(page, 'kubectl edit deployment/web-deploy');
    const dialog = page.getByRole('dialog');
    const text = dialog.getByRole('textbox');
    await text.fill((await text.inputValue()).replace('\n  replicas: 4\n', '\n  replicas: 1\n'));
    await text.press('Control+s');
    await expectLine(page, /^deployment\.apps\/web-deploy edited$/);
    const ready = page.locator('[data-testid="service-web-deploy"] tr[data-state="ready"]');
    await expect(ready).toHaveCount(1, { timeout: 30_000 });
    await page.getByRole('button', { name: l.pause }).click();
    const end = Number(await page.getByTestId('scrubber').inputValue());
    // Back to the moment the Service was created (before the edit): four Pods receive traffic again.
    await page.getByTestId('step-back').click();
    for (let i = 0; i < 30 && !(await dialog.isVisible()) && (await ready.count()) < 4; i++)
      await page.getByTestId('step-back').click();
    if (await dialog.isVisible()) {
      // Rewound to while the editor was open: it shows kubectl's text again; Esc would fork history, so
      // only look.
      await expect(text).toHaveValue(/\n {2}replicas: 4\n/);
    } else {
      await expect(ready).toHaveCount(4);
    }
    await page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="scrubber"]');
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      set.call(el, '${end}');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await expect(dialog).toBeHidden();
    await expect(ready).toHaveCount(1);
    expect((await consoleText(page)).match(/deployment\.apps\/web-deploy edited/g)).toHaveLength(1);
  });

  test(`the Services tab shows who receives traffic and selects Pods (${lang})`, async ({ page }) => {
    await exposedWebDeploy(page, lang);
    const svc = page.getByTestId('service-web-deploy');
    await expect(svc).toContainText('NodePort');
    await expect(svc).toContainText(/80:3\d{4}\/TCP/);
    await expect(svc).toContainText('app=web');
    await expect(page.getByTestId('service-kubernetes')).toContainText('10.96.0.1');
    await expect(svc.getByText(l.ready)).toHaveCount(4);

    // A Pod name selects it in the picture (the inspector opens on it) and marks its row.
    const first = svc.locator('tr[data-state="ready"]').first();
    const pod = (await first.getAttribute('data-pod'))!;
    await first.getByRole('button', { name: pod }).click();
    await expect(page.getByTestId('inspector-text')).toContainText(`Name:             ${pod}`);
    await expect(first).toHaveClass(/selected/);
    await expect(first.getByRole('button', { name: pod })).toHaveAttribute('aria-pressed', 'true');

    // A deleted Pod leaves the Endpoints at once and shows as excluded while it terminates.
    await page.getByRole('button', { name: l.pause }).click();
    await type(page, `kubectl delete pod ${pod} --wait=false`);
    await expectLine(page, new RegExp(`^pod "${pod}" deleted`));
    const gone = svc.locator(`tr[data-pod="${pod}"]`);
    await expect(gone).toHaveAttribute('data-state', 'terminating');
    await expect(gone).toContainText(l.terminating);
    await expect(svc.locator('tr[data-state="ready"]')).toHaveCount(3);
    // The inspector shares the column with the tabs: close it so the screenshot shows the whole panel.
    await page.locator('.inspector-head button').last().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `screenshots/services-${lang}-1280x800.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });
}
