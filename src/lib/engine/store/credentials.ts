// Remembered credentials as IndexedDB holds them: encrypted blobs only, one per migration and side.
import { MigrationError } from '../errors';
import { prefixRange, type StoreContext } from './context';
import type { CredentialSide, StoredCredentials } from './types';

export interface CredentialBlobAccess {
	/** Keeps only the blob's own fields, so a plaintext attached by mistake is never written. */
	putCredentialBlob(blob: StoredCredentials): Promise<void>;
	getCredentialBlob(migrationId: string, side: CredentialSide): Promise<StoredCredentials | undefined>;
	listCredentialBlobs(migrationId: string): Promise<StoredCredentials[]>;
	/** Deletes one side, or both when no side is given. */
	deleteCredentialBlobs(migrationId: string, side?: CredentialSide): Promise<void>;
}

export function credentialBlobAccess(context: StoreContext): CredentialBlobAccess {
	const { db } = context;
	return {
		async putCredentialBlob(blob) {
			await db.put('credentials', onlyBlobFields(blob));
		},
		getCredentialBlob(migrationId, side) {
			return db.get('credentials', [migrationId, side]);
		},
		listCredentialBlobs(migrationId) {
			return db.getAll('credentials', prefixRange(context, [migrationId]));
		},
		async deleteCredentialBlobs(migrationId, side) {
			await db.delete('credentials', side ? [migrationId, side] : prefixRange(context, [migrationId]));
		}
	};
}

function onlyBlobFields(blob: StoredCredentials): StoredCredentials {
	const { migrationId, side, salt, iv, ciphertext, iterations, createdAt } = blob;
	const texts = [migrationId, salt, iv, ciphertext];
	if (texts.some((text) => typeof text !== 'string' || text.length === 0) || (side !== 'source' && side !== 'kayako') || !Number.isInteger(iterations)) {
		throw new MigrationError({ kind: 'invalid-input', message: 'Only an encrypted credentials blob can be stored, and this one is incomplete.' });
	}
	return { migrationId, side, salt, iv, ciphertext, iterations, createdAt };
}
