// Zendesk's error bodies, in the several envelopes the real API uses (string error, error+description, errors[]).
import { jsonReply, type Reply } from '../../common/reply';

export function couldNotAuthenticate(): Reply {
	return jsonReply(401, { error: "Couldn't authenticate you" });
}

/** What Zendesk's OAuth layer answers for a Bearer token it does not know. */
export function invalidOAuthToken(): Reply {
	return jsonReply(401, { error: 'invalid_token', error_description: 'The access token provided is expired, revoked, malformed or invalid for other reasons.' });
}

export function forbidden(): Reply {
	return jsonReply(403, { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' });
}

export function recordNotFound(): Reply {
	return jsonReply(404, { error: 'RecordNotFound', description: 'Not found' });
}

export function invalidEndpoint(): Reply {
	return jsonReply(404, { error: 'InvalidEndpoint', description: 'Not found' });
}

export function methodNotAllowed(allowed: string[]): Reply {
	return jsonReply(405, { error: 'MethodNotAllowed', description: 'Method not allowed' }, { Allow: allowed.join(', ') });
}

export function invalidValue(description: string): Reply {
	return jsonReply(400, { error: 'InvalidValue', description });
}

export function errorsReply(status: number, code: string, title: string, detail?: string): Reply {
	return jsonReply(status, { errors: [{ code, status: String(status), title, ...(detail !== undefined && { detail }) }] });
}

export function rateLimited(description: string, retryAfterSeconds: number): Reply {
	return jsonReply(429, { error: 'APIRateLimitExceeded', description }, { 'Retry-After': String(retryAfterSeconds) });
}

/** The sandbox's own account name: a host `<name>.zendesk.<anything>` with another name is an account that does not exist. */
export const SANDBOX_SUBDOMAIN = 'sandbox';

/**
 * The host name when it names a Zendesk account other than the sandbox's (`nosuch.zendesk.localhost`), else undefined.
 * Plain addresses (127.0.0.1, localhost, a container name) are the sandbox itself.
 */
export function unknownSubdomain(hostHeader: string | undefined): string | undefined {
	const host = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
	const match = /^([a-z0-9-]+)\.zendesk\.[a-z0-9.-]+$/.exec(host);
	return match && match[1] !== SANDBOX_SUBDOMAIN ? host : undefined;
}

/** What real Zendesk answers, whatever the path, for a subdomain no account has. */
export function noHelpDesk(host: string): Reply {
	return jsonReply(404, {
		error: {
			title: `No help desk at ${host}`,
			message: 'There is no help desk configured at this address. This means that the address is available and that you can claim it at http://www.zendesk.com/signup'
		}
	});
}
