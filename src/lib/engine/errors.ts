// The error vocabulary shared by the HTTP layer, the connectors and the UI: every failure is a value a person can read.

/** What went wrong, in categories the UI has a sentence and a hint for (in every language). */
export type ErrorKind =
	| 'proxy-unreachable' // the CORS proxy did not answer at all
	| 'not-proxy' // something answered at the proxy's address, but it is not our CORS proxy (the app's own address, say)
	| 'proxy-refused' // the proxy answered but will not forward to that host
	| 'network' // the helpdesk could not be reached (DNS, refused, reset)
	| 'timeout' // no answer in time
	| 'auth-failed' // wrong e-mail, password or token
	| 'auth-otp-required' // the account has two-factor login turned on
	| 'auth-locked' // too many failed logins
	| 'auth-expired' // the password has expired and must be changed first
	| 'forbidden' // logged in, but this account may not do that
	| 'not-admin' // logged in, but the role is too low for a migration
	| 'account-unknown' // no helpdesk account lives at that address
	| 'not-helpdesk' // something answered, but it is not the expected helpdesk API
	| 'not-found' // the record or endpoint does not exist
	| 'rate-limited' // the helpdesk asks us to slow down
	| 'server-error' // 5xx from the helpdesk
	| 'invalid-request' // the helpdesk refused the data (validation)
	| 'too-large' // the helpdesk refused a body or file for its size
	| 'malformed-response' // the answer could not be parsed
	| 'unknown-outcome' // a create was sent but we do not know whether it ran
	| 'cancelled' // the user or the engine stopped the request
	| 'invalid-input' // the user's own input (URL, CSV row, setting) is not usable
	| 'wrong-passphrase' // remembered credentials could not be decrypted: wrong passphrase or a damaged blob
	| 'crypto-unavailable' // the browser offers no WebCrypto here (page not served over HTTPS), so nothing can be remembered
	| 'storage-full' // the browser's storage quota for this site is used up
	| 'storage-unavailable' // IndexedDB cannot be opened or used (blocked, private mode, newer version open elsewhere)
	| 'credentials-needed' // a run needs a password the engine does not hold (a reload forgot it): ask for it again
	| 'busy-elsewhere'; // another tab or process runs this migration right now

export interface ErrorInfo {
	kind: ErrorKind;
	/** One English sentence for logs and reports: what failed and why. The UI shows its own translation by `kind`. */
	message: string;
	host?: string;
	method?: string;
	/** The URL without query secrets. */
	url?: string;
	status?: number;
	/** The helpdesk's own error code, e.g. Kayako's `FIELD_REQUIRED` or Zendesk's `RecordInvalid`. */
	code?: string;
	/** The helpdesk's own message, as it sent it. */
	helpdeskMessage?: string;
	/** The parameter the helpdesk complained about, when it named one. */
	parameter?: string;
	/** Seconds to wait, when the helpdesk said so. */
	retryAfterSeconds?: number;
}

/** An Error that carries an ErrorInfo; crossing the worker boundary, send `.info`, never the Error. */
export class MigrationError extends Error {
	readonly info: ErrorInfo;

	constructor(info: ErrorInfo, options?: { cause?: unknown }) {
		super(info.message, options);
		this.name = 'MigrationError';
		this.info = info;
	}

	get kind(): ErrorKind {
		return this.info.kind;
	}
}

/** Turns anything thrown into an ErrorInfo the UI can show. */
export function toErrorInfo(error: unknown): ErrorInfo {
	if (error instanceof MigrationError) return error.info;
	if (error instanceof Error) return { kind: 'network', message: error.message };
	return { kind: 'network', message: String(error) };
}

/** A result that crosses the worker boundary: errors as values, never as thrown exceptions. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function ok<T>(value: T): Result<T> {
	return { ok: true, value };
}

export function failed<T = never>(error: unknown): Result<T> {
	return { ok: false, error: toErrorInfo(error) };
}
