/**
 * A stand-in for the Daum postcode widget: `embed()` draws a list of addresses as buttons; pressing one
 * calls `oncomplete` with the data the real widget would send.
 */
import type {
	DaumGlobal,
	DaumPostcodeData,
	DaumPostcodeOptions,
} from '../../../src/address-search/daum';

export const GANGNAM_FINANCE_CENTER: DaumPostcodeData = {
	zonecode: '06236',
	roadAddress: '서울 강남구 테헤란로 152',
	jibunAddress: '서울 강남구 역삼동 737',
	userSelectedType: 'R',
	buildingName: '강남파이낸스센터',
	apartment: 'N',
	bname: '역삼동',
	sido: '서울',
	sigungu: '강남구',
	roadAddressEnglish: '152, Teheran-ro, Gangnam-gu, Seoul',
	jibunAddressEnglish: '737, Yeoksam-dong, Gangnam-gu, Seoul',
};

export interface FakeDaum extends DaumGlobal {
	embeddedIn: HTMLElement[];
}

export function installFakeDaum(
	choices: DaumPostcodeData[] = [ GANGNAM_FINANCE_CENTER ]
): FakeDaum {
	const embeddedIn: HTMLElement[] = [];
	class Postcode {
		constructor( private readonly options: DaumPostcodeOptions ) {}
		embed( element: HTMLElement ) {
			embeddedIn.push( element );
			for ( const choice of choices ) {
				const button = document.createElement( 'button' );
				button.type = 'button';
				button.textContent = choice.roadAddress;
				button.addEventListener( 'click', () =>
					this.options.oncomplete( choice )
				);
				element.append( button );
			}
		}
	}
	const fake: FakeDaum = { Postcode, embeddedIn };
	window.daum = fake;
	return fake;
}
