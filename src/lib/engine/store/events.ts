// The migration's event log: what happened and when, newest first, pruned so it cannot fill the disk.
import { redact } from '../credentials/redact';
import { MigrationError } from '../errors';
import { allOrNothing, prefixRange, type StoreContext } from './context';
import type { EventPageRequest, EventPruning, EventRecord, NewEvent } from './types';

export interface EventAccess {
	/** Stores the event with its message and data redacted, and returns it with its id. */
	appendEvent(event: NewEvent): Promise<EventRecord>;
	/** Newest first; pass the last event of a page as `before` for the next, older page. */
	listEvents(migrationId: string, page: EventPageRequest): Promise<EventRecord[]>;
	/** Deletes events older than `olderThan` and beyond the newest `keepLatest`; returns how many went. */
	pruneEvents(migrationId: string, pruning: EventPruning): Promise<number>;
}

export function eventAccess(context: StoreContext): EventAccess {
	const { db } = context;
	return {
		async appendEvent(event) {
			const record: Omit<EventRecord, 'id'> = { migrationId: event.migrationId, time: event.time ?? context.now(), level: event.level, message: redact(event.message) };
			if (event.runId !== undefined) record.runId = event.runId;
			if (event.data !== undefined) record.data = redact(event.data);
			// The store's key generator fills in `id`; a present-but-undefined id would be refused.
			const id = await db.add('events', record as EventRecord);
			return { ...record, id };
		},

		async listEvents(migrationId, page) {
			if (!Number.isInteger(page.limit) || page.limit < 1) {
				throw new MigrationError({ kind: 'invalid-input', message: `An event page holds at least one event; ${page.limit} was asked.` });
			}
			const { before } = page;
			const range = before
				? context.keyRange.bound([migrationId], [migrationId, before.time])
				: prefixRange(context, [migrationId]);
			const tx = db.transaction('events', 'readonly');
			let cursor = await tx.store.index('byMigrationTime').openCursor(range, 'prev');
			if (cursor && before) {
				// Events of the same millisecond sort by id; seek to the one given and step past it.
				const sameTime: [string, number] = [migrationId, before.time];
				if (context.compareKeys(cursor.key, sameTime) === 0 && cursor.primaryKey > before.id) {
					cursor = await cursor.continuePrimaryKey(sameTime, before.id);
				}
				if (cursor && context.compareKeys(cursor.key, sameTime) === 0 && cursor.primaryKey === before.id) cursor = await cursor.continue();
			}
			const events: EventRecord[] = [];
			while (cursor && events.length < page.limit) {
				events.push(cursor.value);
				if (events.length < page.limit) cursor = await cursor.continue();
			}
			await tx.done;
			return events;
		},

		async pruneEvents(migrationId, pruning) {
			const tx = db.transaction('events', 'readwrite');
			return allOrNothing(tx, async () => {
				const deletions: Promise<void>[] = [];
				let kept = 0;
				const index = tx.store.index('byMigrationTime');
				for (let cursor = await index.openKeyCursor(prefixRange(context, [migrationId]), 'prev'); cursor; cursor = await cursor.continue()) {
					const [, time] = cursor.key;
					const tooOld = pruning.olderThan !== undefined && time < pruning.olderThan;
					const beyondKept = pruning.keepLatest !== undefined && kept >= pruning.keepLatest;
					if (tooOld || beyondKept) deletions.push(tx.store.delete(cursor.primaryKey));
					else kept++;
				}
				await Promise.all(deletions);
				return deletions.length;
			});
		}
	};
}
