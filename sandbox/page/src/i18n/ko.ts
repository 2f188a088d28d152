/** Korean: the source catalogue. Every other language must translate every key (checked by type and by test). */
export const ko = {
	'common.sandboxBanner':
		'샌드박스 — 실제 돈이 오가지 않는 테스트 결제입니다',
	'common.language': '언어',
	'common.loading': '불러오는 중…',
	'common.retry': '다시 시도',
	'common.networkError':
		'샌드박스 서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
	'common.requestFailed': '요청을 처리하지 못했습니다: {message}',

	'checkout.pageTitle': '{shop} 결제',
	'checkout.heading': '결제하기',
	'checkout.orderSummary': '주문 내역',
	'checkout.orderNumber': '주문번호 {id}',
	'checkout.quantity': '{count}개',
	'checkout.total': '총 결제금액',
	'checkout.expiresAt': '결제 기한 {time}',
	'checkout.paymentMethod': '결제 수단',
	'checkout.noMethods':
		'이 주문에 사용할 수 있는 결제 수단이 없습니다. 가맹점에 문의해 주세요.',
	'checkout.installments': '할부 개월',
	'checkout.lumpSum': '일시불',
	'checkout.months': '{months}개월',
	'checkout.installmentsHint':
		'5만원 이상 카드 결제 시 할부를 선택할 수 있습니다.',
	'checkout.pay': '{amount} 결제하기',
	'checkout.issueAccount': '가상계좌 발급받기',
	'checkout.cancel': '결제 취소',
	'checkout.testerTitle': '테스트 결과 고르기',
	'checkout.testerHint':
		'샌드박스에서는 결제 대신 결과를 골라 가맹점의 처리 흐름을 확인할 수 있습니다.',
	'checkout.failReason': '실패 사유',
	'checkout.fail': '결제 실패로 처리',
	'checkout.processing': '결제를 처리하는 중입니다…',
	'checkout.redirecting': '가맹점으로 이동합니다…',
	'checkout.backToStore': '가맹점으로 돌아가기',
	'checkout.tryAgain': '다시 결제하기',

	'method.card': '신용·체크카드',
	'method.virtual_account': '가상계좌',
	'method.bank_transfer': '실시간 계좌이체',
	'method.kakao_pay': '카카오페이',
	'method.naver_pay': '네이버페이',
	'method.toss_pay': '토스페이',
	'method.samsung_pay': '삼성페이',

	'failure.REJECT_CARD_COMPANY': '카드사에서 결제를 거절했습니다.',
	'failure.PAY_PROCESS_ABORTED':
		'결제 진행 중 오류가 발생해 결제가 중단되었습니다.',
	'failure.PAY_PROCESS_CANCELED': '구매자가 결제를 중단했습니다.',
	'failure.INVALID_CARD_EXPIRATION': '카드 유효기간이 올바르지 않습니다.',
	'failure.INVALID_CARD_NUMBER': '카드 번호가 올바르지 않습니다.',
	'failure.INVALID_STOPPED_CARD': '정지된 카드입니다.',
	'failure.EXCEED_MAX_DAILY_PAYMENT_COUNT':
		'하루 결제 가능 횟수를 초과했습니다.',
	'failure.EXCEED_MAX_AMOUNT': '거래 금액 한도를 초과했습니다.',
	'failure.NOT_ENOUGH_BALANCE': '잔액이 부족합니다.',

	'state.completed.title': '결제가 완료되었습니다',
	'state.completed.body':
		'{amount} 결제가 완료되었습니다. 가맹점에서 주문을 확인해 주세요.',
	'state.failed.title': '결제에 실패했습니다',
	'state.failed.body':
		'결제가 이루어지지 않았습니다. 가맹점에서 다시 시도해 주세요.',
	'state.cancelled.title': '결제가 취소되었습니다',
	'state.cancelled.body': '결제를 취소했습니다. 요금은 청구되지 않았습니다.',
	'state.expired.title': '결제 기한이 지났습니다',
	'state.expired.body':
		'이 결제 페이지는 더 이상 사용할 수 없습니다. 가맹점에서 주문을 다시 진행해 주세요.',
	'state.refunded.title': '환불된 결제입니다',
	'state.refunded.body': '{amount} 전액이 환불되었습니다.',
	'state.partially_refunded.title': '일부 환불된 결제입니다',
	'state.partially_refunded.body': '{amount} 중 {refunded}이 환불되었습니다.',
	'state.processing.title': '결제를 진행하고 있습니다',
	'state.processing.body': '결과가 나오면 이 화면이 자동으로 바뀝니다.',
	'state.notFound.title': '결제 정보를 찾을 수 없습니다',
	'state.notFound.body':
		'주소가 올바른지 확인하거나 가맹점에서 결제를 다시 시작해 주세요.',

	'va.title': '가상계좌가 발급되었습니다',
	'va.intro':
		'입금 기한까지 아래 계좌로 정확한 금액을 입금하면 결제가 완료됩니다.',
	'va.bank': '은행',
	'va.accountNumber': '계좌번호',
	'va.holder': '예금주',
	'va.amount': '입금액',
	'va.dueDate': '입금 기한',
	'va.sandboxHint':
		'샌드박스에서는 대시보드의 ‘입금’ 버튼이나 제어 API로 입금을 흉내 냅니다.',

	'status.pending': '결제 대기',
	'status.processing': '진행 중',
	'status.completed': '결제 완료',
	'status.failed': '실패',
	'status.cancelled': '취소',
	'status.expired': '만료',
	'status.refunded': '환불',
	'status.partially_refunded': '부분 환불',

	'dash.pageTitle': '샌드박스 대시보드',
	'dash.secretNote':
		'API 키와 웹훅 시크릿은 이 페이지에 표시하지 않습니다. 샌드박스를 시작한 터미널의 배너에서 확인하세요.',
	'dash.refresh': '새로고침',
	'dash.reset': '모두 초기화',
	'dash.resetConfirm':
		'모든 세션, 웹훅 전송 기록과 장애 설정을 지울까요? 키는 그대로 유지됩니다.',
	'dash.sessions': '결제 세션',
	'dash.deliveries': '웹훅 전송',
	'dash.noSessions':
		'아직 세션이 없습니다. 가맹점에서 주문하면 여기에 나타납니다.',
	'dash.noDeliveries': '아직 웹훅 전송 기록이 없습니다.',
	'dash.session': '세션',
	'dash.order': '주문',
	'dash.amount': '금액',
	'dash.status': '상태',
	'dash.method': '결제 수단',
	'dash.created': '생성',
	'dash.actions': '동작',
	'dash.event': '이벤트',
	'dash.url': '받는 주소',
	'dash.state': '전송 상태',
	'dash.attempts': '시도',
	'dash.attemptCount': '{count}회',
	'dash.lastResult': '마지막 응답',
	'dash.openCheckout': '결제 페이지',
	'dash.pay': '결제',
	'dash.fail': '실패',
	'dash.cancel': '취소',
	'dash.deposit': '입금',
	'dash.expire': '만료',
	'dash.refund': '환불',
	'dash.refundAmount': '환불 금액 (비우면 남은 전액)',
	'dash.refundPlaceholder': '금액 (비우면 남은 전액)',
	'dash.redeliver': '다시 보내기',
	'dash.done': '완료: {action} ({id})',
	'dash.resetDone': '초기화했습니다.',
	'dash.delivery.pending': '대기',
	'dash.delivery.delivered': '전달됨',
	'dash.delivery.failed': '실패',
} as const;

export type MessageKey = keyof typeof ko;
