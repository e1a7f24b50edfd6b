// Japanese strings of the main bundle, loaded when a page needs them (English is built in): see ../catalogue.ts.
import type { Messages } from '../messages.js';
import type { ViewMessages } from '../../views/messages.js';

export const messages: Messages = {
  overview: '概要',
  reportVulnerability: '脆弱性を報告',
  trustCenterNav: 'トラストセンター',
  policiesHeading: 'ポリシー',
  complianceHeading: 'コンプライアンス',
  lastUpdated: '最終更新日',
  onThisPage: '目次',
  changeHistory: '変更履歴',
  loading: 'トラストセンターを読み込んでいます…',
  loadingPolicy: 'ポリシーを読み込んでいます…',
  retry: '再試行',
  readPolicy: (title) => `「${title}」ポリシーを読む`,
  loadFailed: 'トラストセンターを読み込めませんでした。',
  policyLoadFailed: 'このポリシーを読み込めませんでした。',
  manifestProblems: 'マニフェストに次の問題があります：',
  noSrc: 'マニフェストが指定されていません。src 属性に manifest.json の URL を指定してください。',
  unknownPolicy: (id) => `このトラストセンターには「${id}」というポリシーはありません。`,
  complianceStatus: {
    certified: '認証取得済み',
    'in-progress': '取得準備中',
    aligned: '準拠',
    planned: '予定',
  },
  languageFallback: (requested, shown) => `このポリシーは${requested}では提供されていないため、${shown}で表示しています。`,
  staleCopy: (savedOn) =>
    `トラストセンターに接続できないため、${savedOn}にブラウザーに保存されたコピーを表示しています。最新の内容ではない可能性があります。`,
};

export const view: ViewMessages = {
  nav: { subprocessors: 'サブプロセッサー', faq: 'よくある質問', documents: 'ドキュメント', updates: '更新情報' },
  search: { label: 'トラストセンター内を検索', button: '検索' },
  overview: {
    sectionsHeading: 'このトラストセンターの内容',
    subprocessors: (count) => `当社に代わってデータを処理する ${count} 社と、その所在地を掲載しています。`,
    faq: (count) => `よくある ${count} 件の質問にお答えします。`,
    documents: (count) => `ダウンロードまたは請求できるレポートと資料（${count} 件）です。`,
    updates: 'ポリシーの変更内容と変更日を掲載しています。',
    recentUpdates: '最近の更新',
    allUpdates: 'すべての更新情報',
    requestDocuments: '資料を請求',
    subscribe: '更新を購読',
    contact: 'セキュリティ窓口',
    key: 'OpenPGP 公開鍵',
    fingerprint: 'フィンガープリント',
  },
  compliance: {
    expired: '期限切れ',
    scope: '対象範囲：',
    audited: '監査日',
    validUntil: '有効期限',
    expiredOn: '失効日',
    requestReport: 'レポートを請求',
    downloadReport: 'レポートをダウンロード',
  },
  loadingView: 'このセクションを読み込んでいます…',
  viewLoadFailed: 'このセクションを読み込めませんでした。',
  compareWithPrevious: '前のバージョンと比較',
  imageNotShown: '画像は表示されません',
};
