// A logged-in Kayako API session: Basic auth once, then X-Session-ID, and one quiet re-login when the session expires.
import { MigrationError } from '../../errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../../http';
import { describeKayakoError, refineKayakoError } from './errors';
import { apiUrl } from './url';

export interface KayakoCredentials {
	email: string;
	password: string;
	/** A one-time code, for accounts with two-factor login. */
	otp?: string;
}

/** Kayako's envelope around every JSON answer. */
export interface KayakoEnvelope<T> {
	status: number;
	data: T;
	resource?: string;
	offset?: number;
	limit?: number;
	total_count?: number;
	session_id?: string;
	auth_token?: string;
}

export interface KayakoRoleRef {
	id: number;
	type?: string;
	title?: string;
}

export interface KayakoMe {
	id: number;
	full_name: string;
	is_enabled?: boolean;
	role: KayakoRoleRef;
	emails?: unknown[];
}

export type KayakoRequest = Omit<HttpRequest, 'url'> & { path: string };

export class KayakoSession {
	readonly baseUrl: string;
	readonly host: string;
	#sessionId: string | undefined;
	#otpToken: string | undefined;

	constructor(
		private readonly http: HttpClient,
		baseUrl: string,
		private readonly credentials: KayakoCredentials
	) {
		this.baseUrl = baseUrl;
		this.host = new URL(baseUrl).host;
	}

	/** Logs in with Basic auth and keeps the session id; asks Kayako for the caller's own user with its role. */
	async login(): Promise<KayakoMe> {
		this.#sessionId = undefined;
		const headers: Record<string, string> = {
			Authorization: basicAuth(this.credentials.email, this.credentials.password),
			// We are a program, not a browser tab with a form: ask for a session without CSRF tokens.
			'X-CSRF': 'false'
		};
		if (this.credentials.otp && this.#otpToken) {
			headers['X-Token'] = this.#otpToken;
			headers['X-OTP'] = this.credentials.otp;
		}
		let response: HttpResponse<KayakoEnvelope<KayakoMe>>;
		try {
			response = await this.http.send<KayakoEnvelope<KayakoMe>>({
				method: 'GET',
				url: apiUrl(this.baseUrl, 'me.json'),
				searchParams: { include: 'role' },
				headers: { ...headers, Accept: 'application/json' }
			});
		} catch (error) {
			this.#rememberOtpToken(error);
			throw this.#refineLogin(error);
		}
		const envelope = expectEnvelope<KayakoMe>(response, this.host);
		if (!envelope.session_id) {
			throw new MigrationError({
				kind: 'not-helpdesk',
				host: this.host,
				message: `The server at ${this.host} answered, but not like Kayako does (no session). Check the address.`
			});
		}
		this.#sessionId = envelope.session_id;
		return envelope.data;
	}

	/** Sends a request in the session; on an expired session it logs in again once and resends (a 401 means nothing ran). */
	async request<T>(request: KayakoRequest): Promise<KayakoEnvelope<T>> {
		if (!this.#sessionId) await this.login();
		try {
			return await this.#send<T>(request);
		} catch (error) {
			if (error instanceof MigrationError && error.info.status === 401) {
				await this.login();
				return this.#send<T>(request);
			}
			throw error;
		}
	}

	async #send<T>(request: KayakoRequest): Promise<KayakoEnvelope<T>> {
		const { path, headers, ...rest } = request;
		try {
			const response = await this.http.send<KayakoEnvelope<T>>({
				...rest,
				url: apiUrl(this.baseUrl, path),
				headers: { ...headers, Accept: 'application/json', 'X-Session-ID': this.#sessionId ?? '' },
				// Logged in, the address is known to be Kayako: a page in place of JSON is a garbled answer, not another server.
				jsonAnswer: true
			});
			return expectEnvelope<T>(response, this.host);
		} catch (error) {
			throw this.#refine(error);
		}
	}

	#rememberOtpToken(error: unknown): void {
		if (error instanceof MigrationError && error.info.code === 'OTP_EXPECTED') {
			const body = (error.cause as { body?: { auth_token?: string } } | undefined)?.body;
			if (body?.auth_token) this.#otpToken = body.auth_token;
		}
	}

	#refine(error: unknown): unknown {
		return refineKayakoError(error, this.host);
	}

	/** Every Kayako account has /api/v1/me.json (an unknown one answers 490): a 404 there is some other server. */
	#refineLogin(error: unknown): unknown {
		const refined = this.#refine(error);
		if (refined instanceof MigrationError && refined.info.kind === 'not-found' && refined.info.code === undefined) {
			return new MigrationError(
				{ ...refined.info, kind: 'not-helpdesk', message: `The server at ${this.host} has no Kayako API (its login address answered 404). Check that the address is your Kayako (for example acme.kayako.com).` },
				{ cause: error }
			);
		}
		return refined;
	}
}

/** Everything Kayako answers is an envelope with `status` and `data`; anything else is not Kayako. */
function expectEnvelope<T>(response: HttpResponse<unknown>, host: string): KayakoEnvelope<T> {
	const body = response.body;
	// Deletions and some updates answer a bare {"status": 200} without `data`.
	if (body && typeof body === 'object' && 'status' in body && typeof (body as { status: unknown }).status === 'number') return body as KayakoEnvelope<T>;
	throw new MigrationError({
		kind: 'not-helpdesk',
		host,
		status: response.status,
		message: `The server at ${host} answered, but not like Kayako's API. Check that the address is your Kayako (for example acme.kayako.com).`
	});
}

/** Basic auth for any characters (btoa alone fails on non-Latin-1 passwords). */
export function basicAuth(user: string, password: string): string {
	const bytes = new TextEncoder().encode(`${user}:${password}`);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return `Basic ${btoa(binary)}`;
}

export { describeKayakoError };
