// The StatefulSet basics tutorial (seed 004, first part), clicked through in the built site in both languages:
// ordered creation (web-0 before web-1), a claim per Pod (a Bound disk on each Pod), scaling to five and back to
// three with the claims kept (the card counts them), a rolling update and a canary with a partition
// (screenshots after the scale-down and at the canary).
import { expect, test, type Page } from '@playwright/test';
import {
  expectGoal,
  expectLine,
  type Lang,
  next,
  openTutorial,
  run,
  setSpeed,
  stepChecker,
} from './helpers.ts';
import { imagePatch, slim07, slim08 } from '../src/scenarios/statefulset-basics/files.ts';

const TITLES: Record<Lang, string[]> = {
  en: [
    'One Pod at a time',
    'Names that stay',
    'One claim per Pod',
    'Delete the Pods: same names, same disks',
    'Scale up by ordinal',
    'Scale down: Pods go, claims stay',
    'A rolling update, highest ordinal first',
    'A canary with a partition',
  ],
  ja: [
    'Pod は 1 つずつ',
    '変わらない名前',
    'Pod ごとに 1 つの要求',
    'Pod を消す：同じ名前、同じディスク',
    '序数に沿ってスケールアップ',
    'スケールダウン：Pod は消え、要求は残る',
    'ローリングアップデートは最大の序数から',
    'partition でカナリア',
  ],
};
const STEP_OF: Record<Lang, (n: number) => string> = {
  en: (n) => `Step ${n} of 8`,
  ja: (n) => `ステップ ${n} / 8`,
};

const card = (page: Page) => page.locator('[data-testid="cluster-svg"] g.sts[data-name="web"]');
const boundPods = (page: Page) =>
  page.locator('[data-testid="cluster-svg"] g.pod[data-sts="web"][data-claim="Bound"]').count();

for (const lang of ['en', 'ja'] as const) {
  test(`plays the StatefulSet basics tutorial end to end (${lang})`, async ({ page }) => {
    test.setTimeout(150_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTutorial(page, lang, '#/statefulset-basics/1');
    await setSpeed(page, '8×');
    const expectStep = stepChecker(page, 'statefulset-basics', TITLES[lang], STEP_OF[lang]);

    // 1. Ordered creation.
    await expectStep(1);
    await run(page, 'kubectl apply -f web.yaml');
    await expectLine(page, /^statefulset\.apps\/web created$/);
    await run(page, 'kubectl get pods -w -l app=nginx');
    await expectLine(page, /^web-1\s+1\/1\s+Running\s+0\s+\S+$/, 30_000);
    await expect(card(page)).toHaveAttribute('data-ready', '2');
    await expectGoal(page);
    await next(page);

    // 2. and 3. Identity and storage.
    await expectStep(2);
    await run(page, 'kubectl get service nginx');
    await expectLine(page, /^nginx\s+ClusterIP\s+None\s+<none>\s+80\/TCP\s+\S+$/);
    await run(page, "kubectl get pod web-0 -o jsonpath='{.spec.hostname}");
    await expectLine(page, /^web-0\.nginx$/);
    await expectGoal(page);
    await next(page);
    await expectStep(3);
    await run(page, 'kubectl get pvc -l app=nginx');
    await expectLine(page, /^www-web-1\s+Bound\s+pvc-[0-9a-f-]+\s+1Gi\s+RWO\s+standard\s/);
    await expect.poll(() => boundPods(page)).toBe(2);
    await expectGoal(page);
    await next(page);

    // 4. Same names again.
    await expectStep(4);
    await run(page, 'kubectl delete pod -l app=nginx');
    await expectLine(page, /^pod "web-1" deleted from default namespace$/);
    await expectGoal(page, 60_000);
    await next(page);

    // 5. and 6. Five, then three: the claims stay.
    await expectStep(5);
    await run(page, 'kubectl scale sts web --replicas=5');
    await expectGoal(page, 60_000);
    await next(page);
    await expectStep(6);
    await run(page, `kubectl patch sts web -p '{"spec":{"replicas":3}}'`);
    await expectGoal(page, 60_000);
    await expect(card(page)).toHaveAttribute('data-claims', '5');
    await run(page, 'kubectl get pvc -l app=nginx');
    await expectLine(page, /^www-web-4\s+Bound\s/);
    await page.screenshot({ path: `screenshots/statefulset-scaled-${lang}-1280x800.png` });
    await next(page);

    // 7. The rolling update, then 8. the canary.
    await expectStep(7);
    await run(page, imagePatch(slim07));
    await run(page, 'kubectl rollout status sts/web');
    await expectLine(page, /^partitioned roll out complete: 3 new pods have been updated\.\.\.$/, 60_000);
    await expectGoal(page);
    await next(page);
    await expectStep(8);
    await run(page, `kubectl patch statefulset web -p '{"spec":{"updateStrategy"`);
    await run(page, imagePatch(slim08));
    await expectGoal(page, 60_000);
    await page.screenshot({ path: `screenshots/statefulset-canary-${lang}-1280x800.png` });
    expect(errors).toEqual([]);
  });
}
