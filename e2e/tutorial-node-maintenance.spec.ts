// The planned-maintenance tutorial, clicked through in the built site in both languages: cordon (node1 shows
// SchedulingDisabled, its Pods stay), drain refused by DaemonSet Pods, drain with --ignore-daemonsets (the Pods are
// replaced on node2), uncordon (nothing moves back), a PodDisruptionBudget, a drain of node2 that evicts one Pod at
// a time (screenshot mid-drain), and a rollout restart that spreads the Pods again.
import { expect, test, type Page } from '@playwright/test';
import {
  consoleLines,
  countSince,
  expectGoal,
  expectLine,
  type Lang,
  next,
  openTutorial,
  podsOnNode,
  run,
  setSpeed,
  stepChecker,
  webPodLine,
} from './helpers.ts';

const TITLES: Record<Lang, string[]> = {
  en: [
    'Two workers, four Pods',
    'Cordon node1: no new Pods',
    'Drain refuses: DaemonSet Pods',
    'Drain node1 with --ignore-daemonsets',
    'Maintenance done: uncordon node1',
    'A PodDisruptionBudget: keep 3 available',
    'Drain node2 under the budget',
    'Uncordon node2 and rebalance',
  ],
  ja: [
    'ワーカー 2 台、Pod 4 つ',
    'node1 を cordon する：新しい Pod を置かない',
    'drain が断る：DaemonSet の Pod',
    '--ignore-daemonsets を付けて node1 を drain する',
    'メンテナンス完了：node1 を uncordon する',
    'PodDisruptionBudget：3 つは動かしておく',
    '予算の下で node2 を drain する',
    'node2 を uncordon して偏りを直す',
  ],
};
const STEP_OF: Record<Lang, (n: number) => string> = {
  en: (n) => `Step ${n} of 8`,
  ja: (n) => `ステップ ${n} / 8`,
};

const webPod = (status: string, node: string) => webPodLine('1/1', status, node);
const podsOn = (page: Page, node: string) => podsOnNode(page, node, false);

const nodeStatus = (page: Page, node: string) =>
  page.locator(`[data-testid="cluster-svg"] g.node[data-name="${node}"]`);

for (const lang of ['en', 'ja'] as const) {
  test(`plays the node-maintenance tutorial end to end (${lang})`, async ({ page }) => {
    test.setTimeout(150_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTutorial(page, lang, '#/node-maintenance/1');
    await setSpeed(page, '8×');

    const expectStep = stepChecker(page, 'node-maintenance', TITLES[lang], STEP_OF[lang]);

    // 1. Two Pods per worker.
    await expectStep(1);
    await run(page, 'kubectl get nodes');
    await expectLine(page, /^node1\s+Ready\s+<none>\s+\S+\s+v1\.36\.\d+$/);
    await run(page, 'kubectl get po -o wide');
    await expect.poll(() => countSince(page, 'kubectl get po -o wide', webPod('Running', 'node1'))).toBe(2);
    await expect.poll(() => countSince(page, 'kubectl get po -o wide', webPod('Running', 'node2'))).toBe(2);
    await expect.poll(() => podsOn(page, 'node1')).toBe(2);
    await expect.poll(() => podsOn(page, 'node2')).toBe(2);
    await expectGoal(page);
    await next(page);

    // 2. Cordon: SchedulingDisabled, the Pods stay.
    await expectStep(2);
    await run(page, 'kubectl cordon node1');
    await expectLine(page, /^node\/node1 cordoned$/);
    await run(page, 'kubectl get nodes');
    await expectLine(page, /^node1\s+Ready,SchedulingDisabled\s+<none>\s+\S+\s+v1\.36\.\d+$/);
    await expect(nodeStatus(page, 'node1')).toHaveAttribute('data-status', 'Ready,SchedulingDisabled');
    await expect(nodeStatus(page, 'node1').locator('rect.stripes')).toBeVisible();
    await expect(nodeStatus(page, 'node1')).toContainText('SchedulingDisabled');
    await run(page, 'kubectl get po -o wide');
    await expect.poll(() => countSince(page, 'kubectl get po -o wide', webPod('Running', 'node1'))).toBe(2);
    await expect.poll(() => podsOn(page, 'node1')).toBe(2);
    await expectGoal(page);
    await next(page);

    // 3. Drain refuses because of the DaemonSet Pods; nothing is evicted.
    await expectStep(3);
    await run(page, 'kubectl drain node1');
    await expectLine(page, /^node\/node1 already cordoned$/);
    await expectLine(
      page,
      /^error: unable to drain node "node1" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-flannel\/kube-flannel-ds-\w+, kube-system\/kube-proxy-\w+, continuing command\.\.\.$/,
    );
    await expectLine(page, /^There are pending nodes to be drained:$/);
    await expectLine(page, /^ node1$/);
    await run(page, 'kubectl get po -A -o wide --field-selector spec.nodeName=node1');
    await expectLine(page, /^kube-system\s+kube-proxy-\w+\s+1\/1\s+Running\s+0\s+\S+\s+\S+\s+node1\s/);
    await expectLine(page, /^kube-flannel\s+kube-flannel-ds-\w+\s+1\/1\s+Running\s+0\s+\S+\s+\S+\s+node1\s/);
    await expectGoal(page);
    expect(await podsOn(page, 'node1')).toBe(2);
    await next(page);

    // 4. Drain with --ignore-daemonsets: replacements on node2.
    await expectStep(4);
    await run(page, 'kubectl drain node1 --ignore-daemonsets');
    await expectLine(page, /^Warning: ignoring DaemonSet-managed Pods: kube-flannel\/\S+, kube-system\/\S+$/);
    await expectLine(page, /^evicting pod default\/web-deploy-\S+$/);
    await expectLine(page, /^node\/node1 drained$/);
    await expectGoal(page);
    await run(page, 'kubectl get po -o wide');
    await expect.poll(() => countSince(page, 'kubectl get po -o wide', webPod('Running', 'node2'))).toBe(4);
    await expect.poll(() => podsOn(page, 'node2')).toBe(4);
    await expect.poll(() => podsOn(page, 'node1')).toBe(0);
    await next(page);

    // 5. Uncordon: node1 is plain Ready, the Pods stay on node2.
    await expectStep(5);
    await run(page, 'kubectl uncordon node1');
    await expectLine(page, /^node\/node1 uncordoned$/);
    await expect(nodeStatus(page, 'node1')).toHaveAttribute('data-status', 'Ready');
    await run(page, 'kubectl get nodes');
    await expect.poll(() => countSince(page, 'kubectl get nodes', /^node1\s+Ready\s+<none>\s/)).toBe(1);
    await run(page, 'kubectl get po -o wide');
    await expect.poll(() => countSince(page, 'kubectl get po -o wide', webPod('Running', 'node2'))).toBe(4);
    await expectGoal(page);
    expect(await podsOn(page, 'node1')).toBe(0);
    await next(page);

    // 6. The PodDisruptionBudget: 1 disruption allowed.
    await expectStep(6);
    await run(page, 'cat web-pdb.yaml');
    await expectLine(page, /^ {2}minAvailable: 3$/);
    await run(page, 'kubectl apply -f web-pdb.yaml');
    await expectLine(page, /^poddisruptionbudget\.policy\/web-pdb created$/);
    await run(page, 'kubectl get pdb');
    await expectLine(page, /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE$/);
    await expectLine(page, /^web-pdb\s+3\s+N\/A\s+1\s+\S+$/);
    // The PDB card after the ReplicaSet: its rule, healthy / needed and the allowed disruptions as text.
    const pdbCard = page.locator('[data-testid="cluster-svg"] g.pdb[data-name="web-pdb"]');
    await expect(pdbCard.locator('text.line0')).toHaveText('PDB web-pdb');
    await expect(pdbCard.locator('text.line1')).toHaveText(
      lang === 'en' ? 'minAvailable 3 · healthy 4 / needed 3' : 'minAvailable 3 · 正常 4 / 必要 3',
    );
    await expect(pdbCard.locator('text.line2')).toHaveText(
      lang === 'en' ? 'allowed disruptions 1' : '停止可能数 1',
    );
    await expect(pdbCard).toHaveAttribute(
      'aria-label',
      lang === 'en'
        ? 'PodDisruptionBudget web-pdb: minAvailable 3; 4 of 4 Pods healthy, 3 needed; allowed disruptions 1.'
        : 'PodDisruptionBudget（PDB、停止可能数の予算）web-pdb：minAvailable 3。正常な Pod 4 / 4、必要 3、停止可能数 1。',
    );
    await expect(pdbCard.locator('g.slot[data-kind="required"]')).toHaveCount(3);
    await expect(pdbCard.locator('g.slot[data-kind="spare"]')).toHaveCount(1);
    await expect(pdbCard.locator('path.lock')).toBeHidden();
    await expect(page.getByTestId('cluster-table')).toContainText(
      lang === 'en' ? 'allowed disruptions 1' : '停止可能数 1',
    );
    await expectGoal(page);
    await next(page);

    // 7. Drain node2 under the budget: refusals with 429, retried every 5 s, one Pod at a time.
    await expectStep(7);
    await setSpeed(page, '1×');
    await run(page, 'kubectl drain node2 --ignore-daemonsets');
    await expectLine(page, /^node\/node2 cordoned$/);
    await expectLine(
      page,
      /^error when evicting pods\/"web-deploy-\S+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/,
    );
    await expect(nodeStatus(page, 'node2')).toHaveAttribute('data-status', 'Ready,SchedulingDisabled');
    // Mid-drain: a replacement on node1 while most Pods are still on node2.
    await expect.poll(() => podsOn(page, 'node1'), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await podsOn(page, 'node2')).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('goal')).toHaveAttribute('data-reached', 'false');
    // While an evicted Pod's replacement is not Ready the budget is spent: the card says 0, with a lock.
    const blockedCard = page.locator(
      '[data-testid="cluster-svg"] g.pdb[data-name="web-pdb"][data-allowed="0"]',
    );
    await expect(blockedCard).toHaveCount(1);
    await page.getByRole('button', { name: /^(Pause|一時停止)$/ }).click();
    await expect(blockedCard.locator('text.line2')).toHaveText(
      lang === 'en' ? 'allowed disruptions 0' : '停止可能数 0',
    );
    await expect(blockedCard.locator('path.lock')).toBeVisible();
    await expect(blockedCard.locator('g.slot[data-kind="spare"]')).toHaveCount(0);
    await expect(blockedCard).toHaveAttribute(
      'aria-label',
      lang === 'en'
        ? /allowed disruptions 0\. No Pod may be evicted now/
        : /停止可能数 0。今は Pod を退避できません/,
    );
    await page.waitForTimeout(400);
    await page.screenshot({ path: `screenshots/pdb-card-${lang}-1280x800.png` });
    await page.getByRole('button', { name: /^(Play|再生)$/ }).click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `screenshots/node-maintenance-${lang}-1280x800.png` });
    await setSpeed(page, '8×');
    await expectLine(page, /^node\/node2 drained$/, 30_000);
    await expectGoal(page);
    const lines = await consoleLines(page);
    const drainFrom = lines.lastIndexOf('$ kubectl drain node2 --ignore-daemonsets');
    const evicted = lines.slice(drainFrom).filter((l) => /^pod\/web-deploy-\S+ evicted$/.test(l));
    expect(evicted).toHaveLength(4);
    await expect.poll(() => podsOn(page, 'node1')).toBe(4);
    await expect.poll(() => podsOn(page, 'node2')).toBe(0);
    await next(page);

    // 8. Uncordon node2 and rebalance with a rollout restart: two Pods per node.
    await expectStep(8);
    await run(page, 'kubectl get pdb');
    await expect.poll(() => countSince(page, 'kubectl get pdb', /^web-pdb\s+3\s+N\/A\s+1\s+\S+$/)).toBe(1);
    await run(page, 'kubectl uncordon node2');
    await expectLine(page, /^node\/node2 uncordoned$/);
    await expect(nodeStatus(page, 'node2')).toHaveAttribute('data-status', 'Ready');
    await run(page, 'kubectl rollout restart deployment web-deploy');
    await expectLine(page, /^deployment\.apps\/web-deploy restarted$/);
    await run(page, 'kubectl rollout status deployment web-deploy');
    await expectLine(page, /^deployment "web-deploy" successfully rolled out$/, 30_000);
    await expectGoal(page);
    await run(page, 'kubectl get po -o wide');
    await expect.poll(() => countSince(page, 'kubectl get po -o wide', webPod('Running', 'node1'))).toBe(2);
    await expect.poll(() => countSince(page, 'kubectl get po -o wide', webPod('Running', 'node2'))).toBe(2);
    await expect.poll(() => podsOn(page, 'node1')).toBe(2);
    await expect.poll(() => podsOn(page, 'node2')).toBe(2);
    await expect(page.locator('.finished')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a shared link to the budget drain replays the first drain and uncordon', async ({ page }) => {
  await openTutorial(page, 'en', '#/node-maintenance/7');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLES.en[6]!);
  await expectLine(page, /^node\/node1 drained$/);
  await expectLine(page, /^poddisruptionbudget\.policy\/web-pdb created$/);
  await expect(nodeStatus(page, 'node1')).toHaveAttribute('data-status', 'Ready');
  await expect.poll(() => podsOn(page, 'node2')).toBe(4);
  await expect(page.getByTestId('goal')).toHaveAttribute('data-reached', 'false');
});
