// The node inspector's maintenance buttons are commands too: Cordon types `kubectl cordon node1` into the console
// (the node shows SchedulingDisabled and the button becomes Uncordon), Drain evicts its Pods to the other node.
import { expect, test } from '@playwright/test';
import { expectLine, openTutorial, setSpeed } from './helpers.ts';

test('cordon, drain and uncordon a node from its inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openTutorial(page, 'en', '#/self-healing/0');
  await setSpeed(page, '8×');
  await expect(
    page.locator('[data-testid="cluster-svg"] g.pod[data-node="node1"][data-visual="ready"]'),
  ).toHaveCount(2, {
    timeout: 30_000,
  });
  await page.locator('[data-testid="cluster-svg"] g.node[data-name="node1"]').click();
  const cordon = page.getByTestId('node-cordon');
  await expect(cordon).toHaveText('Cordon');
  await cordon.click();
  await expectLine(page, /^\$ kubectl cordon node1$/);
  await expectLine(page, /^node\/node1 cordoned$/);
  await expect(page.locator('g.node[data-name="node1"]')).toHaveAttribute(
    'data-status',
    'Ready,SchedulingDisabled',
  );
  await expect(cordon).toHaveText('Uncordon');
  await page.screenshot({ path: 'screenshots/node-actions-en-1280x800.png' });

  await page.getByTestId('node-drain').click();
  await expectLine(page, /^\$ kubectl drain node1 --ignore-daemonsets$/);
  await expectLine(page, /^node\/node1 already cordoned$/);
  await expectLine(page, /^node\/node1 drained$/, 30_000);
  await expect(page.locator('g.pod[data-node="node1"][data-terminating="false"]')).toHaveCount(0);
  await expect(page.locator('g.pod[data-node="node2"][data-visual="ready"]')).toHaveCount(4, {
    timeout: 30_000,
  });

  await cordon.click();
  await expectLine(page, /^node\/node1 uncordoned$/);
  await expect(page.locator('g.node[data-name="node1"]')).toHaveAttribute('data-status', 'Ready');
});
