// "Remember on this computer": credentials encrypted with the user's passphrase and kept in IndexedDB until forgotten.
import type { MigrationStore } from '../store/store';
import { decryptCredentials, encryptCredentials, type EncryptionOptions } from './crypto';
import type { CredentialSide, Credentials, RememberedCredentials } from './types';

type BlobStore = Pick<MigrationStore, 'putCredentialBlob' | 'listCredentialBlobs' | 'deleteCredentialBlobs'>;

// The blob is bound to its migration and side, so a blob copied onto another migration does not decrypt.
function contextOf(migrationId: string, side: CredentialSide): string {
	return `kayako-migrator/credentials/${migrationId}/${side}`;
}

export async function rememberCredentials(
	store: BlobStore,
	migrationId: string,
	side: CredentialSide,
	value: Credentials,
	passphrase: string,
	options: Pick<EncryptionOptions, 'iterations'> = {}
): Promise<void> {
	const encrypted = await encryptCredentials(value, passphrase, { ...options, context: contextOf(migrationId, side) });
	await store.putCredentialBlob({ migrationId, side, ...encrypted, createdAt: Date.now() });
}

/** Decrypts every remembered side of the migration; throws `wrong-passphrase` if any of them does not open. */
export async function unlockRemembered(store: BlobStore, migrationId: string, passphrase: string): Promise<RememberedCredentials> {
	const blobs = await store.listCredentialBlobs(migrationId);
	const unlocked: RememberedCredentials = {};
	for (const blob of blobs) {
		unlocked[blob.side] = await decryptCredentials(blob, passphrase, { context: contextOf(migrationId, blob.side) });
	}
	return unlocked;
}

/** Which sides have remembered credentials, to know whether to ask for the passphrase at all. */
export async function rememberedSides(store: BlobStore, migrationId: string): Promise<CredentialSide[]> {
	const blobs = await store.listCredentialBlobs(migrationId);
	return blobs.map((blob) => blob.side);
}

/** Deletes the remembered credentials of one side, or of both. */
export function forgetRemembered(store: BlobStore, migrationId: string, side?: CredentialSide): Promise<void> {
	return store.deleteCredentialBlobs(migrationId, side);
}
