// Checkpoints: per migration and stream, the cursor a source reader resumes from after a crash or a closed tab.
import { prefixRange, type StoreContext } from './context';
import type { CheckpointRecord, JsonValue } from './types';

export interface CheckpointAccess {
	getCheckpoint(migrationId: string, stream: string): Promise<CheckpointRecord | undefined>;
	putCheckpoint(migrationId: string, stream: string, checkpoint: JsonValue): Promise<CheckpointRecord>;
	listCheckpoints(migrationId: string): Promise<CheckpointRecord[]>;
	/** Deletes one stream's checkpoint, or every checkpoint of the migration when no stream is given (a fresh full run). */
	deleteCheckpoints(migrationId: string, stream?: string): Promise<void>;
}

export function checkpointAccess(context: StoreContext): CheckpointAccess {
	const { db } = context;
	return {
		getCheckpoint(migrationId, stream) {
			return db.get('checkpoints', [migrationId, stream]);
		},
		async putCheckpoint(migrationId, stream, checkpoint) {
			const record: CheckpointRecord = { migrationId, stream, checkpoint, updatedAt: context.now() };
			await db.put('checkpoints', record);
			return record;
		},
		listCheckpoints(migrationId) {
			return db.getAll('checkpoints', prefixRange(context, [migrationId]));
		},
		async deleteCheckpoints(migrationId, stream) {
			await db.delete('checkpoints', stream === undefined ? prefixRange(context, [migrationId]) : [migrationId, stream]);
		}
	};
}
