// The fixed sign-ins of the seeded `acme` account; `npm start` prints the admin's. Other accounts use the same with their own domain.
export const KAYAKO_SANDBOX_ACCOUNT = 'acme';

export const KAYAKO_SANDBOX_CREDENTIALS = {
	account: KAYAKO_SANDBOX_ACCOUNT,
	owner: { email: 'owner@acme.example', password: 'Sandbox-Owner-1' },
	/** The migration account: an administrator without 2FA. */
	admin: { email: 'admin@acme.example', password: 'Sandbox-Admin-1' },
	agent: { email: 'agent@acme.example', password: 'Sandbox-Agent-1' },
	agent2: { email: 'agent2@acme.example', password: 'Sandbox-Agent-2' },
	collaborator: { email: 'collaborator@acme.example', password: 'Sandbox-Collaborator-1' },
	/** A disabled agent: the right password still fails. */
	disabled: { email: 'departed@acme.example', password: 'Sandbox-Departed-1' },
	/** An agent with two-factor authentication; the sandbox accepts this one code. */
	mfa: { email: 'mfa@acme.example', password: 'Sandbox-Mfa-1', otp: '123456' }
} as const;

/** The same person in another account of the sandbox: `admin@acme.example` becomes `admin@globex.example`. */
export function emailInAccount(email: string, account: string): string {
	return email.replace(/@acme\.example$/, `@${account}.example`);
}
