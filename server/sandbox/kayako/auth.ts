// Authentication as Kayako documents it: Basic once, then X-Session-ID; CSRF tokens on sessions; OTP; lockout after 10 failures.
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from '../common/reply';
import type { SessionRecord } from './context';
import { errorReply } from './errors';
import type { UserRecord } from './records';
import { findUserByEmail, type AccountState } from './state';

export const LOGIN_ATTEMPT_LIMIT = 10;
export const LOCKOUT_MS = 15 * 60_000;
const OTP_TOKEN_MS = 5 * 60_000;
/** The one code every 2FA user of the sandbox accepts. */
export const SANDBOX_OTP = '123456';

export interface AuthStore {
	sessions: Map<string, SessionRecord>;
	failures: Map<string, { count: number; locked_until: number }>;
	otpTokens: Map<string, { account: string; user_id: number; csrf: boolean; expires_at: number }>;
}

export function createAuthStore(): AuthStore {
	return { sessions: new Map(), failures: new Map(), otpTokens: new Map() };
}

export type AuthOutcome = { ok: true; user: UserRecord; session: SessionRecord; created: boolean } | { ok: false; reply: Reply };

export interface AuthRequest {
	method: string;
	headers: IncomingHttpHeaders;
	query: URLSearchParams;
	state: AccountState;
	now: number;
	sessionIdleMs: number;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

function basicCredentials(headers: IncomingHttpHeaders): { email: string; password: string } | undefined {
	const value = header(headers, 'authorization');
	if (!value || !/^basic /i.test(value)) return undefined;
	const decoded = Buffer.from(value.slice(6).trim(), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return { email: decoded, password: '' };
	return { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function openSession(store: AuthStore, request: AuthRequest, user: UserRecord, csrf: boolean): AuthOutcome {
	const session: SessionRecord = {
		id: randomBytes(30).toString('base64url'),
		account: request.state.name,
		user_id: user.id,
		csrf_token: csrf ? randomBytes(24).toString('base64url') : null,
		created_at: request.now,
		last_seen_at: request.now
	};
	store.sessions.set(session.id, session);
	return { ok: true, user, session, created: true };
}

/** `X-CSRF: false` on the authenticating request turns CSRF protection off for the session. */
function wantsCsrf(request: AuthRequest): boolean {
	return (header(request.headers, 'x-csrf') ?? '').trim().toLowerCase() !== 'false';
}

function fromSession(store: AuthStore, request: AuthRequest, sessionId: string): AuthOutcome {
	const session = store.sessions.get(sessionId);
	if (!session || session.account !== request.state.name) return { ok: false, reply: errorReply(401, 'AUTHORIZATION_REQUIRED') };
	if (request.now - session.last_seen_at > request.sessionIdleMs) {
		store.sessions.delete(sessionId);
		return { ok: false, reply: errorReply(401, 'AUTHORIZATION_REQUIRED', { notifications: [{ type: 'ERROR', message: 'Your session has expired; log in again', sticky: false }] }) };
	}
	const user = request.state.users.get(session.user_id);
	if (!user || !user.is_enabled) return { ok: false, reply: errorReply(401, 'AUTHORIZATION_REQUIRED') };
	const unsafe = request.method === 'POST' || request.method === 'PUT' || request.method === 'DELETE';
	if (unsafe && session.csrf_token !== null && header(request.headers, 'x-csrf-token') !== session.csrf_token) {
		return { ok: false, reply: errorReply(403, 'CSRF_FAILED') };
	}
	session.last_seen_at = request.now;
	return { ok: true, user, session, created: false };
}

function fromOtp(store: AuthStore, request: AuthRequest, token: string, otp: string): AuthOutcome {
	const pending = store.otpTokens.get(token);
	if (!pending || pending.account !== request.state.name || pending.expires_at < request.now) {
		return { ok: false, reply: errorReply(401, 'AUTHENTICATION_FAILED', { notifications: [{ type: 'ERROR', message: 'The authentication token is unknown or has expired; log in again', sticky: false }] }) };
	}
	const user = request.state.users.get(pending.user_id);
	if (!user || otp.trim() !== SANDBOX_OTP) {
		return { ok: false, reply: errorReply(401, 'AUTHENTICATION_FAILED', { notifications: [{ type: 'ERROR', message: 'The one-time password is incorrect', sticky: false }] }) };
	}
	store.otpTokens.delete(token);
	return openSession(store, request, user, pending.csrf);
}

function fromBasic(store: AuthStore, request: AuthRequest, credentials: { email: string; password: string }): AuthOutcome {
	const key = `${request.state.name}:${credentials.email.trim().toLowerCase()}`;
	const failures = store.failures.get(key) ?? { count: 0, locked_until: 0 };
	if (failures.locked_until > request.now) {
		const retryAfter = Math.ceil((failures.locked_until - request.now) / 1000);
		return { ok: false, reply: errorReply(429, 'AUTHENTICATION_LOCKED', { headers: { 'Retry-After': String(retryAfter) } }) };
	}
	if (failures.locked_until !== 0) failures.count = 0;
	const user = findUserByEmail(request.state, credentials.email);
	if (!user || !user.is_enabled || user.password === null || user.password !== credentials.password) {
		failures.count += 1;
		failures.locked_until = failures.count >= LOGIN_ATTEMPT_LIMIT ? request.now + LOCKOUT_MS : 0;
		store.failures.set(key, failures);
		const message = `Invalid email or password (attempt: ${failures.count}/${LOGIN_ATTEMPT_LIMIT})`;
		return { ok: false, reply: errorReply(401, 'AUTHENTICATION_FAILED', { notifications: [{ type: 'ERROR', message, sticky: false }] }) };
	}
	store.failures.delete(key);
	if (user.is_mfa_enabled) {
		const token = randomBytes(40).toString('base64url');
		store.otpTokens.set(token, { account: request.state.name, user_id: user.id, csrf: wantsCsrf(request), expires_at: request.now + OTP_TOKEN_MS });
		return {
			ok: false,
			reply: errorReply(403, 'OTP_EXPECTED', {
				notifications: [{ type: 'INFO', message: 'Two-factor authentication is enabled for your account', sticky: false }],
				extra: { auth_token: token }
			})
		};
	}
	return openSession(store, request, user, wantsCsrf(request));
}

export function authenticate(store: AuthStore, request: AuthRequest): AuthOutcome {
	const headerSession = header(request.headers, 'x-session-id');
	const argumentSession = request.query.get('_session_id') ?? undefined;
	if (headerSession !== undefined && argumentSession !== undefined && headerSession !== argumentSession) {
		return { ok: false, reply: errorReply(400, 'PARAMETERS_INCONSISTENT', { message: 'The X-Session-ID header and the _session_id argument name different sessions' }) };
	}
	const sessionId = headerSession ?? argumentSession;
	const credentials = basicCredentials(request.headers);
	if (credentials && sessionId !== undefined) {
		// Credentials with a session: an unknown session cannot be loaded; a known one contradicts the credentials.
		const known = store.sessions.get(sessionId);
		if (!known || known.account !== request.state.name) return { ok: false, reply: errorReply(454, 'SESSION_LOADING_FAILED') };
		return { ok: false, reply: errorReply(400, 'PARAMETERS_INCONSISTENT', { message: 'Send either credentials or a session ID, not both' }) };
	}
	if (sessionId !== undefined) return fromSession(store, request, sessionId);
	const token = header(request.headers, 'x-token') ?? request.query.get('_token') ?? undefined;
	const otp = header(request.headers, 'x-otp') ?? request.query.get('_otp') ?? undefined;
	if (token !== undefined && otp !== undefined) return fromOtp(store, request, token, otp);
	if (credentials) return fromBasic(store, request, credentials);
	return { ok: false, reply: errorReply(401, 'AUTHORIZATION_REQUIRED') };
}
