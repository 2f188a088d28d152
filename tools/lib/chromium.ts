/**
 * Debian's Chromium, never a downloaded browser, with the flags this machine's closed network needs (without the
 * background-networking ones Chromium keeps trying to reach Google's hosts). The end-to-end layer's Playwright
 * config and `npm run start:check` launch it with these options.
 */
export const CHROMIUM_PATH = process.env.KC_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Playwright launch options for it, headless. */
export const CHROMIUM_LAUNCH = {
	executablePath: CHROMIUM_PATH,
	args: CHROMIUM_ARGS,
	headless: true,
};
