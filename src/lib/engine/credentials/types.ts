// The secrets a helpdesk login needs, one shape per way of logging in.
import type { CredentialSide } from '../store/types';

export type { CredentialSide };

export interface PasswordCredentials {
	kind: 'password';
	email: string;
	password: string;
}

export interface ApiTokenCredentials {
	kind: 'api-token';
	email: string;
	token: string;
}

export interface OAuthCredentials {
	kind: 'oauth';
	accessToken: string;
}

export interface ApiKeyCredentials {
	kind: 'api-key';
	key: string;
}

export type Credentials = PasswordCredentials | ApiTokenCredentials | OAuthCredentials | ApiKeyCredentials;

/** Credentials unlocked from IndexedDB, per side; a side the user never asked to remember is absent. */
export type RememberedCredentials = Partial<Record<CredentialSide, Credentials>>;

/** Reads a value back into Credentials, or undefined when it is not one of the four shapes. */
export function parseCredentials(value: unknown): Credentials | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const record = value as Record<string, unknown>;
	const text = (name: string) => (typeof record[name] === 'string' ? (record[name] as string) : undefined);
	const email = text('email');
	switch (record.kind) {
		case 'password': {
			const password = text('password');
			return email !== undefined && password !== undefined ? { kind: 'password', email, password } : undefined;
		}
		case 'api-token': {
			const token = text('token');
			return email !== undefined && token !== undefined ? { kind: 'api-token', email, token } : undefined;
		}
		case 'oauth': {
			const accessToken = text('accessToken');
			return accessToken !== undefined ? { kind: 'oauth', accessToken } : undefined;
		}
		case 'api-key': {
			const key = text('key');
			return key !== undefined ? { kind: 'api-key', key } : undefined;
		}
		default:
			return undefined;
	}
}
