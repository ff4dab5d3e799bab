import type { StepText } from '../schema.ts';

export const ja: Record<string, StepText> = {
  look: {
    title: 'Pod はどこで動いている？',
    goal: 'ノードと、Pod を配置先ノード付きで一覧した。node2 で web-deploy の Pod 2 つが準備完了（Ready）。',
    body: `**自己回復** とは、頼んだとおりの状態にクラスターが自分で戻すことです。Deployment（デプロイメント）
\`web-deploy\`（\`web-deploy.yaml\` の \`nginx:1.17\` の Pod 4 つ）はすでに動いています。その下のノードを壊して、
Kubernetes が何をするか、そして何を *しないか* を見ていきましょう。

まずノードを、次に Pod を \`-o wide\` 付きで表示します。\`-o wide\` を付けると \`IP\` と \`NODE\` の列が増えます。
スケジューラーは 4 つの Pod を 2 台の **ワーカーノード** に分けて配置しました。\`node1\` に 2 つ、\`node2\` に 2 つです。`,
  },
  'power-off': {
    title: 'node2 の電源を切る',
    goal: 'node2 が NotReady になった。',
    body: `\`node2\` の電源を切ります。\`sim node stop node2\` は、シミュレーターで電源プラグを抜く操作の代わりです
（元の記事では \`vagrant halt node2\`）。ノードの kubelet が止まり、コンテナも止まり、**コントロールプレーン** との通信も途絶えます。

すぐに \`kubectl get nodes\` を実行してみてください。\`node2\` はまだ \`Ready\` です。API サーバーには誰も何も
知らせていません。コントロールプレーンにわかるのは、連絡が *来なくなった* ことだけです。

- 正常な kubelet は約 10 秒ごとに自分の **Lease** を更新します。
- \`kube-controller-manager\` の中のノードライフサイクルコントローラーは 5 秒ごとに確認します（\`--node-monitor-period\`）。
- ノードからの連絡が \`--node-monitor-grace-period\` より長く途絶えると（**v1.32 以降は 50 秒**。それより前は 40 秒で、
  元の記事の v1.14 クラスターもこちら）、ノードの \`Ready\` 状態を \`Unknown\` にします。すると \`kubectl get nodes\` に
  \`NotReady\` と表示されます。

チェックが点くまで時間を進め（速度を上げても構いません）、もう一度 \`kubectl get nodes\` を実行しましょう。`,
  },
  'not-ready': {
    title: 'NotReady：切り離されたが、まだ置き換えられない',
    goal: 'node2 が NotReady で、その上の Pod 2 つが Ready でなくなり、web-deploy の準備完了 Pod は 2 つ。',
    body: `\`node2\` が \`NotReady\` になった瞬間、ノードライフサイクルコントローラーは次の 3 つを行いました。

1. ノードに 2 つの **テイント** を付けました。\`node.kubernetes.io/unreachable:NoSchedule\`（新しい Pod を置かない）と
   \`node.kubernetes.io/unreachable:NoExecute\`（これを許容しない Pod は出ていく）です。\`kubectl describe node node2\`
   で確認でき、Conditions は \`Unknown\`（\`Kubelet stopped posting node status.\`）になっています。
2. \`node2\` 上のすべての Pod の \`Ready\` 状態を \`False\` にしました。Service はそれらに通信を送らなくなり、
   Deployment は \`READY 2/4\`、\`AVAILABLE 2\` と表示します。
3. それ以外は何もしません。\`kubectl get po -o wide\` を見てください。\`node2\` の Pod 2 つは \`1/1 Running\` のままです。
   この列はコンテナが最後に報告した状態で、更新できるのは node2 の kubelet だけですが、それは止まっています。

なぜまだ代わりの Pod ができないのでしょう。ReplicaSet（レプリカセット）は、存在していて削除中でない Pod を
Ready かどうかに関係なく数えます。この 2 つはまだ存在しています。コントロールプレーンから見ると、黙ったノードは
止まっているのかもしれないし、ネットワークが切れただけで Pod は動き続けているのかもしれません。だから Kubernetes は、
見切りをつける前にしばらく待ちます。`,
  },
  evicted: {
    title: '5 分後：退避と代わりの Pod',
    goal: 'node2 の Pod 2 つが Terminating になり、node1 で Ready な Pod が 4 つ動いている。',
    body: `「しばらく」とはどれくらいでしょう。どの Pod にも、自分では書いていない **許容（toleration）** が 2 つ付いています。
\`node.kubernetes.io/not-ready:NoExecute\` と \`node.kubernetes.io/unreachable:NoExecute\` で、どちらも \`for 300s\` です。
Pod が作られるときに \`DefaultTolerationSeconds\` アドミッションプラグインが追加します（\`kubectl describe pod\` の
\`Tolerations\` に出ます）。\`tolerationSeconds\` 付きの許容は「このテイントのあるノードに、この時間までは居てよい」という意味です。

そのため **テイントが付いてから 300 秒後**、電源を切ってから約 6 分後に、テイント退避コントローラーがこの 2 つの Pod を
削除します（**退避（eviction）**）。\`TaintManagerEviction\` イベントに \`Marking for deletion Pod …\` と記録されます。
ここで ReplicaSet はこれらを数えなくなり、すぐに新しい Pod を 2 つ作ります。スケジューラーは \`node2\`（\`NoSchedule\` テイント）
もコントロールプレーン（専用のテイント）も使えないので、2 つとも \`node1\` に配置されます。

さらに 5 分ほど時間を進めて（32× なら短時間です）もう一度見てみましょう。古い Pod は \`Terminating\`、新しい Pod は
\`node1\` で \`Running\`、Deployment は \`4/4\` に戻っています。

元の記事の筆者はここで \`Unknown\` になると予想して、\`Terminating\` を見ました。\`Unknown\` は古いクラスター（おおよそ v1.13 より前）
のもので、ノードコントローラー自身が失われたノードの Pod を削除し \`NodeLost\` と印を付けていました。テイントによる退避に
なってからは、削除された Pod は \`Terminating\` と表示されます。`,
  },
  'power-on': {
    title: 'なぜ Terminating のままなのか ― node2 の電源を入れる',
    goal: 'node2 が Ready になり、web-deploy の Pod が node2 に残っておらず、web-deploy は 4/4。',
    body: `古い 2 つの Pod は、いつまでも \`Terminating\` のままになり得ます。Pod の削除は 2 段階です。API サーバーが
\`deletionTimestamp\` を付け（これが \`Terminating\` の意味です）、次に **その Pod のノードの kubelet** がコンテナを止めて
オブジェクトを最終的に消します。node2 の kubelet は止まっているので、コンテナが本当に止まったと確認できる者がいません。
同じ Pod が 2 つ同時に動くほうが、ないよりも悪いことがあるので、Kubernetes は止まったことにはしません。
（ノードが本当に止まっていると *知っている* 管理者は、それを伝えられます。Node オブジェクトを削除する、Pod を強制削除する、
\`node.kubernetes.io/out-of-service\` テイントを付ける、のいずれかです。）

\`sim node start node2\` で \`node2\` の電源を入れます（元の記事では \`vagrant up node2\`）。kubelet が再び \`Ready\` を報告し、
コントローラーがテイントを外し、kubelet は途中だった削除を終わらせます。\`Terminating\` の Pod は消えます。

もう一つ注目してください。4 つの Pod はすべて \`node1\` に残ります。自己回復が戻すのは **数** であって、ノード間の偏りを
直すために Pod を移しはしません。\`node2\` が再び使われるのは、次の **ロールアウト** などで新しい Pod が作られるときです。`,
  },
};
