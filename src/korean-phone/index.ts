/**
 * Block checkout: the message beside a phone field whose number cannot be Korean, for Korean addresses
 * (the classic checkout's script imports ./classic-phone instead).
 */
import domReady from '@wordpress/dom-ready';
import { watchBlockPhones } from './block-phone';

domReady( () => {
	watchBlockPhones();
} );
