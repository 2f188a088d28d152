import type { Locale, Translate } from '../i18n/index.ts';
import type { Session } from '../lib/api.ts';

/** What every part of the hosted page needs to draw itself. */
export interface CheckoutContext {
	session: Session;
	locale: Locale;
	t: Translate;
	/** Shows another session state (after an action, or when polling sees a change). */
	show: ( session: Session, storeUrl?: string ) => void;
	/** Offers the payment form again for a failed session (the service lets it be paid again). */
	retry: () => void;
}
