// The bootcamp rolling-update tutorial (Kubernetes Basics, seed 002), clicked through in the built site in both
// languages: the exact console lines of the tutorial's own commands, the v2 rollout, the NodePort answering v=2,
// the v10 rollout stalled at new 2 / old 3, and the rollback.
import { expect, test } from '@playwright/test';
import {
  consoleLines,
  countSince,
  expectGoal,
  expectLine,
  type Lang,
  next,
  openTutorial,
  podsByRevision,
  run,
  setSpeed,
  stepChecker,
} from './helpers.ts';

const TITLES: Record<Lang, string[]> = {
  en: [
    'The application before the update',
    'Update the image to v2',
    'Check the new version through the Service',
    'Confirm the rollout',
    'Update to v10',
    'The rollout stalls — exactly here',
    'Roll back to v2',
  ],
  ja: [
    '更新前のアプリケーション',
    'イメージを v2 に更新する',
    'Service 越しに新しいバージョンを確かめる',
    'ロールアウトを確認する',
    'v10 に更新する',
    'ロールアウトが止まる ― ちょうどここで',
    'v2 にロールバックする',
  ],
};
const STEP_OF: Record<Lang, (n: number) => string> = {
  en: (n) => `Step ${n} of 7`,
  ja: (n) => `ステップ ${n} / 7`,
};

const SET_V2 =
  'kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=jocatalin/kubernetes-bootcamp:v2';
const SET_V10 =
  'kubectl set image deployments/kubernetes-bootcamp kubernetes-bootcamp=jocatalin/kubernetes-bootcamp:v10';
const EXPORT =
  "export NODE_PORT=$(kubectl get services/kubernetes-bootcamp -o go-template='{{(index .spec.ports 0).nodePort}}')";

for (const lang of ['en', 'ja'] as const) {
  test(`plays the bootcamp rolling-update tutorial end to end (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTutorial(page, lang, '#/bootcamp-rolling-update/1');
    await setSpeed(page, '8×');

    const expectStep = stepChecker(page, 'bootcamp-rolling-update', TITLES[lang], STEP_OF[lang]);

    // 1. The starting point: four v1 Pods, already Ready.
    await expectStep(1);
    await expect.poll(() => podsByRevision(page)).toEqual({ '1': 4 });
    await run(page, 'kubectl get deployments');
    await expectLine(page, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    await expectLine(page, /^kubernetes-bootcamp\s+4\/4\s+4\s+4\s+\S+$/);
    await run(page, 'kubectl get pods');
    await expect
      .poll(() =>
        countSince(
          page,
          'kubectl get pods',
          /^kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+\S+$/,
        ),
      )
      .toBe(4);
    await run(page, 'kubectl describe pods');
    await expect
      .poll(() =>
        countSince(page, 'kubectl describe pods', /^\s+Image:\s+jocatalin\/kubernetes-bootcamp:v1$/),
      )
      .toBe(4);
    await expectGoal(page);
    await next(page);

    // 2. set image v2: a rolling update to revision 2.
    await expectStep(2);
    await expect(page.getByTestId('goal')).toHaveAttribute('data-reached', 'false');
    await run(page, SET_V2);
    await expectLine(page, /^deployment\.apps\/kubernetes-bootcamp image updated$/);
    await run(page, 'kubectl get pods');
    await expectGoal(page, 60_000);
    await expect.poll(() => podsByRevision(page)).toEqual({ '2': 4 });
    await next(page);

    // 3. Through the Service: the NodePort, the shell variable, curl to host01.
    await expectStep(3);
    await run(page, 'kubectl describe services/kubernetes-bootcamp');
    await expectLine(page, /^Type:\s+NodePort$/);
    await expectLine(page, /^NodePort:\s+<unset>\s+3\d{4}\/TCP$/);
    const nodePort = (await consoleLines(page))
      .map((l) => /^NodePort:\s+<unset>\s+(\d+)\/TCP$/.exec(l)?.[1])
      .find((p) => p !== undefined)!;
    await run(page, EXPORT);
    await run(page, 'echo NODE_PORT=$NODE_PORT');
    await expectLine(page, new RegExp(`^NODE_PORT=${nodePort}$`));
    await run(page, 'curl host01:$NODE_PORT');
    await expectLine(
      page,
      /^Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5} \| v=2$/,
    );
    await expectGoal(page);
    await next(page);

    // 4. rollout status.
    await expectStep(4);
    await run(page, 'kubectl rollout status deployments/kubernetes-bootcamp');
    await expectLine(page, /^deployment "kubernetes-bootcamp" successfully rolled out$/);
    await run(page, 'kubectl describe pods');
    await expect
      .poll(() =>
        countSince(page, 'kubectl describe pods', /^\s+Image:\s+jocatalin\/kubernetes-bootcamp:v2$/),
      )
      .toBe(4);
    await expectGoal(page);
    await next(page);

    // 5. set image v10.
    await expectStep(5);
    await run(page, SET_V10);
    await expect
      .poll(() => countSince(page, SET_V10, /^deployment\.apps\/kubernetes-bootcamp image updated$/))
      .toBe(1);
    await run(page, 'kubectl get deployments');
    await expectGoal(page);
    await next(page);

    // 6. The stall: new 2 (image pull errors), old 3 Ready, and it stays there.
    await expectStep(6);
    await expectGoal(page, 30_000);
    await expect
      .poll(() => podsByRevision(page, { terminating: false }), { timeout: 20_000 })
      .toEqual({ '2': 3, '3': 2 });
    await run(page, 'kubectl get deployments');
    await expectLine(page, /^kubernetes-bootcamp\s+3\/4\s+2\s+3\s+\S+$/);
    await run(page, 'kubectl get pods');
    await expect
      .poll(() =>
        countSince(
          page,
          'kubectl get pods',
          /^kubernetes-bootcamp-\S+\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s+0\s+\S+$/,
        ),
      )
      .toBe(2);
    await run(page, 'kubectl describe pods');
    await expectLine(page, /Failed to pull image "jocatalin\/kubernetes-bootcamp:v10": .*not found$/);
    await expect(page.locator('g.rs[data-revision="3"]')).toHaveAttribute('data-desired', '2');
    await expect(page.locator('g.rs[data-revision="2"]')).toHaveAttribute('data-desired', '3');
    await next(page);

    // 7. rollout undo: revision 2 comes back as revision 4, four Running v2 Pods.
    await expectStep(7);
    await run(page, 'kubectl rollout undo deployments/kubernetes-bootcamp');
    await expectLine(page, /^deployment\.apps\/kubernetes-bootcamp rolled back$/);
    await expectGoal(page, 60_000);
    await expect.poll(() => podsByRevision(page)).toEqual({ '4': 4 });
    await run(page, 'kubectl describe pods');
    await expect
      .poll(() =>
        countSince(page, 'kubectl describe pods', /^\s+Image:\s+jocatalin\/kubernetes-bootcamp:v2$/),
      )
      .toBe(4);
    await expect(page.locator('.finished')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('a shared link to the stalled step replays the setup and the earlier steps', async ({ page }) => {
  await openTutorial(page, 'en', '#/bootcamp-rolling-update/6');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The rollout stalls — exactly here');
  await expectLine(page, /^deployment "kubernetes-bootcamp" successfully rolled out$/);
  await expect.poll(() => podsByRevision(page, { terminating: false })).toEqual({ '2': 3, '3': 2 });
  await expectGoal(page);
});
