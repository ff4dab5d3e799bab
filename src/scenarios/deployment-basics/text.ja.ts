import type { StepText } from '../schema.ts';

export const ja: Record<string, StepText> = {
  nodes: {
    title: 'クラスターを確認する',
    goal: 'ノードの一覧を表示した。',
    body: `この練習用クラスターには **ノード** が 3 台あります。**コントロールプレーン**（\`control-plane\`）は Kubernetes 自身を動かし、
2 台の **ワーカーノード**（\`node1\` と \`node2\`）がアプリケーションを動かします。

コントロールプレーンのノードには **テイント** \`node-role.kubernetes.io/control-plane:NoSchedule\` が付いています
（ノードの枠にある紫のタグ）。これにより通常の Pod（ポッド）は配置されないので、このチュートリアルで作るものはすべてワーカーノードに載ります。

API サーバーにノードの一覧を問い合わせてみましょう。どのノードも \`Ready\` と表示されるはずです。`,
  },
  create: {
    title: 'Deployment を作る',
    goal: 'web-deploy の Pod 4 つが準備完了（Ready）になった。',
    body: `**Deployment（デプロイメント）** は「何を」「いくつ」動かすかを書いたものです。Deployment 自身は Pod を起動しません。
Pod のテンプレートごとに **ReplicaSet（レプリカセット）** を作り、その ReplicaSet が指定された数の **Pod** を動かし続けます。

まずマニフェストを読んでみましょう。イメージ \`nginx:1.17\` の Pod を \`replicas: 4\` 個求めていて、
自分の Pod はラベル \`app: web\` で見分けます。

次に適用して、図を見てください。
- Deployment の横に **r1**（リビジョン 1）と書かれた ReplicaSet のカードが現れます。
- ワーカーノードの中に Pod が 4 つ現れます。点線の枠と砂時計は \`ContainerCreating\`（イメージを取得中）、
  色で塗りつぶされてチェックマークが付いたら **準備完了（Ready）** です。`,
  },
  inspect: {
    title: 'Pod と Deployment を調べる',
    goal: '4 つの Pod がすべて Ready の状態で、Pod と Deployment を一覧した。',
    body: `\`kubectl get\` には、カンマで区切って複数のリソースの種類を渡せます。Pod と Deployment をまとめて表示しましょう。

- Pod の名前は、Deployment 名・Pod テンプレートのハッシュ（ReplicaSet 名の末尾と同じ）・ランダムな文字列から
  できています：\`web-deploy-<ハッシュ>-<ランダム>\`。
- Deployment の \`READY 4/4\` は Ready な Pod の数、\`UP-TO-DATE\` は最新のテンプレートで動いている Pod の数、
  \`AVAILABLE\` は \`minReadySeconds\`（ここでは 0）以上 Ready が続いた **利用可能（Available）** な Pod の数です。

図の Pod や ReplicaSet のカードをクリックすると、その \`kubectl describe\` が表示されます。`,
  },
  scale: {
    title: 'レプリカ数を 2 に減らす',
    goal: 'web-deploy の Pod がちょうど 2 つで、終了中の Pod が残っていない。',
    body: `レプリカ数を変えることを **スケール** と言います。増やすのが **スケールアウト**、減らすのが **スケールイン** です。
\`kubectl scale\` は Deployment の \`spec.replicas\` を書き換え、\`deployment.apps/web-deploy scaled\` と答えます。

Pod のテンプレートは変わっていないので、新しい ReplicaSet はできません。Deployment は今の ReplicaSet の希望数を 2 に下げ、
ReplicaSet が Pod を 2 つ削除します。削除された Pod は nginx が止まるまで \`Terminating\`（図では斜線入りで薄く表示）となり、
その後消えます。`,
  },
  rollout: {
    title: 'nginx 1.18 へのローリングアップデート',
    goal: '4 つの Pod すべてが nginx:1.18 で動き、古い Pod が消えた。',
    body: `\`web-deploy-1.18.yaml\` は \`image: nginx:1.18\`、\`replicas: 4\` にしただけの同じマニフェストです。Pod のテンプレートが
変わると **ロールアウト** が始まります。Deployment は新しい ReplicaSet（**r2**）を作り、Pod を少しずつ移し替えます。
これが **ローリングアップデート** です。ファイルにはレプリカ数 4 とも書いてあるので、まず古い ReplicaSet が 4 に戻されます。

ローリングアップデートの範囲は 2 つの数で決まります（どちらも既定は 25%）。
- \`maxSurge\`（希望数を超えて作れるPod数）：4 の 25% を切り上げて 1 → **Pod は最大 5 つ**。
- \`maxUnavailable\`（利用不可にしてよいPod数）：4 の 25% を切り捨てて 1 → **利用可能な Pod は最低 3 つ**。

この範囲を守りながら 2 枚の ReplicaSet のカードの間で Pod が入れ替わる様子を見てください。速度を落とすか、
「ステップ」で 1 イベントずつ進めると追いやすくなります。\`kubectl describe\` には判断の一つ一つが
\`ScalingReplicaSet\` イベントとして並びます。`,
  },
  undo: {
    title: 'ロールバックする',
    goal: '4 つの Pod すべてが再び nginx:1.17 で動き、古い Pod が消えた。',
    body: `1.18 に不具合が見つかったとしましょう。\`kubectl rollout undo\` は **ロールバック** を行います。一つ前の Pod テンプレートを
Deployment に書き戻すのです。そのテンプレートの ReplicaSet はすでにあるので、新しいものは作られません。
以前と同じ色の古い ReplicaSet が再びスケールアウトし、r2 がスケールインします。\`maxSurge\` と \`maxUnavailable\` の制限は同じです。

ラベルに注目してください。古い ReplicaSet の **リビジョン** は 1 ではなく 3 になりました。ロールバックも新しいリビジョンとして記録されます。`,
  },
  history: {
    title: 'リビジョン履歴',
    goal: 'リビジョン履歴を表示した。',
    body: `\`kubectl rollout history\` は Deployment が覚えているリビジョンを一覧します。リビジョン 1 は一覧にありません。
そのテンプレートはリビジョン 3 として戻ってきたからです。\`CHANGE-CAUSE\` が \`<none>\` なのは、
\`kubernetes.io/change-cause\` アノテーションを誰も付けていないためです。

各リビジョンの実体は、レプリカ数 0 で残された古い ReplicaSet です（\`kubectl get rs\` で見られます）。
残す数の上限は \`spec.revisionHistoryLimit\`（既定 10）です。

これで Deployment の一生（作成・スケール・ロールアウト・ロールバック）をひと通り体験しました。`,
  },
};
