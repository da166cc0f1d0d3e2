// Reads Zendesk's several error envelopes and turns Zendesk's refusals into sentences that say what to do.
import { MigrationError, type ErrorInfo } from '../../errors';
import type { DescribedError, HttpResponse } from '../../http';

type ErrorBody = {
	error?: string | { title?: string; message?: string };
	description?: string;
	error_description?: string;
	errors?: { code?: string; title?: string; detail?: string }[];
};

/** Zendesk answers `{error, description}`, `{error: {title, message}}`, `{errors: [{code, title, detail}]}` or OAuth's `{error, error_description}`. */
export function describeZendeskError(response: HttpResponse): DescribedError | undefined {
	const body = response.body as ErrorBody | string | null;
	if (!body || typeof body !== 'object') return undefined;
	const first = body.errors?.[0];
	if (first) return { code: first.code, message: first.detail ?? first.title };
	if (typeof body.error === 'string') return { code: body.error, message: body.description ?? body.error_description ?? body.error };
	if (body.error && typeof body.error === 'object') return { code: body.error.title, message: body.error.message ?? body.error.title };
	return undefined;
}

/** Adds Zendesk's own words to an error the HTTP layer raised (when its client had no describer) and says what the user can do. */
export function refineZendeskError(error: unknown, host: string, needsAdmin = false): unknown {
	if (!(error instanceof MigrationError)) return error;
	const described = error.info.code === undefined && isResponse(error.cause) ? describeZendeskError(error.cause) : undefined;
	const info: ErrorInfo = { ...error.info };
	if (described?.code) info.code = described.code;
	if (described?.message) info.helpdeskMessage = described.message;
	if (info.status === 401) {
		info.kind = 'auth-failed';
		info.message = `Zendesk at ${host} refused the login (${info.helpdeskMessage ?? '401'}). Check the e-mail address and the API token, password or OAuth token.`;
	} else if (info.status === 404 && /^No help desk at /i.test(info.code ?? '')) {
		// Zendesk's answer for a subdomain no account has, on any path: the address is wrong, not a record gone.
		info.kind = 'account-unknown';
		info.message = `There is no Zendesk account at ${host} (Zendesk says "${info.code}"). Check the address, for example acme.zendesk.com.`;
	} else if (info.status === 403 && needsAdmin) {
		info.kind = 'not-admin';
		info.message = `Zendesk at ${host} lets only administrators read its exports. Log in with an admin account, or an API token of an admin.`;
	} else if (!described) {
		return error;
	}
	return new MigrationError(info, { cause: error });
}

function isResponse(value: unknown): value is HttpResponse {
	return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}
