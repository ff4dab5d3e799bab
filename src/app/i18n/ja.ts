// 日本語の UI 文字列。キーは en.ts と一致させる（i18n.test.ts で確認）。
import type { Resources } from './en.ts';

export const ja: Resources = {
  app: {
    name: 'Rollout Lab',
    tagline: 'ブラウザの中の Kubernetes クラスター',
    loading: 'クラスターを起動しています…',
  },
  topbar: {
    highContrast: 'ハイコントラスト',
    scenario: 'シナリオ',
    language: '言語',
    help: 'キーボード操作',
  },
  time: {
    controls: '時間の操作',
    play: '再生',
    pause: '一時停止',
    step: '次のイベントまで進める',
    stepShort: 'ステップ',
    speed: '速度',
    clock: 'クラスター起動からの仮想時間',
    paused: '停止中',
    stepBack: '一つ前の変化まで戻る',
    timeline: 'タイムライン：ドラッグで巻き戻し・再生',
    timelineValue: '{{clock}}（最後は {{end}}）',
    rewound: '巻き戻し中',
  },
  timeJump: {
    back: '{{clock}} まで巻き戻しました',
    forward: '{{clock}} まで進めました',
    at: '{{clock}} の時点です',
    stepped: '次の変化（{{clock}}）まで進めました',
    quiet: '{{clock}} まで進めました。見た目の変化はありません。',
    idle: 'この先 1 分間は何も起きません（{{clock}} のまま）。',
    line: '{{jump}}。{{detail}}。',
    separator: '、',
    ready: 'Pod は {{total}} 個中 {{ready}} 個が準備完了（Ready）',
    noPods: 'Pod はありません',
    node: 'ノード {{name}}：{{status}}',
    podCreated: 'Pod {{name}} が作成された',
    podsCreated: 'Pod {{count}} 個が作成された',
    podReady: 'Pod {{name}} が準備完了（Ready）になった',
    podsReady: 'Pod {{count}} 個が準備完了（Ready）になった',
    podNotReady: 'Pod {{name}} が準備完了（Ready）ではなくなった',
    podsNotReady: 'Pod {{count}} 個が準備完了（Ready）ではなくなった',
    podStatus: 'Pod {{name}} が {{status}} になった',
    podsStatus: 'Pod {{count}} 個が {{status}} になった',
    podGone: 'Pod {{name}} が削除された',
    podsGone: 'Pod {{count}} 個が削除された',
    more: 'ほか {{count}} 件',
  },
  tutorial: {
    region: 'チュートリアル',
    stepOf: 'ステップ {{n}} / {{total}}',
    tryIt: 'コマンド',
    run: '実行',
    runCommand: '実行：{{command}}',
    goal: '目標',
    reached: '達成',
    notYet: '未達成',
    back: '戻る',
    next: '次へ',
    catchingUp: 'これまでのステップを再現しています…',
    finished: 'このシナリオを完了しました。',
    restart: '最初からやり直す',
  },
  console: {
    region: 'コンソール',
    input: 'コマンド',
    placeholder: 'コマンドを入力（例：kubectl get pods）',
    hint: 'Enter で実行 · ↑/↓ で履歴 · Ctrl-C で中断 · / でここへ移動',
    running: '実行中 — Ctrl-C で中断',
    interrupt: '中断（Ctrl-C）',
    clear: 'クリア',
    continuation: '続きの入力が必要です（ヒアドキュメント）',
    internalError: '内部エラー：{{message}}',
  },
  cluster: {
    region: 'クラスター',
    title: 'クラスターの図',
    desc: '上に Deployment と ReplicaSet、下にノードとその中の Pod を表示します。Pod の色とラベルはリビジョン、枠線とアイコンは状態を表します。',
    tableCaption: 'クラスターの表',
    summary: 'ノード {{nodes}} 台、Pod {{pods}} 個',
    colKind: '種類',
    colName: '名前',
    colStatus: '状態',
    colNode: 'ノード',
    colRevision: 'リビジョン',
    colRevisionRc: 'リビジョン / RC',
    colReady: '準備完了',
    legend: '凡例',
    legendPending: 'Pending（配置待ち）',
    legendCreating: 'ContainerCreating（作成中）',
    legendRunning: 'Running（準備未完了）',
    legendReady: 'Ready（準備完了）',
    legendTerminating: 'Terminating（終了中）',
    legendPullError: 'イメージ取得エラー',
    legendCrash: 'エラー / CrashLoopBackOff（再起動待ち）',
    legendDone: 'Completed（終了済み）',
    legendUnknown: 'Unknown（状態不明）',
    legendRc: 'ReplicationController（作成順の番号）',
    descRc:
      '上に Deployment・ReplicaSet・ReplicationController、下にノードとその中の Pod を表示します。Pod の色とラベルは ReplicaSet のリビジョン（r2）または ReplicationController（作成順に rc1、rc2）、枠線とアイコンは状態を表します。',
  },
  announce: {
    rs: 'ReplicaSet {{name}}（リビジョン {{revision}}）：{{desired}} 個中 {{ready}} 個が Ready。',
    rolloutDone: 'Deployment {{name}}：{{replicas}} 個の Pod すべてが更新され、利用可能です。',
    node: 'ノード {{name}} が {{status}} になりました。',
    pods: '{{name}} の Pod {{count}} 個が終了中です。',
    rc: 'ReplicationController {{name}}（{{badge}}）：{{desired}} 個中 {{ready}} 個が Ready。',
    rcCreated: 'ReplicationController {{name}}（{{badge}}）が作成されました。',
    rcDeleted: 'ReplicationController {{name}} が削除されました。',
    rcBadge: 'ReplicationController {{name}} とその Pod のラベルは {{badge}} になりました。',
  },
  inspector: {
    region: 'インスペクター',
    title: 'kubectl describe {{kind}} {{name}}',
    close: '閉じる',
    gone: 'このオブジェクトはもう存在しません。',
    unavailable: 'describe はまだ使えません。',
    stopNode: 'ノードを停止',
    startNode: 'ノードを起動',
    cordonNode: 'cordon（スケジュール不可に）',
    uncordonNode: 'uncordon（スケジュール可に）',
    drainNode: 'drain（Pod を退避）',
  },
  view: {
    deploymentTitle: 'Deployment {{name}}',
    deploymentReplicas: 'レプリカ数 {{replicas}} · {{image}}',
    surge: 'maxSurge {{spec}} → Pod は最大 {{max}} 個',
    unavailable: 'maxUnavailable {{spec}} → 利用可能 {{min}} 個以上',
    strategy: '戦略 {{strategy}}',
    deploymentStatus: '更新済み {{updated}} · 利用可能 {{available}}',
    rsCounts: '希望 {{desired}} · 現在 {{current}} · Ready {{ready}}',
    desired: '希望',
    current: '現在',
    ready: 'Ready',
    waiting: '未配置',
    waitingCount: '{{count}} 個待機中',
    otherPods: '他の名前空間の Pod +{{count}}',
    rcTitle: 'ReplicationController {{name}}（{{badge}}）',
    rcSelector: 'セレクター {{selector}}',
    rcSummary:
      'ReplicationController {{name}}（{{badge}}）：{{counts}}。イメージ {{image}}、セレクター {{selector}}。',
    rcPodOwner: '管理元：ReplicationController {{name}}（{{badge}}）',
  },
  pdb: {
    title: 'PDB {{name}}',
    healthy: '正常 {{healthy}} / 必要 {{needed}}',
    allowed: '停止可能数 {{allowed}}',
    summary:
      'PodDisruptionBudget（PDB、停止可能数の予算）{{name}}：{{rule}}。正常な Pod {{healthy}} / {{expected}}、必要 {{needed}}、停止可能数 {{allowed}}。',
    blocked: '今は Pod を退避できません。別の Pod が正常になるまで退避は拒否されます。',
  },
  tabs: {
    label: '詳細',
    guardrail: 'ガードレール',
    events: 'イベント',
    services: 'Service',
    hide: '閉じる',
  },
  guardrail: {
    title: 'Deployment {{name}} のレプリカ数の推移（仮想時間）',
    none: 'まだ Deployment がありません。作成するとここに Pod 数が表示されます。',
    total: 'Pod（合計）',
    available: '利用可能',
    updated: '更新済み',
    desired: '希望数 r{{revision}}',
    ceiling: '上限 {{replicas}} + ⌈{{surge}}⌉ = {{max}}',
    floor: '下限 {{replicas}} − ⌊{{unavailable}}⌋ = {{min}}',
    summary:
      '{{clock}}：Pod {{total}} 個、利用可能 {{available}}、更新済み {{updated}}。許される範囲は利用可能 {{min}} 以上、Pod {{max}} 以下。',
    axisTime: '仮想時間',
    axisPods: 'Pod',
  },
  events: {
    filter: 'イベントを絞り込む',
    filterPlaceholder: '絞り込み：理由・オブジェクト・メッセージ',
    warningsOnly: 'Warning のみ',
    lastSeen: 'LAST SEEN',
    type: 'TYPE',
    reason: 'REASON',
    object: 'OBJECT',
    message: 'MESSAGE',
    none: 'まだイベントはありません。',
    why: 'なぜ？',
    whyTitle: '{{controller}} がこうした理由',
    seek: '{{clock}} へ移動',
    more: '古いイベント {{count}} 件は省略',
  },
  why: {
    upstream: '上流の関数：{{fn}}',
    rules: {
      deployment_paused: 'Deployment が一時停止中 → レプリカ数を合わせるだけで、ロールアウトはしません。',
      sync_scalingEvent:
        'Deployment の replicas は {{replicas}}、ReplicaSet {{replicaSet}} は {{desiredReplicasAnnotation}} 用の大きさ → スケールのイベント：新しいリビジョンは作らず大きさだけ変えます。',
      sync_newReplicaSetCreated:
        'Pod テンプレートが変わった（ハッシュ {{podTemplateHash}}）→ ReplicaSet {{replicaSet}} をリビジョン {{revision}} として作成。maxTotalPods = {{replicas}} + {{maxSurgeExpr}} = {{maxTotalPods}}、Pod は {{currentPodCount}} 個 → {{newReplicasCount}} 個から始めます。',
      sync_newReplicaSetRevision:
        'ReplicaSet {{replicaSet}} が再び Pod テンプレートと一致（ロールバック）→ リビジョンを {{oldRevision}} から {{newRevision}} に。',
      sync_hashCollision:
        '同じテンプレートハッシュで別のテンプレートの ReplicaSet がある → collisionCount {{oldCollisionCount}} → {{newCollisionCount}}。',
      sync_scaleActiveOrLatest:
        '動いている ReplicaSet は {{replicaSet}} だけ → Deployment の {{replicas}} レプリカにします（これまで {{current}}）。',
      sync_scaleDownOldSaturated:
        '新しい ReplicaSet {{newReplicaSet}} の {{replicas}} レプリカがすべて利用可能 → 古い ReplicaSet {{replicaSet}} を 0 に。',
      sync_proportionalScale:
        'ロールアウト中に大きさが変わった：許容数 = {{replicas}} + {{maxSurge}} = {{allowedSize}}、ReplicaSet の合計は {{allRSsReplicas}} → {{deploymentReplicasToAdd}} を比例配分。{{replicaSet}}：{{current}} → {{newSize}}。',
      sync_cleanupDeployment:
        '古い ReplicaSet が revisionHistoryLimit {{revisionHistoryLimit}} より多い → {{replicaSet}}（リビジョン {{revision}}）を削除。',
      rolling_scaleUpNew:
        'maxTotalPods = {{replicas}} + {{maxSurgeExpr}} = {{maxTotalPods}}、Pod は {{currentPodCount}} 個 → 新しい ReplicaSet {{replicaSet}} を {{delta}} 増やす（{{newRSReplicas}} → {{newReplicasCount}}）。',
      rolling_newAtMaxSurge:
        'maxTotalPods = {{replicas}} + {{maxSurgeExpr}} = {{maxTotalPods}}、Pod は {{currentPodCount}} 個 → 新しい ReplicaSet {{replicaSet}} は {{newRSReplicas}} のまま待ちます。',
      rolling_scaleDownNewToReplicas:
        '新しい ReplicaSet {{replicaSet}} は {{newRSReplicas}}、Deployment の希望は {{replicas}} → {{replicas}} に減らします。',
      rolling_oldBlockedByUnavailable:
        'maxScaledDown = 全 Pod {{allPodsCount}} − minAvailable {{minAvailable}} − まだ利用可能でない新 Pod {{newRSUnavailablePodCount}} = {{maxScaledDown}} → 古い Pod はまだ減らせません。',
      rolling_cleanupUnhealthy:
        '古い ReplicaSet {{replicaSet}} は {{specReplicas}} レプリカで利用可能は {{availableReplicas}} → 不健全なものから先に {{scaledDownCount}} 減らします。',
      rolling_oldAtMinAvailable:
        '利用可能な Pod は {{availablePodCount}} で minAvailable {{minAvailable}} を超えない → 古い Pod を減らすのを待ちます。',
      rolling_scaleDownOld:
        'minAvailable = {{replicas}} − {{maxUnavailableExpr}} = {{minAvailable}}、利用可能な Pod は {{availablePodCount}} → {{totalScaleDownCount}} 減らせる。古い ReplicaSet {{replicaSet}} を {{scaleDownCount}} 減らします。',
      recreate_scaleDownOld:
        'Recreate：まず古い Pod をすべて消す → {{replicaSet}} を {{current}} から 0 に。',
      recreate_waitOldPods:
        'Recreate：古い Pod がまだ {{oldReplicas}} 個ある → 新しい Pod を作るのを待ちます。',
      recreate_scaleUpNew:
        'Recreate：古い Pod がなくなった → {{replicaSet}} を {{current}} から {{replicas}} に。',
      progress_paused: 'Deployment が一時停止された → 進捗の期限は測りません。',
      progress_resumed: 'Deployment が再開された → 進捗の期限をまた測ります。',
      progress_complete:
        '更新済み {{updatedReplicas}} = replicas {{replicas}} = 利用可能 {{availableReplicas}}、古い Pod なし → ロールアウト完了。',
      progress_timedOut:
        'progressDeadlineSeconds {{progressDeadlineSeconds}} 秒のあいだ進捗なし（最後は {{lastUpdateTime}}）→ Progressing=False、ProgressDeadlineExceeded。',
      progress_requeueStuck:
        '{{recheckAt}} に止まっていないか再確認（期限 {{progressDeadlineSeconds}} 秒）。',
      status_available:
        '利用可能 {{availableReplicas}} ≥ minAvailable = {{replicas}} − {{maxUnavailable}} = {{minAvailable}} → Available=True。',
      status_unavailable:
        '利用可能 {{availableReplicas}} < minAvailable = {{replicas}} − {{maxUnavailable}} = {{minAvailable}} → Available=False。',
      nodelifecycle_nodeUnreachable:
        '{{lastLeaseRenewal}} 秒以降 Lease の更新がなく、猶予 {{gracePeriodSeconds}} 秒を過ぎた → ノードは Unknown：unreachable の taint を付け、Pod を NotReady に。',
      tainteviction_tolerationExpired:
        '{{node}} 上の Pod は unreachable の taint を {{tolerationSeconds}} 秒まで許容、それが過ぎた → 削除します。',
      replicaset_createPods:
        '{{kind}} の希望は {{replicas}} 個、動いている Pod は {{activePods}} 個 → {{diff}} 個作成（1 回の同期で最大 burstReplicas = {{burstReplicas}}）。スロースタートのバッチは {{batches}}、作成できたのは {{created}} 個。',
      replicaset_deletePods:
        '{{kind}} の希望は {{replicas}} 個、動いている Pod は {{activePods}} 個 → ActivePodsWithRanks.Less の順で {{diff}} 個削除。最初は {{firstPod}}：{{firstReasonText}}',
      scheduler_selectHost:
        'フィルターで絞り込んでからスコアで選びます。{{nodes}} 台のノードのうち {{feasible}} 台がフィルターを通過{{filteredText}}。{{scoreText}}{{tieText}}',
      scheduler_unschedulable:
        'フィルター：{{nodes}} 台のノードのどれもフィルターを通過できません{{filteredText}}。スコアを付けるノードがないので Pod は Pending のまま。ノードや Pod が変わるとスケジューラーが再試行します。',
      // スケジューラーの 2 つの文の部品（why.ts が記録の値で選ぶ）。
      schedulerParts: {
        filtered: '（{{parts}}）',
        separator: '、',
        unschedulable: 'cordon された {{unschedulable}} 台を NodeUnschedulable で除外',
        taintOne:
          '{{taintedNode}} は Pod が許容しないテイント {{taintKey}} を持つため TaintToleration で除外',
        taintMany:
          '{{taintedNode}} の {{taintKey}} など、Pod が許容しないテイントを持つ {{untoleratedTaint}} 台を TaintToleration で除外',
        tooManyPods: 'Pod 数が上限に達した {{tooManyPods}} 台を NodeResourcesFit で除外',
        spread:
          'スコア：デフォルトのスケジューラーはワークロードの Pod を分散させるため、{{ownerKind}} {{owner}} の Pod が少ないノード（PodTopologySpread のシステムデフォルト）、次に割り当ての少ないノード（NodeResourcesFit の LeastAllocated、ここでは Pod 数が少ないノード）を優先します。{{node}} はその Pod が {{ownerPods}} 個、全体で {{nodePods}} 個で最高スコア。',
        noOwner:
          'スコア：Pod にコントローラーがなく分散させるワークロードがないので、割り当ての少ないノード（NodeResourcesFit の LeastAllocated、ここでは Pod 数が少ないノード）を優先します。{{node}} は Pod が {{nodePods}} 個で最高スコア。',
        tie: '{{ties}} 台が同点だったため、selectHost がランダムに {{node}} を選びました。',
        noTie: '同じスコアのノードはほかになく、ランダムな選択は不要でした。',
      },
    },
    deleteReasons: {
      all: '動いている Pod をすべて消すので、順位付けは不要です。',
      unscheduled: 'まだノードに割り当てられていない（{{comparedWith}} は割り当て済み）。',
      pending: 'フェーズが {{comparedWith}} より前（Pending < Unknown < Running）。',
      notReady: 'Ready でない（{{comparedWith}} は Ready）。',
      deletionCost: 'pod-deletion-cost が {{comparedWith}} より低い。',
      doubledUp:
        'そのノードには関連 Pod が {{firstRank}} 個あり、{{comparedWith}} のノードの {{comparedRank}} 個より多い（同じノードに重なった Pod から消す）。',
      newerReady: '{{comparedWith}} より後に Ready になった（log₂ の尺度で比較）。',
      restarts: 'コンテナの再起動回数が {{comparedWith}} より多い。',
      newer: '{{comparedWith}} より後に作られた（log₂ の尺度で比較）。',
      uid: 'どの規則でも {{comparedWith}} と同じ（log₂ の年齢が同じ区分）で、UID の順で先。',
      tie: 'どの規則でも {{comparedWith}} と区別できず、並びの順のまま。',
    },
  },
  services: {
    none: '{{namespace}} 名前空間にはまだ Service がありません。例：kubectl expose deployment web-deploy --port=80',
    type: 'タイプ',
    clusterIP: 'クラスター IP',
    ports: 'ポート',
    selector: 'セレクター',
    summary: '{{ports}} のトラフィックを受ける Pod は {{receiving}} 個、除外は {{excluded}} 個。',
    noSelector:
      'セレクターがありません：この Endpoints はエンドポイントコントローラーではなく API サーバーが管理します。',
    noEndpoints:
      'Endpoints はまだありません：エンドポイントコントローラーがこの Service をまだ同期していません。',
    pod: 'Pod',
    address: 'アドレス',
    node: 'ノード',
    traffic: 'トラフィック',
    selectPod: 'この Pod を図で選択',
    state: {
      ready: '受信中（Ready）',
      notReady: '除外：Ready でない',
      terminating: '除外：終了処理中',
      noIP: '除外：IP 未割り当て',
    },
  },
  editor: {
    title: 'kubectl edit {{object}}',
    titleGeneric: 'kubectl edit',
    label: 'YAML（kubectl がエディターのファイルに書いた内容）',
    hint: '# で始まる行は無視され、空にすると編集を中止します。Tab はフォーカス移動なので、字下げはスペースで。編集中もクラスターは動き続けます。',
    recorded: '保存・キャンセルは本文ごとタイムラインに記録され、巻き戻すとこの編集も再生されます。',
    save: '保存',
    cancel: 'キャンセル',
  },
  help: {
    title: 'キーボード操作',
    space: '仮想時間の再生／一時停止',
    right: '次のイベントまで進める',
    speed: '遅く／速く',
    slash: 'コンソールへ移動',
    question: 'このヘルプを表示',
    close: '閉じる',
    left: '一つ前の変化まで戻る',
  },
  error: {
    title: 'このパネルでエラーが起きました。',
    body: 'ページのほかの部分は動いています。もう一度表示してみてください。',
    retry: 'もう一度表示',
  },
  bench: {
    title: '描画ベンチマーク',
  },
};
