import { describe, expect, it } from 'vitest';
import { forgetRemembered, rememberCredentials, rememberedSides, unlockRemembered, type Credentials } from '../../src/lib/engine/credentials';
import type { StoredCredentials } from '../../src/lib/engine/store';
import { dumpDatabase, openTestStore } from './store-fixtures';

const fast = { iterations: 1000 };
const zendesk: Credentials = { kind: 'api-token', email: 'admin@acme.test', token: 'zd-token-SECRET-4711' };
const kayako: Credentials = { kind: 'password', email: 'admin@acme.test', password: 'kayako-PASSWORD-0815' };

describe('remembered credentials', () => {
	it('unlocks both sides with the passphrase they were remembered with', async () => {
		const { store } = await openTestStore();
		await rememberCredentials(store, 'm-1', 'source', zendesk, 'our passphrase', fast);
		await rememberCredentials(store, 'm-1', 'kayako', kayako, 'our passphrase', fast);
		expect((await rememberedSides(store, 'm-1')).sort()).toEqual(['kayako', 'source']);
		expect(await unlockRemembered(store, 'm-1', 'our passphrase')).toEqual({ source: zendesk, kayako });
		expect(await unlockRemembered(store, 'm-2', 'our passphrase')).toEqual({});
	});

	it('stores nothing when the passphrase is too short to protect a stolen disk', async () => {
		const { store } = await openTestStore();
		await expect(rememberCredentials(store, 'm-1', 'kayako', kayako, 'short', fast)).rejects.toMatchObject({ kind: 'invalid-input' });
		expect(await rememberedSides(store, 'm-1')).toEqual([]);
	});

	it('stores neither the password nor the token in clear anywhere in IndexedDB', async () => {
		const { store, factory } = await openTestStore();
		await rememberCredentials(store, 'm-1', 'source', zendesk, 'our passphrase', fast);
		await rememberCredentials(store, 'm-1', 'kayako', kayako, 'our passphrase', fast);
		const raw = JSON.stringify(await dumpDatabase(factory));
		expect(raw).toContain('"ciphertext"');
		for (const secret of ['zd-token-SECRET-4711', 'kayako-PASSWORD-0815', 'our passphrase', btoa('kayako-PASSWORD-0815')]) expect(raw).not.toContain(secret);
		const [blob] = (await dumpDatabase(factory)).credentials as StoredCredentials[];
		expect(Object.keys(blob ?? {}).sort()).toEqual(['ciphertext', 'createdAt', 'iterations', 'iv', 'migrationId', 'salt', 'side']);
	});

	it('refuses a wrong passphrase', async () => {
		const { store } = await openTestStore();
		await rememberCredentials(store, 'm-1', 'kayako', kayako, 'our passphrase', fast);
		await expect(unlockRemembered(store, 'm-1', 'Our passphrase')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
	});

	it('refuses credentials whose stored ciphertext was tampered with', async () => {
		const { store } = await openTestStore();
		await rememberCredentials(store, 'm-1', 'kayako', kayako, 'our passphrase', fast);
		const blob = await store.getCredentialBlob('m-1', 'kayako');
		if (!blob) throw new Error('the blob was not stored');
		const bytes = Uint8Array.from(atob(blob.ciphertext), (char) => char.charCodeAt(0));
		bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x80;
		await store.putCredentialBlob({ ...blob, ciphertext: btoa(String.fromCharCode(...bytes)) });
		await expect(unlockRemembered(store, 'm-1', 'our passphrase')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
	});

	it('does not open a blob copied onto another migration or side', async () => {
		const { store } = await openTestStore();
		await rememberCredentials(store, 'm-1', 'kayako', kayako, 'our passphrase', fast);
		const blob = await store.getCredentialBlob('m-1', 'kayako');
		if (!blob) throw new Error('the blob was not stored');
		await store.putCredentialBlob({ ...blob, migrationId: 'm-2' });
		await store.putCredentialBlob({ ...blob, side: 'source' });
		await expect(unlockRemembered(store, 'm-2', 'our passphrase')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
		await expect(unlockRemembered(store, 'm-1', 'our passphrase')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
	});

	it('forgets one side or both', async () => {
		const { store } = await openTestStore();
		await rememberCredentials(store, 'm-1', 'source', zendesk, 'our passphrase', fast);
		await rememberCredentials(store, 'm-1', 'kayako', kayako, 'our passphrase', fast);
		await forgetRemembered(store, 'm-1', 'source');
		expect(await rememberedSides(store, 'm-1')).toEqual(['kayako']);
		await forgetRemembered(store, 'm-1');
		expect(await rememberedSides(store, 'm-1')).toEqual([]);
	});

	it('writes only the fields of an encrypted blob, even when a plaintext is attached by mistake', async () => {
		const { store, factory } = await openTestStore();
		const blob = { migrationId: 'm-1', side: 'kayako', salt: 'c2FsdA==', iv: 'aXY=', ciphertext: 'Y3Q=', iterations: 1000, createdAt: 1, password: 'oops-plaintext' };
		await store.putCredentialBlob(blob as StoredCredentials);
		expect(JSON.stringify(await dumpDatabase(factory))).not.toContain('oops-plaintext');
		await expect(store.putCredentialBlob({ ...blob, ciphertext: '' } as StoredCredentials)).rejects.toMatchObject({ kind: 'invalid-input' });
	});
});
