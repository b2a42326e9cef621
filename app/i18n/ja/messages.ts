export const messages = {
  title: "I・メッセージ",

  // Pages of the feature
  sectionsLabel: "I・メッセージのページ",
  inbox: "受け取ったメッセージ",
  sent: "送ったメッセージ",
  compose: "メッセージを書く",
  strengths: "わたしの強み",
  manageHeading: "管理",
  manageTagsLink: "価値タグの管理",
  moderationLink: "報告されたメッセージ",

  // Message states and fields
  from: (name: string) => `${name} さんから`,
  to: (name: string) => `${name} さんへ`,
  sender: "送った人",
  recipient: "受け取った人",
  sentAt: "送信日時",
  state: "状態",
  tags: "価値タグ",
  unread: "未読",
  read: "既読",
  thanked: "ありがとうが届きました",
  thankSent: "お礼済み",
  pinnedState: "強みに追加済み",
  reportedState: "報告済み",
  hiddenState: "管理者により非表示",
  open: "読む",
  relationships: { to_supervisor: "上司へ", colleague: "同僚へ", to_report: "部下へ", other: "その他" },
  parts: { scene: "場面・行動", feeling: "わたしの気持ち", effect: "もたらされたこと" },

  // Inbox
  inboxIntro: "同僚から届いたI・メッセージです。メッセージを開くと、既読にしたり、ありがとうを伝えたりできます。",
  inboxEmpty: "まだメッセージは届いていません。",
  hiddenAfterReport: (count: number) => `あなたが報告したメッセージ${count}件は、管理者により非表示になりました。`,
  countsHeading: "全体の件数（内容は表示されません）",
  counts: { sent: "送信", read: "既読", thanked: "ありがとう", reported: "報告", hidden: "非表示" },

  // Composer
  composeIntro:
    "I・メッセージは「わたし」を主語にして、相手の行動がわたしにどう届いたかを伝えるメッセージです。具体的な場面、わたしの気持ち、もたらされたことの3つを書きます。",
  recipientHeading: "宛先",
  recipientSearch: "宛先を探す（氏名・カナ・職員番号・所属）",
  candidatesCaption: (count: number) => `宛先の候補（${count}名）`,
  noCandidates: "該当する職員が見つかりません。",
  writeTo: (name: string) => `${name} さんに書く`,
  department: "所属",
  employeeNumber: "職員番号",
  changeRecipient: "宛先を変える",
  relationship: "相手との関係",
  relationshipFromRoster: "職員名簿の情報から選んでいます。違う場合は変更してください。",
  partHints: {
    scene: "いつ、どんな場面で、相手が何をしたかを具体的に書きます。",
    feeling: "そのとき、わたしがどう感じたか（「うれしかった」「心強かった」など）。",
    effect: "その行動によって、わたしや周りにどんな良いことがあったか。",
  },
  characterCount: (count: number, max: number) => `${count} / ${max}文字`,
  tagsLegend: "価値タグ（任意・複数選べます）",
  preview: "プレビューする",
  send: "送信する",
  previewHeading: "プレビュー",
  hintsHeading: "書き方のヒント",
  hintsIntro: "ヒントは参考です。このまま送信することもできます。",
  noHints: "ヒントはありません。このまま送信できます。",
  hint: {
    you_message: (match: string) =>
      `「${match}」は相手を評価する「あなたメッセージ」に聞こえるかもしれません。わたしがどう感じたかで書いてみましょう。`,
    order: (match: string) => `「${match}」は指示やお願いに聞こえるかもしれません。感謝の気持ちだけを伝えてみましょう。`,
    hidden_criticism: (match: string) =>
      `「${match}」の後に続く言葉は、ほめ言葉を打ち消してしまうことがあります。改善の話は別の機会に伝えましょう。`,
    too_short: () => "もう少し具体的に書くと、相手に伝わりやすくなります。",
    generic: (match: string) => `「${match}」だけでは何に感謝しているかが伝わりにくいです。具体的な場面を添えてみましょう。`,
  },
  sentNotice: "メッセージを送信しました。",
  errors: {
    sender_inactive: "あなたのアカウントは現在メッセージを送れません。",
    recipient_unavailable: "この職員にはメッセージを送れません（自分自身、または在職中でない職員です）。",
    to_self: "自分自身にはメッセージを送れません。",
    invalid_text: "3つの項目をそれぞれ入力してください。",
    unknown_tag: "選んだ価値タグの中に、現在使えないものがあります。",
    daily_limit: (limit: number) => `1日に送れるメッセージは${limit}件までです。明日また送ってください。`,
  },

  // One message
  messageTitle: "I・メッセージ",
  markRead: "既読にする",
  thank: "ありがとうを伝える",
  thankedByMe: "ありがとうを伝えました。",
  thankedBySender: "相手からありがとうが届きました。",
  pin: "強みページに追加する",
  unpin: "強みページから外す",
  withdraw: "取り消す",
  withdrawHint: "相手が読む前なら取り消せます。",
  withdrawn: "メッセージを取り消しました。",
  withdrawTooLate: "相手がすでに読んだため、取り消せませんでした。",
  reportHeading: "不適切なメッセージの報告",
  reportIntro: "報告すると、管理者がこのメッセージを読んで、非表示にするかどうかを判断します。送った人には知らされません。",
  reportReason: "報告の理由",
  report: "報告する",
  reportedNotice: "このメッセージを報告しました。管理者が確認します。",
  hiddenForSender: "このメッセージは、受け取った人からの報告を受けて管理者が非表示にしました。",

  // Sent
  sentIntro: "送ったメッセージと、相手が読んだか、ありがとうが届いたかを確認できます。",
  sentEmpty: "まだメッセージを送っていません。",

  // Strengths
  strengthsIntro: "受け取ったメッセージのうち、強みページに追加したものを価値タグごとにまとめています。このページは印刷できます。",
  strengthsEmpty: "まだ追加したメッセージはありません。メッセージを開いて「強みページに追加する」を選ぶと、ここに表示されます。",
  untagged: "タグなし",

  // Moderation (admins)
  moderationTitle: "報告されたメッセージ",
  moderationIntro:
    "受け取った人が不適切として報告したメッセージです。報告されたメッセージに限り、管理者が内容を確認できます。非表示にすると、受け取った人にその旨が表示されます。",
  moderationEmpty: "確認待ちの報告はありません。",
  reportedAt: "報告日時",
  hide: "非表示にする",
  dismiss: "問題なしとして報告を閉じる",
  dismissedDone: "報告を閉じました。メッセージは受信者に表示されたままです。",
  hiddenDone: "メッセージを非表示にしました。",

  // Value tags (HR)
  tagsTitle: "価値タグの管理",
  tagsIntro:
    "メッセージに付ける価値タグです。区の3つのエールと職員像の5つの資質があらかじめ登録されています。使わなくなったタグは無効にできます（過去のメッセージには残ります）。",
  tagKinds: { yell: "エール", quality: "職員像", custom: "独自" },
  tagNameJa: "タグ名（日本語）",
  tagNameEn: "タグ名（英語）",
  tagKind: "種類",
  tagUses: "使用件数",
  tagActive: "使用中",
  tagInactive: "無効",
  activate: "有効にする",
  deactivate: "無効にする",
  activateTag: (name: string) => `${name}を有効にする`,
  deactivateTag: (name: string) => `${name}を無効にする`,
  addTagHeading: "タグを追加する",
  addTag: "追加する",
  tagCreated: "タグを追加しました。",
  tagUpdated: "タグを更新しました。",
  roundsTab: "360°ラウンド",
};
