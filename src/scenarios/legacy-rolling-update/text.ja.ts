import type { StepText } from '../schema.ts';

export const ja: Record<string, StepText> = {
  look: {
    title: 'ReplicationController と Service',
    goal: 'ReplicationController を一覧しました。api-rc は node-api:1.0.0 の Pod を 3 つ Ready で動かしています。',
    body: `このチュートリアルは Deployment がまだ無かった Kubernetes 1.1（2016 年）の世界に戻ります。決まった数の
Pod を動かし続ける役目は **ReplicationController**（RC、短縮名 \`rc\`）が担っていました。中身は、望む数・ラベルの
**セレクター**・Pod のテンプレートの 3 つです。今の API にも残っていますが、入れ替えを自動でやってくれる仕組みは
ありません。

\`api-rc.json\` は小さな Node.js 製 API の Pod を 3 つ求め、どの Pod にも \`name=api-pods\` というラベルを付けます。
Service \`api-srv\`（\`api-srv.json\`、タイプは \`LoadBalancer\`）は、このラベルを持つすべての Pod にポート 3000 の
通信を振り分けます。どちらも作成済みです。

\`kubectl get rc\` を実行すると、\`DESIRED\`・\`CURRENT\`・\`READY\` がどれも 3 です。\`kubectl get pods -L name\` は
ラベルを列として表示します。Service の \`EXTERNAL-IP\` は \`<pending>\` のままです。このシミュレーターにはクラウドの
ロードバランサーが無いためですが、クラスターの中では Service はふつうに働きます。`,
  },
  image: {
    title: 'kubectl rolling-update --image',
    goal: 'api-rc が node-api:1.0.1 の Pod を 3 つ Ready で動かし、一時的な RC は消えました。',
    body: `RC は動いている Pod を作り替えません。テンプレートを書き換えても、新しいテンプレートを使うのはその後に作られる
Pod だけです。そこで入れ替えは kubectl 自身が、あなたの端末から行っていました。
\`kubectl rolling-update api-rc --image=…\` の動きは次のとおりです。

1. \`api-rc\` を写して新しいイメージの **新しい RC** \`api-rc-<ハッシュ>\` を作り、そのセレクターとテンプレートに
   \`deployment=<ハッシュ>\` ラベルを足します。新旧の Pod を見分けるためで、先に古い RC にも自分のハッシュで
   同じラベルが付きます。
2. 新しい RC を **1 つ増やし**、古い RC を **1 つ減らす**、を繰り返します。使える Pod は常に 3 つ以上、合計は 4 つ
   以下です（\`keep 3 pods available, don't exceed 4 pods\`）。
3. 各段階の前に、新しい Pod が **available** になるのを待ちます（3 秒ごとに確認し、段階の間は
   \`--update-period\` の 1 分待ちます）。
4. 古い RC を削除し、新しい RC を \`api-rc\` という名前に **戻します**（元の名前でコピーを作り、一時的な方を
   削除します）。

最初に警告が出ます。このコマンドは **非推奨** になり、kubectl 1.18 で削除されました。シミュレーターは最後の版の
動きを再現しています。更新全体でクラスターの時間が 3 分以上かかるので、待ちたくなければ速度を上げてください
（たとえば 32×）。実行中は図を見てください。Pod はずっと \`name=api-pods\` ラベルを持っているので、
\`api-srv\` には常に通信を送れる Pod があります。\`rolling updated\` と表示されるまで、次のコマンドは待ってください。`,
  },
  sidecar: {
    title: '1 つの Pod に 2 つのコンテナ',
    goal: 'api-rc が Pod あたり 2 コンテナ（node-api 1.0.0 と fluentd）で作り直され、Pod 3 つが Ready です。',
    body: `1 つの Pod には、ネットワークを共有する複数のコンテナを入れられます。ここでは API の隣にログ収集の
\`fluentd\` を置き、\`localhost:24224\` で届くようにします。\`api-rc-multi.json\` がその Pod を表します。

きれいな状態から始めるため、RC を削除し（Pod も一緒に消えます。削除は連鎖します）、2 コンテナ版を作ります。
本番なら停止が起きる操作ですが、次の問いに最短でたどり着くための手順です。その問いとは、2 つのうち **1 つ**
のイメージだけを更新するにはどうするか、です。`,
  },
  'same-name': {
    title: '拒否その 1：同じ名前',
    goal: '-f を付けて rolling-update を実行し、拒否されました。api-rc は変わっていません。',
    body: `コンテナが 2 つあると、\`--image\` だけでは断られます（\`must specify container to update\`）。どちらの
イメージのことか kubectl には分からないからです。ここで再現している kubectl にはそのための \`--container\` が
ありますが、元のノートの 1.1 にはありませんでした。一般的な方法は、**新しい RC** 全体をファイルか標準入力
（\`-f -\`）で rolling-update に渡すことです。\`api-rc-multi-1.0.1.json\` は \`node-api:1.0.1\` にした
\`api-rc\` です。

何も変える前に拒否されます：\`- cannot have the same name as the existing ReplicationController api-rc\`
（先頭の \`-\` はファイル名、つまり標準入力です）。更新の間は新旧 2 つの RC が並んで存在するので、同じ名前には
できません。\`--image\` のときは kubectl が一時的な名前を自分で付けていましたが、ファイルで渡すと新しい RC の
名前は書かれたとおりです。`,
  },
  selector: {
    title: '拒否その 2：新旧を見分けられない',
    goal: 'api-rc-v2.json も拒否され、api-rc-v2 は作られていません。',
    body: `\`api-rc-v2.json\` は名前を \`api-rc-v2\` に変えたものです。今度のエラーは読み解きにくいものです：
\`must specify a matching key with non-equal value in Selector\`。

2 つの RC がそれぞれ何を数えるか考えてみましょう。どちらも \`name=api-pods\` を選ぶので、相手の Pod も自分の
Pod に見えます。新しい RC が Pod を作るそばから、古い RC がそれを削除してしまいます。そこで kubectl は、新しい
セレクターが **古いセレクターと同じキーを持ち、値が異なる** ことを求めます。すぐ思いつくのは \`name\` ですが、これは
\`api-srv\` が選んでいるラベルでもあります。変えてしまうと、Service から新しい Pod に通信が届かなくなります。`,
  },
  versioned: {
    title: '先回り：version ラベル',
    goal: 'api-rc が api-rc-1453323827 に置き換わり、その Pod 3 つが version=1453323827 を持って Ready です。',
    body: `解決策は、RC を **作るとき** から更新に備えておくことです。\`api-rc-1453323827.json\` はセレクターと Pod
テンプレートに 2 つ目のラベル \`version\` を足し、同じ値（書いた時点の Unix 時刻）を RC の名前にも入れています。

Service が選ぶのは \`name=api-pods\` だけなので、version の違いは気にしません。RC を置き換え（さっきと同じ短い
停止を、この 1 回だけ）、\`-L version\` で Pod を一覧してください。`,
  },
  'versioned-update': {
    title: 'version 付きの更新',
    goal: 'RC が 1 つだけ残り、新しい version ラベルを持つ node-api:1.0.1 の Pod 3 つが Ready です。',
    body: `これで、どの更新も同じ手順で、スクリプトのように行えます。

1. 今の RC の名前を \`kubectl get rc | grep '^api-rc' | cut -d ' ' -f 1\` で調べる。
2. 今の Unix 時刻 \`date +'%s'\` を新しい version にする。
3. 新しい RC を **ヒアドキュメント** で \`kubectl rolling-update … -f -\` に渡す。中の \`\${CURRENT_UNIXTIME}\` は
   シェルが展開するので、名前・セレクター・ラベルがそろって新しい version になります。

セレクターは \`version\` で異なり、名前も異なり、Service は \`name\` で新旧どちらの Pod も選び続けます。
rolling-update は新しい RC を増やし古い RC を減らし、最後に古い RC を削除します。\`maxSurge\` 1・
\`maxUnavailable\` 0 なので、応答できる Pod が常にあります。\`kubectl describe svc api-srv\` で通信先の
Endpoints を確かめられます。

最後の数行を読んでください：\`Renaming api-rc-<時刻> to api-rc-1453323827\`。古いコントローラーの名前だけを
指定すると、ここで再現している kubectl 1.17 は \`--image\` のときと同じく **新しい RC を古い名前に戻します**。
元のノートの 1.1 では新しい名前のままでした。Pod には新しい \`version\` が付いているので、この手順は次の更新でも
そのまま使えます。新しい名前を残したいときは、\`kubectl rolling-update 古い名前 新しい名前 -f -\` のように両方を
指定します。

今はこれをすべて **Deployment** がサーバー側で行い、端末を開いたままにしておく必要もありません。Deployment は
テンプレートごとに ReplicaSet を作り、\`pod-template-hash\` ラベル（\`version\` と同じ考え方）を付けます。
\`rolling-update\` の後継は \`kubectl rollout\` です。Deployment のチュートリアルで確かめられます。`,
  },
};
