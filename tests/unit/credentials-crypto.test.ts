import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ITERATIONS, decryptCredentials, encryptCredentials, type Credentials } from '../../src/lib/engine/credentials';
import { MigrationError } from '../../src/lib/engine/errors';

const fast = { iterations: 1000 };
const zendesk: Credentials = { kind: 'api-token', email: 'admin@acme.test', token: 'zd-token-0123456789' };

function flipFirstByte(base64: string): string {
	const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
	bytes[0] = (bytes[0] ?? 0) ^ 0x01;
	return btoa(String.fromCharCode(...bytes));
}

async function refusal(promise: Promise<unknown>): Promise<MigrationError> {
	const error = await promise.then(
		() => undefined,
		(thrown: unknown) => thrown
	);
	expect(error).toBeInstanceOf(MigrationError);
	return error as MigrationError;
}

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('passphrase encryption of credentials', () => {
	it('decrypts what it encrypted, for every kind of credentials', async () => {
		const all: Credentials[] = [
			{ kind: 'password', email: 'admin@acme.test', password: 'pä$$wörd' },
			zendesk,
			{ kind: 'oauth', accessToken: 'ya29.token' },
			{ kind: 'api-key', key: 'hs-key' }
		];
		for (const credentials of all) {
			const blob = await encryptCredentials(credentials, 'correct horse battery staple', fast);
			expect(await decryptCredentials(blob, 'correct horse battery staple')).toEqual(credentials);
		}
	});

	it('uses at least 310,000 PBKDF2 iterations unless told otherwise', async () => {
		expect(DEFAULT_ITERATIONS).toBeGreaterThanOrEqual(310_000);
		const blob = await encryptCredentials(zendesk, 'passphrase');
		expect(blob.iterations).toBe(DEFAULT_ITERATIONS);
	});

	it('uses a fresh 16-byte salt and 12-byte nonce for every encryption', async () => {
		const first = await encryptCredentials(zendesk, 'passphrase', fast);
		const second = await encryptCredentials(zendesk, 'passphrase', fast);
		expect(atob(first.salt)).toHaveLength(16);
		expect(atob(first.iv)).toHaveLength(12);
		expect(first.salt).not.toBe(second.salt);
		expect(first.iv).not.toBe(second.iv);
		expect(first.ciphertext).not.toBe(second.ciphertext);
	});

	it('refuses a wrong passphrase with a sentence that says so and says what forgetting it means, without any secret in it', async () => {
		const blob = await encryptCredentials(zendesk, 'right passphrase', fast);
		const error = await refusal(decryptCredentials(blob, 'wrong passphrase'));
		expect(error.kind).toBe('wrong-passphrase');
		expect(error.message).toMatch(/passphrase does not match/);
		expect(error.message).toMatch(/forgotten.*enter them again/);
		for (const secret of ['right passphrase', 'wrong passphrase', zendesk.token]) expect(error.message).not.toContain(secret);
	});

	it('refuses a blob whose ciphertext, nonce or salt was altered, the same way as a wrong passphrase', async () => {
		const blob = await encryptCredentials(zendesk, 'passphrase', fast);
		for (const tampered of [
			{ ...blob, ciphertext: flipFirstByte(blob.ciphertext) },
			{ ...blob, iv: flipFirstByte(blob.iv) },
			{ ...blob, salt: flipFirstByte(blob.salt) },
			{ ...blob, iterations: blob.iterations + 1 },
			{ ...blob, ciphertext: 'not base64 at all!' }
		]) {
			expect((await refusal(decryptCredentials(tampered, 'passphrase'))).kind).toBe('wrong-passphrase');
		}
	});

	it('refuses a blob encrypted for another context', async () => {
		const blob = await encryptCredentials(zendesk, 'passphrase', { ...fast, context: 'migration-A/source' });
		expect(await decryptCredentials(blob, 'passphrase', { context: 'migration-A/source' })).toEqual(zendesk);
		expect((await refusal(decryptCredentials(blob, 'passphrase', { context: 'migration-B/source' }))).kind).toBe('wrong-passphrase');
	});

	it('refuses an empty passphrase and anything that is not credentials', async () => {
		expect((await refusal(encryptCredentials(zendesk, '', fast))).kind).toBe('invalid-input');
		const notCredentials = { kind: 'cookie', value: 'x' } as unknown as Credentials;
		expect((await refusal(encryptCredentials(notCredentials, 'passphrase', fast))).kind).toBe('invalid-input');
	});

	it('refuses a passphrase shorter than 8 characters, whoever calls, and accepts one of exactly 8', async () => {
		const short = await refusal(encryptCredentials(zendesk, '1234567', fast));
		expect(short.kind).toBe('invalid-input');
		expect(short.message).toContain('shorter than 8 characters');
		const blob = await encryptCredentials(zendesk, '12345678', fast);
		expect(await decryptCredentials(blob, '12345678')).toEqual(zendesk);
	});

	it('encrypts only the fields of the credentials, not whatever else was attached', async () => {
		const withExtra = { ...zendesk, note: 'debug dump' } as Credentials;
		const blob = await encryptCredentials(withExtra, 'passphrase', fast);
		expect(await decryptCredentials(blob, 'passphrase')).toEqual(zendesk);
	});

	it('says credentials cannot be remembered where the page has no WebCrypto', async () => {
		vi.stubGlobal('crypto', { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
		expect((await refusal(encryptCredentials(zendesk, 'passphrase', fast))).kind).toBe('crypto-unavailable');
	});
});
