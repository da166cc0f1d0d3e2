// Reads Kayako's error envelope and turns Kayako-specific answers (490, OTP_EXPECTED, ...) into precise error kinds.
import { MigrationError, type ErrorInfo } from '../../errors';
import type { HttpResponse } from '../../http';

interface KayakoErrorBody {
	errors?: { code?: string; message?: string; parameter?: string; parameters?: string[] }[];
	notifications?: { type?: string; message?: string }[];
}

/** Passed to the HTTP client so every failed Kayako answer carries Kayako's own code and message. */
export function describeKayakoError(response: HttpResponse): { code?: string; message?: string; parameter?: string } | undefined {
	const body = response.body as KayakoErrorBody | string | null;
	if (!body || typeof body !== 'object') return undefined;
	const first = body.errors?.[0];
	const notification = body.notifications?.find((n) => n.type === 'ERROR')?.message;
	if (!first && !notification) return undefined;
	return {
		code: first?.code,
		message: notification ?? first?.message,
		parameter: first?.parameter ?? first?.parameters?.join(',')
	};
}

/** Refines an error the HTTP layer raised for a Kayako request. */
export function refineKayakoError(error: unknown, host: string): unknown {
	if (!(error instanceof MigrationError)) return error;
	const info = error.info;
	const refined = refinedInfo(info, host);
	return refined ? new MigrationError(refined, { cause: error }) : error;
}

function refinedInfo(info: ErrorInfo, host: string): ErrorInfo | undefined {
	switch (info.code) {
		case 'AUTHENTICATION_FAILED':
			return { ...info, kind: 'auth-failed', message: `Kayako at ${host} refused the e-mail address or password. ${info.helpdeskMessage ?? ''}`.trim() };
		case 'OTP_EXPECTED':
			return { ...info, kind: 'auth-otp-required', message: `This Kayako account (${host}) has two-factor login turned on. Use a migration admin account without two-factor login, or enter the code from your authenticator app.` };
		case 'AUTHENTICATION_LOCKED':
			return { ...info, kind: 'auth-locked', message: `Kayako at ${host} locked the login after too many failed attempts. Wait ${info.retryAfterSeconds ?? 'a few'} seconds, then try again with the right password.` };
		case 'CREDENTIAL_EXPIRED':
			return { ...info, kind: 'auth-expired', message: `The password of this Kayako account has expired. Log in to ${host} in your browser, set a new password, then come back.` };
		case 'CSRF_FAILED':
			return { ...info, kind: 'forbidden', message: `Kayako at ${host} refused a change because the session's CSRF token was missing.` };
	}
	if (info.status === 490) {
		return { ...info, kind: 'account-unknown', message: `There is no Kayako account at ${host}. Check the address (for example acme.kayako.com).` };
	}
	return undefined;
}
