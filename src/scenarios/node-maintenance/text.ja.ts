import type { StepText } from '../schema.ts';

export const ja: Record<string, StepText> = {
  look: {
    title: 'ワーカー 2 台、Pod 4 つ',
    goal: 'ノードと、Pod を配置先ノード付きで一覧した。各ワーカーで web-deploy の Pod 2 つが準備完了（Ready）。',
    body: `どのノードにも、いつかはメンテナンスが必要になります。カーネルの更新、kubelet のバージョンアップ、
ディスクの交換などです。自己回復のチュートリアルではノードが予告なく消え、Kubernetes が対応するまでに 5 分以上
かかりました。今回は止めることが *前もって* わかっているので、先にノードから仕事を移せます。処理能力を落とさない、
正しい手順で進めましょう。

Deployment（デプロイメント）\`web-deploy\`（\`web-deploy.yaml\` の \`nginx:1.17\` の Pod 4 つ）はすでに動いています。
ノードを一覧し、次に Pod を \`-o wide\` 付きで表示して \`NODE\` 列を見てください。\`node1\` に 2 つ、\`node2\` に 2 つです。
まず \`node1\` をメンテナンスします。`,
  },
  cordon: {
    title: 'node1 を cordon する：新しい Pod を置かない',
    goal: 'node1 が cordon され（SchedulingDisabled）、その上の web-deploy の Pod 2 つは Ready のまま。',
    body: `**cordon（スケジュール不可にする）** は、ノードを新しい Pod の受け入れ停止にする操作です。\`kubectl cordon node1\`
は Node の \`spec.unschedulable\` を \`true\` にし、それに合わせてノードライフサイクルコントローラーが **テイント**
\`node.kubernetes.io/unschedulable:NoSchedule\` を付けます。

\`kubectl get nodes\` の表示は \`Ready,SchedulingDisabled\` になります。ノード自体は正常（\`Ready\`）で、スケジューラーの
候補から外れただけ（\`SchedulingDisabled\`）です。図では \`node1\` に斜線が入ります。

もう一度 Pod を見てください。\`node1\` の 2 つは \`Running\` のままです。cordon は **スケジューラー** への指示で、
スケジューラーが決めるのは *新しい* Pod の置き場所だけです。\`node1\` の kubelet は、今ある Pod を動かし続けます。`,
  },
  'drain-refused': {
    title: 'drain が断る：DaemonSet の Pod',
    goal: 'kubectl drain node1 を実行して断られ、web-deploy の Pod 2 つは node1 で動き続けている。',
    body: `**drain（Pod を退避させる）** はノードを空にする操作です。まずノードを cordon し（ここでは
\`already cordoned\`）、次にその上のすべての Pod を退避させます。\`kubectl drain node1\` を実行してエラーを読んでみましょう。
何も退避されず、終了ステータスは \`1\`、ノードは cordon されたままです。

\`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)\` には、作った覚えのない Pod が 2 つ
挙がっています。\`node1\` 上のものを全ネームスペースで一覧してみましょう（\`-A\` と \`--field-selector spec.nodeName=node1\`）。
\`web-deploy\` の Pod 2 つのほかに、\`kube-proxy\` と \`kube-flannel-ds\` があります。**DaemonSet** はこうした Pod を
ノードごとに 1 つずつ動かします。ここではノードの Service の転送と Pod のネットワークを担当しています。
これらを退避させても意味がありません。DaemonSet の Pod は \`unschedulable\` テイントを許容するので、すぐ同じノードに戻されます。

そこで drain は、始める *前に* すべての Pod を調べ、一つでもあなたの判断が必要なものがあれば止まります。
ほかには、\`emptyDir\` のデータを持つ Pod（\`--delete-emptydir-data\`）や、コントローラーのない単独の Pod（\`--force\`）
も同じ扱いです。消したら誰も作り直さないからです。`,
  },
  drain: {
    title: '--ignore-daemonsets を付けて node1 を drain する',
    goal: 'node1（cordon のまま）に web-deploy の Pod が残っておらず、node2 で Ready な Pod が 4 つ動いている。',
    body: `DaemonSet の Pod には手を付けないよう drain に伝えます。drain はそれらを \`Warning:\` で挙げてから、
自分たちの Pod ごとに \`evicting pod default/web-deploy-…\` と表示します。

**退避（eviction）** は単なる削除ではありません。drain は Pod の \`eviction\` サブリソースを通して API サーバーに
頼みます。API サーバーはまず、その Pod に関係する **PodDisruptionBudget** を確かめます（今はまだありません）。
許可されると Pod は通常の猶予期間で削除され、drain は Pod が消えるのを待ってから \`pod/… evicted\`、最後に
\`node/node1 drained\` と表示します（この行が出るまで次のコマンドは待ちましょう。新しいコマンドを実行すると、
まだ動いているコマンドは中断されます）。

Pod が引っ越すわけではありません。ReplicaSet（レプリカセット）が 2 つ足りないことに気づき、新しい Pod を 2 つ作ります。
名前も IP も新しくなります。スケジューラーは cordon された \`node1\` もコントロールプレーンも使えないので、
2 つとも \`node2\` に配置されます。drain が 2 つの Pod を同時に退避させたことに注目してください。数秒のあいだ、
4 つのうち 2 つしか動いていませんでした。これを覚えておきましょう。`,
  },
  uncordon: {
    title: 'メンテナンス完了：node1 を uncordon する',
    goal: 'node1 が再び Pod を受け入れるが、web-deploy の Pod 4 つは node2 に残っている。',
    body: `メンテナンスが終わったとしましょう。\`kubectl uncordon node1\` は \`spec.unschedulable\` を \`false\` に戻し、
テイントも外れて、\`kubectl get nodes\` はただの \`Ready\` になります。

Pod を見てください。4 つとも \`node2\` のままで、\`node1\` は空です。これはバグではありません。スケジューラーが
配置するのは、まだノードの決まっていない Pod だけです。一度ノードに割り当てられた Pod は、終わるまでそこに留まります。
Kubernetes は、ノード間の偏りを直すために動いている Pod を移すことはしません。\`node1\` が再び使われるのは、
新しい Pod が作られるときです（偏りを直すために Pod を退避させるアドオン *descheduler* もあります）。
最後に自分で偏りを直します。`,
  },
  pdb: {
    title: 'PodDisruptionBudget：3 つは動かしておく',
    goal: 'web-pdb ができ、許容される停止数（ALLOWED DISRUPTIONS）は 1（健全な Pod 4 つ、必要数 3）。',
    body: `\`node1\` の drain では、4 つのうち 2 つの Pod が同時に止まりました。**PodDisruptionBudget（PDB、停止可能数の予算）**
は、こうした計画的な停止に上限を設けます。\`web-pdb.yaml\` の意味は「ラベル \`app=web\` の Pod のうち、少なくとも
\`minAvailable: 3\` 個は利用可能のままにすること」です。

適用して \`kubectl get pdb\` を実行します。ディスラプションコントローラーの計算は次のとおりです。

- セレクターに合う Pod は 4 つで、健全（Ready で、削除中でない）なものも 4 つ。
- 健全なまま残すべき数は 3（\`MIN AVAILABLE\`）。
- よって \`ALLOWED DISRUPTIONS\` は 4 − 3 = **1**。

\`MAX UNAVAILABLE\` が \`N/A\` なのは、PDB には \`minAvailable\` と \`maxUnavailable\` のどちらか一方しか書けないからです。

PDB が制限するのは退避だけです。つまり \`kubectl drain\` や、ノードを減らすクラスターオートスケーラーが Eviction API
を通して頼むものです。\`kubectl delete pod\`、ノードの故障（自己回復のチュートリアル）、Deployment のロールアウト
（こちらは自分の \`maxUnavailable\` に従います）は止めません。`,
  },
  'drain-pdb': {
    title: '予算の下で node2 を drain する',
    goal: 'node2 の drain が終わり（cordon 済みで web-deploy の Pod なし）、node1 で Ready な Pod が 4 つ動いている。',
    body: `次は、4 つの Pod がすべて動いている \`node2\` のメンテナンスです。drain を実行して時間を進めてください。
\`node/node2 drained\` と表示されるまで、コンソールには触らないでください。新しいコマンドを実行すると、Ctrl-C と同じく
drain が中断されます（そうなったら drain をもう一度実行すれば、残りの Pod から続けます）。

drain は 4 つの退避を一度に頼みます。API サーバーは最初の 1 つを許可し（予算は 1 から 0 へ）、残り 3 つを
HTTP 429 Too Many Requests で断ります：\`Cannot evict pod as it would violate the pod's disruption budget.\`
これは失敗ではありません。drain は \`error when evicting pods/… (will retry after 5s)\` と表示して、5 秒後に
もう一度頼みます。

そのあいだに ReplicaSet が \`node1\` に代わりの Pod を作ります。それが Ready になると健全な Pod は再び 4 つになり、
停止が 1 つ許されて、次の再試行が通ります。こうして Pod は **1 つずつ**、約 5 秒ごとに退避し、動いている Pod が
3 つを下回ることはありません。図で \`node1\` が埋まっていく様子を見てください。

満たせない予算（たとえばレプリカ 4 で \`minAvailable: 4\`）では、drain はいつまでも再試行を続けます。
\`--timeout\` で上限を付けられます。`,
  },
  rebalance: {
    title: 'node2 を uncordon して偏りを直す',
    goal: '両方のノードが Pod を受け入れ、再起動後の web-deploy は各ノードで Ready な Pod を 2 つずつ動かしている。',
    body: `\`kubectl get pdb\` の許容停止数は 1 に戻っています。\`node1\` の新しい Pod 4 つがすべて健全だからです。
メンテナンスは終わりなので、\`node2\` を uncordon します。

いまは 4 つの Pod が 1 台のノードに集まっていて、\`node1\` を失えば全部が止まります。分散し直すには新しい Pod を
作ります。\`kubectl rollout restart\` はすべての Pod を入れ替える **ローリングアップデート** を始め、スケジューラーは
新しい Pod に空いている \`node2\` を優先します。\`kubectl rollout status\` で進み具合を追い、\`kubectl get po -o wide\`
で各ノードに 2 つずつになったことを確かめましょう（uncordon が先です。\`node2\` が cordon されたままだと、
新しい Pod はまたすべて \`node1\` に置かれます）。

ロールアウトは Eviction API を通らないので、\`web-pdb\` はそのペースを決めません。Deployment 自身が決めます。
\`maxUnavailable\`（4 の 25% = 1）と \`maxSurge\`（1）によって、途中もずっと 3 つ以上の Pod が利用可能です。
まとめると、PDB は *外からの計画的な停止* を、\`maxUnavailable\` は Deployment 自身の **ロールアウト** を守ります。`,
  },
};
