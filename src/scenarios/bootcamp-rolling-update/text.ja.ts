import type { StepText } from '../schema.ts';

export const ja: Record<string, StepText> = {
  look: {
    title: '更新前のアプリケーション',
    goal: 'Pod を describe した。kubernetes-bootcamp は v1 の Pod を 4 つ動かしている。',
    body: `Kubernetes の基本チュートリアル「ローリングアップデートの実行」を、元のコマンドのまま進めます。クラスターには、
前の章で作ったものがすでにあります。イメージ \`jocatalin/kubernetes-bootcamp:v1\`（ポート 8080 で答える小さな Web サーバー）
の **Pod（ポッド）** を 4 つ動かす **Deployment（デプロイメント）** \`kubernetes-bootcamp\` と、その前に置かれた
\`NodePort\` 型の **Service（サービス）** です。

利用者はアプリケーションが止まらないことを期待し、開発者は 1 日に何度もデプロイします。**ローリングアップデート** は
Pod を少しずつ入れ替えるので、アプリケーションは変更中も応答し続けます。

Deployment と Pod を一覧し、\`kubectl describe pods\` を実行しましょう。各 Pod の \`Image:\` 行を見ると、すべて \`v1\` です。`,
  },
  update: {
    title: 'イメージを v2 に更新する',
    goal: '4 つの Pod すべてが v2 で動き、古い Pod が消えた。',
    body: `\`kubectl set image\` は Deployment の Pod テンプレートにあるコンテナのイメージを書き換えます。引数は
\`<コンテナ名>=<イメージ>\` です。テンプレートが変わると **ロールアウト** が始まり、v2 用の新しい
**ReplicaSet（レプリカセット）** が増え、v1 の ReplicaSet が減っていきます。

どのくらいの速さで入れ替えるかは、\`spec.strategy.rollingUpdate\` の 2 つの数で決まります。
- \`maxSurge\`（希望数を超えて作れるPod数）：希望数 4 を *超えて* 存在してよい Pod の数
- \`maxUnavailable\`（利用不可にしてよいPod数）：4 つのうち利用できなくてよい Pod の数

チュートリアルの本文には、どちらも既定値は **1** とあります。それは古い \`extensions/v1beta1\` API の話です。今の \`apps/v1\`
で作った Deployment では、どちらも既定値は **25%** で、\`maxSurge\` は切り上げ、\`maxUnavailable\` は切り捨てです。
レプリカ数 4 ならやはり 1 と 1（Pod は最大 5 つ、利用可能な Pod は最低 3 つ）ですが、レプリカ数 10 なら 3 と 2 になります。

入れ替え中に \`kubectl get pods\` を実行すると、新しい Pod は \`ContainerCreating\`、古い Pod は \`Terminating\` と表示されます。
ロールアウト中、Service は **利用可能（Available）** な Pod にだけリクエストを送ります。`,
  },
  verify: {
    title: 'Service 越しに新しいバージョンを確かめる',
    goal: '4 つの Pod すべてが v2 の状態で、NodePort 経由でアプリケーションを呼び出した。',
    body: `アプリケーションは本当に新しいバージョンで答えているでしょうか。利用者と同じように、Service を通して聞いてみます。

- \`kubectl describe services/kubernetes-bootcamp\` には \`NodePort\` が表示されます。**どのノードにも** 開かれ、
  Service につながるポートです。
- \`export\` の行は、そのポート番号をシェル変数 \`NODE_PORT\` に入れます。\`-o go-template\` はフィールド
  \`.spec.ports[0].nodePort\` だけを出力し、\`$(…)\` はコマンドの出力をその場に埋め込みます。
- \`curl host01:$NODE_PORT\` でリクエストを送ります。\`host01\` はチュートリアルのマシン名で、ここでは \`node1\` を指します。

応答には応答した Pod の名前が入り、最後が \`v=2\` になっています。\`curl\` を何度か実行すると別の Pod が答えることもありますが、
いつも v2 の Pod です。`,
  },
  status: {
    title: 'ロールアウトを確認する',
    goal: 'kubectl rollout status を実行し、4 つの Pod すべてが v2 で動いている。',
    body: `\`kubectl rollout status\` は、Deployment のロールアウトが完了する（すべての Pod が更新されて利用可能になり、
古い Pod が残っていない）まで待ち、\`successfully rolled out\` と表示します。スクリプトでデプロイの完了を待つのに使われます。

もう一度 \`kubectl describe pods\` を実行すると、どの \`Image:\` 行も \`jocatalin/kubernetes-bootcamp:v2\` になっています。`,
  },
  'bad-update': {
    title: 'v10 に更新する',
    goal: 'v10 の ReplicaSet が Pod 2 つを求めている。',
    body: `今度は \`v10\` に更新します。コマンドはすぐに受け付けられます。Deployment を変更するとき、Kubernetes はイメージが
存在するかを確かめません。それがわかるのは、kubelet が新しい Pod のためにイメージを取得しようとしたときです。

さきほどと同じように、v10 用の新しい ReplicaSet ができます。\`kubectl get deployments\` を見てから、次のステップでこの先を確かめましょう。`,
  },
  stalled: {
    title: 'ロールアウトが止まる ― ちょうどここで',
    goal: '停止：v10 の Pod 2 つがイメージを取得できず、v2 の Pod 3 つが Ready のまま。',
    body: `何かおかしいですね。\`kubectl get deployments\` は \`READY 3/4\`、\`UP-TO-DATE 2\`、\`AVAILABLE 3\` です。
\`kubectl get pods\` では v2 の Pod 3 つが \`Running\`、新しい Pod 2 つが \`ErrImagePull\` または \`ImagePullBackOff\` です。
kubelet が \`v10\` を取得しようとしたところ、レジストリにそのタグがなく、間隔を伸ばしながら再試行しています。
\`kubectl describe pods\` の最後の \`Events\` に、そのことがそのまま書かれています。

なぜ新しい Pod が 2 つ、古い Pod が 3 つで、そこで止まるのでしょう。2 つの上限（レプリカ数 4 なら Pod は最大 **5** つ、
利用可能な Pod は最低 **3** つ）をたどってみます。
1. 新しい ReplicaSet は Pod を 1 つ追加できます（4 + 1 = 5）。
2. 古い ReplicaSet は 4 から 3 に減らせます。利用可能な Pod は 3 つで足ります。
3. 空きができたので、新しい ReplicaSet は 2 に増えます（3 + 2 = 5）。
4. ここで新しい Pod をもう 1 つ作ると 6 つになり、古い Pod を 1 つ消すと利用可能な Pod が 2 つになります。どちらも許されません。

一般に、新しい ReplicaSet は \`maxSurge + maxUnavailable\`、古い ReplicaSet は \`replicas − maxUnavailable\` で止まります。
ロールアウトはいつまでも待ちますが、アプリケーションは v2 の Pod 3 つで応答し続けます。上限はそのためにあります。
\`progressDeadlineSeconds\`（600 秒）が過ぎると、Deployment の \`Progressing\` 状態が理由 \`ProgressDeadlineExceeded\` で
\`False\` になり、\`kubectl rollout status\` はエラーで終わります。それでも Kubernetes は自分ではロールバックしません。
それを決めるのはあなたです。`,
  },
  undo: {
    title: 'v2 にロールバックする',
    goal: '4 つの Pod すべてが再び v2 で動き、v10 の Pod が消えた。',
    body: `\`kubectl rollout undo\` は **ロールバック** を行います。一つ前の Pod テンプレート（\`v2\` のもの）を Deployment に戻します。
v2 の ReplicaSet はまだ（3 にスケールされて）残っているので、4 に戻るだけです。v10 の ReplicaSet は 0 になります。
その Pod は一度も利用可能になっていないので、消しても失うものはありません。

更新にはバージョンがあります。テンプレートごとに **リビジョン** があり、**リビジョン履歴**（\`kubectl rollout history\`）に
残っているどのリビジョンにも戻れます。ロールバック自体も新しいリビジョンとして記録されます。

\`kubectl get pods\` では 4 つの Pod が \`Running\`、\`kubectl describe pods\` ではどれも \`v2\` です。安定版に戻りました。`,
  },
};
