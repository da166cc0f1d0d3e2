// The sandbox account's sign-in details: an admin (API token, password, OAuth) and a non-admin agent.
export const ZENDESK_SANDBOX_CREDENTIALS = {
	email: 'admin@zendesk-sandbox.test',
	apiToken: 'sAnDbOxZdToKeN0123456789abcdefGHIJKLmnop',
	password: 'sandbox-admin-password',
	oauthToken: 'sandbox-oauth-admin-0f1e2d3c4b5a69788796a5b4c3d2e1f0',
	agent: {
		email: 'agent@zendesk-sandbox.test',
		password: 'sandbox-agent-password',
		oauthToken: 'sandbox-oauth-agent-a1b2c3d4e5f60718293a4b5c6d7e8f90'
	}
} as const;
