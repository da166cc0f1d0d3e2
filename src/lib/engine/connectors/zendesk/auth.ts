// The Authorization header for each way of logging in to Zendesk: API token, password, or an OAuth access token.
import type { Credentials } from '../../credentials';
import { MigrationError } from '../../errors';

/** Zendesk reads an API token as Basic `{email}/token:{token}`, a password as Basic `{email}:{password}`, OAuth as Bearer. */
export function zendeskAuthorization(credentials: Credentials): string {
	switch (credentials.kind) {
		case 'api-token':
			return basicAuth(`${credentials.email}/token`, credentials.token);
		case 'password':
			return basicAuth(credentials.email, credentials.password);
		case 'oauth':
			return `Bearer ${credentials.accessToken}`;
		case 'api-key':
			throw new MigrationError({
				kind: 'invalid-input',
				message: 'Zendesk does not log in with an API key alone. Enter your e-mail address with an API token, or use OAuth.'
			});
	}
}

/** Basic auth for any characters (btoa alone fails on non-Latin-1 passwords). */
function basicAuth(user: string, secret: string): string {
	const bytes = new TextEncoder().encode(`${user}:${secret}`);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return `Basic ${btoa(binary)}`;
}
