// Who is calling: API token (`email/token:TOKEN`), password Basic auth or an OAuth Bearer token, as Zendesk reads them.
import type { IncomingHttpHeaders } from 'node:http';
import type { ZendeskAccount } from '../account';
import { ZENDESK_SANDBOX_CREDENTIALS as CREDENTIALS } from '../credentials';
import { ADMIN_INDEX, AGENT_INDEX } from '../generator/people';

export type Principal =
	| { kind: 'user'; userIndex: number; role: 'admin' | 'agent' | 'end-user'; via: 'api-token' | 'password' | 'oauth' }
	| { kind: 'anonymous' }
	/** Credentials were sent and are wrong; `password` failures still see the anonymous user on /users/me. */
	| { kind: 'rejected'; scheme: 'api-token' | 'password' | 'oauth' | 'malformed' };

const PASSWORDS = new Map<string, string>([
	[CREDENTIALS.email, CREDENTIALS.password],
	[CREDENTIALS.agent.email, CREDENTIALS.agent.password]
]);

const OAUTH_TOKENS = new Map<string, number>([
	[CREDENTIALS.oauthToken, ADMIN_INDEX],
	[CREDENTIALS.agent.oauthToken, AGENT_INDEX]
]);

function asUser(account: ZendeskAccount, index: number, via: 'api-token' | 'password' | 'oauth'): Principal {
	const user = account.user(index);
	// Deleted users cannot sign in; suspended ones neither.
	if (!user.active || user.suspended) return { kind: 'rejected', scheme: via };
	return { kind: 'user', userIndex: index, role: user.role, via };
}

export function authenticate(account: ZendeskAccount, headers: IncomingHttpHeaders): Principal {
	const header = headers.authorization;
	if (!header) return { kind: 'anonymous' };
	const [scheme, value = ''] = header.trim().split(/\s+/, 2);
	if (scheme?.toLowerCase() === 'bearer') {
		const index = OAUTH_TOKENS.get(value);
		return index === undefined ? { kind: 'rejected', scheme: 'oauth' } : asUser(account, index, 'oauth');
	}
	if (scheme?.toLowerCase() !== 'basic') return { kind: 'rejected', scheme: 'malformed' };
	const decoded = Buffer.from(value, 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return { kind: 'rejected', scheme: 'malformed' };
	const login = decoded.slice(0, colon);
	const secret = decoded.slice(colon + 1);
	if (login.endsWith('/token')) {
		// An API token works for any user of the account: it impersonates whoever the e-mail names.
		const index = secret === CREDENTIALS.apiToken ? account.userIndexByEmail(login.slice(0, -'/token'.length)) : undefined;
		return index === undefined ? { kind: 'rejected', scheme: 'api-token' } : asUser(account, index, 'api-token');
	}
	const email = login.toLowerCase();
	if (PASSWORDS.get(email) !== secret) return { kind: 'rejected', scheme: 'password' };
	const index = account.userIndexByEmail(email);
	return index === undefined ? { kind: 'rejected', scheme: 'password' } : asUser(account, index, 'password');
}
