import type { MessageKey } from './ko.ts';

export const ja: Record< MessageKey, string > = {
	'common.sandboxBanner':
		'サンドボックス — 実際のお金は動かないテスト決済です',
	'common.language': '言語',
	'common.loading': '読み込み中…',
	'common.retry': '再試行',
	'common.networkError':
		'サンドボックスサーバーに接続できません。しばらくしてからもう一度お試しください。',
	'common.requestFailed': 'リクエストを処理できませんでした: {message}',

	'checkout.pageTitle': '{shop} のお支払い',
	'checkout.heading': 'お支払い',
	'checkout.orderSummary': 'ご注文内容',
	'checkout.orderNumber': '注文番号 {id}',
	'checkout.quantity': '数量 {count}',
	'checkout.total': 'お支払い合計',
	'checkout.expiresAt': 'お支払い期限 {time}',
	'checkout.paymentMethod': 'お支払い方法',
	'checkout.noMethods':
		'このご注文で利用できるお支払い方法がありません。ショップにお問い合わせください。',
	'checkout.installments': '分割回数',
	'checkout.lumpSum': '一括払い',
	'checkout.months': '{months}回',
	'checkout.installmentsHint':
		'5万ウォン以上のカード決済では分割払いを選べます。',
	'checkout.pay': '{amount} を支払う',
	'checkout.issueAccount': 'バーチャル口座を発行する',
	'checkout.cancel': '支払いをキャンセル',
	'checkout.testerTitle': 'テスト結果を選ぶ',
	'checkout.testerHint':
		'サンドボックスでは支払う代わりに結果を選び、ショップ側の処理を確認できます。',
	'checkout.failReason': '失敗の理由',
	'checkout.fail': '決済を失敗させる',
	'checkout.processing': '決済を処理しています…',
	'checkout.redirecting': 'ショップに戻ります…',
	'checkout.backToStore': 'ショップに戻る',
	'checkout.tryAgain': 'もう一度支払う',

	'method.card': 'クレジット・デビットカード',
	'method.virtual_account': 'バーチャル口座',
	'method.bank_transfer': 'リアルタイム口座振替',
	'method.kakao_pay': 'KakaoPay',
	'method.naver_pay': 'NaverPay',
	'method.toss_pay': 'Toss Pay',
	'method.samsung_pay': 'Samsung Pay',

	'failure.REJECT_CARD_COMPANY': 'カード会社が決済を承認しませんでした。',
	'failure.PAY_PROCESS_ABORTED':
		'処理中にエラーが発生したため、決済が中断されました。',
	'failure.PAY_PROCESS_CANCELED': '購入者が決済を中止しました。',
	'failure.INVALID_CARD_EXPIRATION': 'カードの有効期限が正しくありません。',
	'failure.INVALID_CARD_NUMBER': 'カード番号が正しくありません。',
	'failure.INVALID_STOPPED_CARD': '利用停止中のカードです。',
	'failure.EXCEED_MAX_DAILY_PAYMENT_COUNT':
		'1日の決済回数の上限を超えました。',
	'failure.EXCEED_MAX_AMOUNT': '取引金額の上限を超えました。',
	'failure.NOT_ENOUGH_BALANCE': '残高が不足しています。',

	'state.completed.title': 'お支払いが完了しました',
	'state.completed.body':
		'{amount} のお支払いが完了しました。ショップでご注文をご確認ください。',
	'state.failed.title': 'お支払いに失敗しました',
	'state.failed.body':
		'お支払いは行われていません。ショップでもう一度お試しください。',
	'state.cancelled.title': 'お支払いはキャンセルされました',
	'state.cancelled.body':
		'お支払いをキャンセルしました。料金は請求されていません。',
	'state.expired.title': 'お支払い期限が過ぎました',
	'state.expired.body':
		'この決済ページは利用できなくなりました。ショップでもう一度ご注文ください。',
	'state.refunded.title': '返金済みのお支払いです',
	'state.refunded.body': '{amount} の全額が返金されました。',
	'state.partially_refunded.title': '一部返金済みのお支払いです',
	'state.partially_refunded.body':
		'{amount} のうち {refunded} が返金されました。',
	'state.processing.title': 'お支払いを処理しています',
	'state.processing.body': '結果が出るとこの画面は自動的に切り替わります。',
	'state.notFound.title': '決済情報が見つかりません',
	'state.notFound.body':
		'アドレスをご確認いただくか、ショップでお支払いをやり直してください。',

	'va.title': 'バーチャル口座が発行されました',
	'va.intro':
		'期限までに下記の口座へ正確な金額をお振り込みいただくと、お支払いが完了します。',
	'va.bank': '銀行',
	'va.accountNumber': '口座番号',
	'va.holder': '口座名義',
	'va.amount': 'お振込金額',
	'va.dueDate': 'お振込期限',
	'va.sandboxHint':
		'サンドボックスでは、ダッシュボードの「入金」ボタンまたは制御APIで入金を再現します。',

	'status.pending': '支払い待ち',
	'status.processing': '処理中',
	'status.completed': '完了',
	'status.failed': '失敗',
	'status.cancelled': 'キャンセル',
	'status.expired': '期限切れ',
	'status.refunded': '返金済み',
	'status.partially_refunded': '一部返金',

	'dash.pageTitle': 'サンドボックス ダッシュボード',
	'dash.secretNote':
		'APIキーとWebhookシークレットはこのページには表示しません。サンドボックスを起動したターミナルのバナーで確認してください。',
	'dash.refresh': '更新',
	'dash.reset': 'すべてリセット',
	'dash.resetConfirm':
		'すべてのセッション、Webhook送信履歴、障害設定を消去しますか？キーはそのまま残ります。',
	'dash.sessions': '決済セッション',
	'dash.deliveries': 'Webhook送信',
	'dash.noSessions':
		'セッションはまだありません。ショップが作成するとここに表示されます。',
	'dash.noDeliveries': 'Webhookの送信履歴はまだありません。',
	'dash.session': 'セッション',
	'dash.order': '注文',
	'dash.amount': '金額',
	'dash.status': '状態',
	'dash.method': 'お支払い方法',
	'dash.created': '作成日時',
	'dash.actions': '操作',
	'dash.event': 'イベント',
	'dash.url': '送信先',
	'dash.state': '送信状態',
	'dash.attempts': '試行',
	'dash.attemptCount': '{count}回',
	'dash.lastResult': '最後の応答',
	'dash.openCheckout': '決済ページ',
	'dash.pay': '支払う',
	'dash.fail': '失敗',
	'dash.cancel': 'キャンセル',
	'dash.deposit': '入金',
	'dash.expire': '期限切れにする',
	'dash.refund': '返金',
	'dash.refundAmount': '返金額（空欄なら残額すべて）',
	'dash.refundPlaceholder': '金額（空欄で残額すべて）',
	'dash.redeliver': '再送信',
	'dash.done': '完了: {action}（{id}）',
	'dash.resetDone': 'リセットしました。',
	'dash.delivery.pending': '待機中',
	'dash.delivery.delivered': '送信済み',
	'dash.delivery.failed': '失敗',
};
