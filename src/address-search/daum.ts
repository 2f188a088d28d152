/**
 * The part of the Daum (Kakao) postcode widget we use, as its guide describes it
 * (https://postcode.map.daum.net/guide).
 */

/** What `oncomplete` receives when the shopper picks an address. */
export interface DaumPostcodeData {
	/** The 5-digit postcode (국가기초구역번호). */
	zonecode: string;
	/** Road-name address, e.g. "서울 강남구 테헤란로 152". */
	roadAddress: string;
	/** Lot-number address, e.g. "서울 강남구 역삼동 737". */
	jibunAddress: string;
	/** Filled when the shopper picked a road address that has no matching lot-number address, and vice versa. */
	autoRoadAddress?: string;
	autoJibunAddress?: string;
	/** `R` when the shopper picked the road address, `J` the lot-number one. */
	userSelectedType: 'R' | 'J';
	/** Building name, e.g. "강남파이낸스센터". */
	buildingName: string;
	/** `Y` when the building is an apartment complex (공동주택). */
	apartment: 'Y' | 'N';
	/** Legal neighbourhood (법정동/법정리), e.g. "역삼동". */
	bname: string;
	/** Province or metropolitan city, e.g. "서울". */
	sido: string;
	/** City, county or district, e.g. "강남구" (empty in 세종). */
	sigungu: string;
	/** English forms, e.g. "152, Teheran-ro, Gangnam-gu, Seoul", "Seoul", "Gangnam-gu". */
	roadAddressEnglish?: string;
	jibunAddressEnglish?: string;
	autoRoadAddressEnglish?: string;
	autoJibunAddressEnglish?: string;
	sidoEnglish?: string;
	sigunguEnglish?: string;
}

export interface DaumPostcodeOptions {
	oncomplete: ( data: DaumPostcodeData ) => void;
	onclose?: ( state: 'FORCE_CLOSE' | 'COMPLETE_CLOSE' ) => void;
	width?: string | number;
	height?: string | number;
}

export interface DaumPostcodeInstance {
	embed: (
		element: HTMLElement,
		options?: { q?: string; autoClose?: boolean }
	) => void;
}

export interface DaumGlobal {
	Postcode: new ( options: DaumPostcodeOptions ) => DaumPostcodeInstance;
}

declare global {
	interface Window {
		daum?: DaumGlobal;
		kakao?: DaumGlobal;
	}
}
