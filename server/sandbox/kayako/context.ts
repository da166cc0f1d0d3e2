// What a route handler gets: the parsed request, the account, the authenticated user, the clock, and how to render.
import type { IncomingHttpHeaders } from 'node:http';
import type { MultipartPart } from '../common/multipart';
import type { Reply } from '../common/reply';
import type { Random } from '../common/rng';
import type { RouteParams } from '../common/router';
import type { FieldRules, PresentContext } from './present/index';
import type { RoleType, UserRecord } from './records';
import type { AccountState } from './state';

export interface SessionRecord {
	id: string;
	account: string;
	user_id: number;
	/** Null when the login sent `X-CSRF: false`. */
	csrf_token: string | null;
	created_at: number;
	last_seen_at: number;
}

export interface RequestContext {
	method: string;
	/** The API path without the account, `/api/v1` and `.json`, e.g. `/cases/3/posts`. */
	path: string;
	params: RouteParams;
	query: URLSearchParams;
	body: Record<string, unknown>;
	files: MultipartPart[];
	rawBody: Buffer;
	headers: IncomingHttpHeaders;
	state: AccountState;
	actor: UserRecord;
	actorRole: RoleType;
	session: SessionRecord | undefined;
	now: number;
	present: PresentContext;
	fieldRules: FieldRules;
	settings: SandboxSettings;
	endSession(): void;
}

export interface SandboxSettings {
	maxUploadBytes: number;
	/** Drives the bulk jobs' random delays, so a seed repeats them. */
	random: Random;
	/** Scales the bulk jobs' delays (1: 0.5–1.5 s pending, then 1–3 s processing); tests give less to wait less. */
	jobTimeScale: number;
}

export type Handler = (context: RequestContext) => Reply;

export function isAdmin(context: RequestContext): boolean {
	return context.actorRole === 'OWNER' || context.actorRole === 'ADMIN';
}

export function isStaff(role: RoleType): boolean {
	return role === 'OWNER' || role === 'ADMIN' || role === 'AGENT' || role === 'COLLABORATOR';
}
