import type { StepText } from '../schema.ts';

export const ja: Record<string, StepText> = {
  create: {
    title: 'Pod は 1 つずつ',
    goal: 'StatefulSet web が Ready な Pod を 2 つ（web-0 と web-1）動かしています。',
    body: `Deployment は Pod を取り替えのきくものとして扱います。名前はランダムで、作る順も消す順も決まっていません。
それでは困る処理もあります。たとえばデータベースのレプリカは、自分が *どの* メンバーなのかを知り、再起動しても
自分のデータに戻れなければなりません。そのための仕組みが **StatefulSet** です。

\`web.yaml\` には 2 つのオブジェクトがあります。1 つは **headless Service** \`nginx\`（\`clusterIP: None\`：仮想 IP
を持たず、Pod ごとの DNS 名だけを公開します）。もう 1 つは \`nginx-slim\` を 2 レプリカ動かす StatefulSet \`web\` で、
\`volumeClaimTemplates\` によって **Pod ごとに** 1Gi のボリューム \`www\` を要求します。

適用して Pod を監視してください（\`-w\` は変化を表示し続けます。次のコマンドを実行すると止まります）。既定の
\`podManagementPolicy: OrderedReady\` では、コントローラーはまず \`web-0\` を作り、それが Running **かつ Ready** に
なってから \`web-1\` を作ります。名前にも注目してください。ランダムな接尾辞ではなく、StatefulSet 名と **序数**
（0, 1, …）です。`,
  },
  identity: {
    title: '変わらない名前',
    goal: 'Pod、headless Service nginx、web-0 のホスト名を確認しました。',
    body: `StatefulSet の Pod には、序数から決まる固定の識別子があります。

- **名前**：\`web-0\`、\`web-1\`。
- **ホスト名**：名前と同じです。さらに Service 名が **サブドメイン** になります（\`.spec.hostname\` と
  \`.spec.subdomain\`）。そのためクラスターの DNS では、どのノードで動いても、IP が変わっても、
  \`web-0.nginx\` は常に序数 0 の Pod を指します。

\`kubectl get service nginx\` の \`CLUSTER-IP\` は \`None\` です。headless Service は負荷分散をせず、Pod ごとの
名前を公開するだけです。（元のチュートリアルではテスト用 Pod から \`nslookup\` で確かめますが、このシミュレーター
は DNS の問い合わせを実行しないので、ここではフィールドを読んで確かめます。）`,
  },
  storage: {
    title: 'Pod ごとに 1 つの要求',
    goal: '2 つの要求 www-web-0 と www-web-1 が Bound です。',
    body: `コントローラーは Pod ごとに、テンプレートから **PersistentVolumeClaim** を作りました。名前は
\`<テンプレート名>-<Pod 名>\` で、\`www-web-0\`、\`www-web-1\` です。Pod がマウントするのは自分の要求だけで、
ほかの Pod のものは使いません。

ディスクを用意したのは誰でしょう。クラスター既定の **StorageClass** \`standard\`（kind に入っている local-path
プロビジョナー）が、必要に応じて **PersistentVolume** \`pvc-<uid>\` を作ります。\`VOLUMEBINDINGMODE\` は
\`WaitForFirstConsumer\` です。要求は、それを使う最初の Pod のノードをスケジューラーが決めるまで \`Pending\` の
ままで、決まると **そのノードに** ボリュームが作られ、結び付けられます。\`kubectl get pv\` で各ボリュームと、
それがどの要求のものかが分かります。`,
  },
  recreate: {
    title: 'Pod を消す：同じ名前、同じディスク',
    goal: '削除の後、web-0 と web-1 が戻って Ready です。',
    body: `両方の Pod を削除して監視します。コントローラーは **同じ名前で** 作り直し、順番もまた守ります。まず
\`web-0\`、それが Ready になってから \`web-1\` です。

新しい Pod は自分の序数の要求（\`web-0\` なら \`www-web-0\`）をマウントするので、前の Pod が
\`/usr/share/nginx/html\` に書いたものはそのまま残っています。ローカルのボリュームは 1 つのノードにあるので、
スケジューラーは新しい Pod もそのノードに置かなければなりません（ボリュームのノードアフィニティ）。
\`-o wide\` で見ると、前と同じノードです。`,
  },
  'scale-up': {
    title: '序数に沿ってスケールアップ',
    goal: 'web が Ready な Pod を 5 つ（web-0〜web-4）動かし、どれも要求が Bound です。',
    body: `\`kubectl scale sts web --replicas=5\` は序数 2、3、4 を加えます。これも 1 つずつで、前の Pod が Ready に
なるのを待ちます。新しい Pod にはテンプレートから新しい要求（\`www-web-2\` …）が作られ、Pod がスケジュール
されたときにボリュームが用意されます。

順番に作るので Deployment よりスケールは遅くなりますが、それは意図したものです。各メンバーは、自分より小さい
序数のメンバーがすべて動いていると当てにできます。`,
  },
  'scale-down': {
    title: 'スケールダウン：Pod は消え、要求は残る',
    goal: 'web が Ready な Pod 3 つに戻り、5 つの要求はすべて Bound のままです。',
    body: `\`spec.replicas\` を patch してスケールダウンします。コントローラーは **最大の序数から** 消します。まず
\`web-4\` を消し、それがなくなるのを待ってから \`web-3\` を消します。

要求を一覧すると、5 つとも残っていて \`Bound\` です。既定
（\`persistentVolumeClaimRetentionPolicy: whenScaled: Retain\`）では、StatefulSet が自分からデータを消すことは
ありません。もう一度スケールアップすると、\`web-3\` は中身ごと \`www-web-3\` を取り戻します。`,
  },
  'rolling-update': {
    title: 'ローリングアップデートは最大の序数から',
    goal: '3 つの Pod すべてが nginx-slim:0.7 で動き、更新リビジョンが現行リビジョンになりました。',
    body: `JSON patch でイメージを変えます。既定の \`updateStrategy: RollingUpdate\` では、コントローラーは Pod を
**逆順に** 置き換えます。\`web-2\`、\`web-1\`、\`web-0\` の順に、Pod を削除し、新しいテンプレートで作り直し、
Running かつ Ready になるのを待ちます。

裏では、テンプレートの版ごとに **ControllerRevision** があります。\`status.currentRevision\` は最も古い Pod の
リビジョン、\`status.updateRevision\` は展開中のリビジョンで、Pod は \`controller-revision-hash\` ラベルで
自分のリビジョンを示します。\`kubectl rollout status sts/web\` は 2 つがそろうまで待ちます。`,
  },
  canary: {
    title: 'partition でカナリア',
    goal: 'web-2 だけが nginx-slim:0.8 で、web-0 と web-1 は 0.7 のままです。',
    body: `\`rollingUpdate.partition\` は境界を決めます。更新されるのは、序数が partition **以上** の Pod だけです。
\`partition: 2\` にしてイメージを変えると、\`web-2\` だけが変わります。これが **カナリア** です。ほかの Pod は
古いテンプレートのままで、\`web-1\` を削除しても古いテンプレートで戻ってきます。

\`kubectl rollout status\` は \`partitioned roll out complete: 1 new pods have been updated\` と報告します。
展開を最後まで進めるには、partition を段階的に下げる（段階的ロールアウト）か、0 に戻します。`,
  },
};
