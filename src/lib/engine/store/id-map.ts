// The id map's rows: one per source record, saying what became of it in Kayako; reads by key and batched writes.
import { allOrNothing, queueEach, type StoreContext } from './context';
import type { IdMapPrimaryKey } from './schema';
import { usedAfter } from './id-map-usage';
import { splitReason } from '../reports/reasons/because';
import { renderReason } from '../reports/reasons/render';
import type { IdMapKey, IdMapRow, KayakoId } from './types';
import type { ReasonPart } from '../reports/reasons/codes';

export interface MigratedMark extends IdMapKey {
	kayakoId: KayakoId;
	/** Omitted: the row keeps the hash it had. */
	contentHash?: string;
	/** The Kayako record existed already (an agent matched by e-mail, a team chosen in the mapping): rollback leaves it alone. */
	matched?: boolean;
	/** What the report should say about a record that moved with a change, e.g. a ticket handed to the default agent. */
	note?: string;
	/** The source ids of the parts that moved with the record (a ticket's comments), so a delta sends only new ones. */
	parts?: string[];
}

export interface ReasonMark extends IdMapKey {
	reason: string;
}

/** What a key may carry of the record it names (see reports/labels): kept on the row so reports need no source calls. */
interface Seen {
	label?: string;
	sourceUrl?: string;
}

/** The row's name for its record: the newest one seen, else the one it had. */
function keepSeen(row: IdMapRow, mark: IdMapKey, previous: IdMapRow | undefined): IdMapRow {
	const seen = mark as Seen;
	const label = seen.label ?? previous?.label;
	if (label !== undefined) row.label = label;
	const sourceUrl = seen.sourceUrl ?? previous?.sourceUrl;
	if (sourceUrl !== undefined) row.sourceUrl = sourceUrl;
	return row;
}

/** The reason as plain text on `reason`, and its coded facts beside it. */
function setReason(row: IdMapRow, reason: string): void {
	const { text, parts } = splitReason(reason);
	row.reason = text;
	if (parts) row.reasonParts = parts;
}

/** The mark's note and the one its send left, each told once. */
function withPendingNote(note: string | undefined, pending: string | undefined): string | undefined {
	if (pending === undefined || note?.includes(pending)) return note;
	return note === undefined ? pending : `${note} ${pending}`;
}

/**
 * A record updated in place (a delta's new comments) keeps what its report said before (a file left out, a person
 * not migrated) and adds what the update says; a fact already told is not told twice.
 */
function addReason(row: IdMapRow, previous: IdMapRow, note: string | undefined): void {
	if (previous.reason === undefined) {
		if (note !== undefined) setReason(row, note);
		return;
	}
	const before: ReasonPart[] = previous.reasonParts ?? [{ text: previous.reason }];
	if (note === undefined) {
		row.reason = previous.reason;
		if (previous.reasonParts) row.reasonParts = previous.reasonParts;
		return;
	}
	const added = splitReason(note);
	const told = new Set(before.map((part) => JSON.stringify(part)));
	const fresh = (added.parts ?? [{ text: added.text }]).filter((part) => !told.has(JSON.stringify(part)));
	const freshText = fresh.map((part) => renderReason({ reasonParts: [part] }, 'en') ?? '').filter((text) => text !== '' && !previous.reason!.includes(text));
	row.reason = [previous.reason, ...freshText].join(' ');
	if (previous.reasonParts || added.parts) row.reasonParts = [...before, ...fresh];
}

export interface IdMapWriteAccess {
	getIdMapRow(key: IdMapKey): Promise<IdMapRow | undefined>;
	/** Writes every row in one transaction: all are stored, or none. */
	putIdMapRows(rows: readonly IdMapRow[]): Promise<void>;
	/** Before a create is sent: status `pending`, one more attempt; the Kayako id of an earlier create is kept for reconciling. */
	markPending(runId: string, keys: readonly IdMapKey[]): Promise<void>;
	/** Kayako accepted a bulk job to create these pending records: its id stays with them until they are migrated. */
	markJobAccepted(runId: string, keys: readonly IdMapKey[], jobId: number): Promise<void>;
	/** Just before a send: what the report must say of these pending records once they are found, whichever attempt finds them. */
	notePending(runId: string, marks: readonly ReasonMark[]): Promise<void>;
	markMigrated(runId: string, marks: readonly MigratedMark[]): Promise<void>;
	markFailed(runId: string, marks: readonly ReasonMark[]): Promise<void>;
	markSkipped(runId: string, marks: readonly ReasonMark[]): Promise<void>;
	deleteIdMapRows(keys: readonly IdMapKey[]): Promise<void>;
}

export function idMapKey(key: IdMapKey): IdMapPrimaryKey {
	return [key.migrationId, key.entity, key.sourceId];
}

export function idMapWriteAccess(context: StoreContext): IdMapWriteAccess {
	const { db } = context;

	/** Reads each row, lets `change` compute its next state, and writes it back, all in one transaction. */
	async function updateRows<M extends IdMapKey>(marks: readonly M[], change: (mark: M, previous: IdMapRow | undefined, now: number) => IdMapRow): Promise<void> {
		if (marks.length === 0) return;
		const tx = db.transaction('idMap', 'readwrite');
		const now = context.now();
		await allOrNothing(tx, () =>
			Promise.all(
				marks.map(async (mark) => {
					const previous = await tx.store.get(idMapKey(mark));
					await tx.store.put(change(mark, previous, now));
				})
			)
		);
	}

	const keyOf = (mark: IdMapKey): IdMapKey => ({ migrationId: mark.migrationId, entity: mark.entity, sourceId: mark.sourceId });

	return {
		getIdMapRow(key) {
			return db.get('idMap', idMapKey(key));
		},

		async putIdMapRows(rows) {
			if (rows.length === 0) return;
			const tx = db.transaction('idMap', 'readwrite');
			await allOrNothing(tx, () => queueEach(rows, (row) => tx.store.put(row)));
		},

		markPending(runId, keys) {
			return updateRows(keys, (key, previous, now) => {
				const row: IdMapRow = { ...keyOf(key), status: 'pending', runId, updatedAt: now, attempts: (previous?.attempts ?? 0) + 1 };
				if (previous?.kayakoId !== undefined) row.kayakoId = previous.kayakoId;
				if (previous?.contentHash !== undefined) row.contentHash = previous.contentHash;
				if (previous?.createdBy !== undefined) row.createdBy = previous.createdBy;
				if (previous?.parts !== undefined) row.parts = previous.parts;
				if (previous?.usedBy !== undefined) row.usedBy = previous.usedBy;
				if (previous?.jobId !== undefined) row.jobId = previous.jobId;
				// An earlier send's note holds until this attempt's send says its own: that send may be the one found.
				if (previous?.status === 'pending' && previous.pendingNote !== undefined) row.pendingNote = previous.pendingNote;
				return keepSeen(row, key, previous);
			});
		},

		markJobAccepted(runId, keys, jobId) {
			return updateRows(keys, (key, previous, now) => {
				if (!previous) return keepSeen({ ...keyOf(key), status: 'pending', runId, updatedAt: now, attempts: 1, jobId }, key, undefined);
				// A row migrated meanwhile has nothing left to wait for.
				if (previous.status === 'migrated') return previous;
				return { ...previous, jobId, updatedAt: now };
			});
		},

		notePending(runId, marks) {
			return updateRows(marks, (mark, previous, now) => {
				if (previous && previous.status !== 'pending') return previous;
				const row: IdMapRow = previous ? { ...previous } : keepSeen({ ...keyOf(mark), status: 'pending', runId, updatedAt: now, attempts: 1 }, mark, undefined);
				// An empty note: this send has nothing to say, and what an earlier send said no longer holds.
				if (mark.reason === '') delete row.pendingNote;
				else row.pendingNote = mark.reason;
				return row;
			});
		},

		markMigrated(runId, marks) {
			return updateRows(marks, (mark, previous, now) => {
				const row: IdMapRow = { ...keyOf(mark), status: 'migrated', kayakoId: mark.kayakoId, runId, updatedAt: now, attempts: previous?.attempts ?? 0 };
				const contentHash = mark.contentHash ?? previous?.contentHash;
				if (contentHash !== undefined) row.contentHash = contentHash;
				// The run that created the Kayako record keeps that title through later updates (delta), so rollback deletes what it made.
				// A later run that finds that same record by e-mail matches our own creation: it stays ours, or no rollback could delete it.
				const sameRecord = previous?.kayakoId === mark.kayakoId;
				const createdBy = sameRecord && previous?.createdBy ? previous.createdBy : mark.matched ? undefined : runId;
				if (createdBy !== undefined) row.createdBy = createdBy;
				// Found after a lost answer or a crash: the note the send left on the pending row still holds.
				const note = withPendingNote(mark.note, previous?.status === 'pending' ? previous.pendingNote : undefined);
				if (sameRecord && previous?.status === 'migrated') addReason(row, previous, note);
				else if (note !== undefined) setReason(row, note);
				const parts = mark.parts ?? previous?.parts;
				if (parts !== undefined) row.parts = parts;
				const usedBy = usedAfter(previous, row);
				if (usedBy !== undefined) row.usedBy = usedBy;
				return keepSeen(row, mark, previous);
			});
		},

		markFailed(runId, marks) {
			return updateRows(marks, (mark, previous, now) => {
				const row = withReason('failed', mark, previous, runId, now);
				// A delta's update that failed still counts on the record the earlier run made.
				const usedBy = usedAfter(previous, row);
				if (usedBy !== undefined) row.usedBy = usedBy;
				return row;
			});
		},

		markSkipped(runId, marks) {
			return updateRows(marks, (mark, previous, now) => withReason('skipped', mark, previous, runId, now));
		},

		async deleteIdMapRows(keys) {
			if (keys.length === 0) return;
			const tx = db.transaction('idMap', 'readwrite');
			await allOrNothing(tx, () => queueEach(keys, (key) => tx.store.delete(idMapKey(key))));
		}
	};
}

// A failed or skipped record keeps its Kayako id and hash from an earlier run: delta and rollback still need them.
function withReason(status: 'failed' | 'skipped', mark: ReasonMark, previous: IdMapRow | undefined, runId: string, now: number): IdMapRow {
	const row: IdMapRow = {
		migrationId: mark.migrationId,
		entity: mark.entity,
		sourceId: mark.sourceId,
		status,
		runId,
		updatedAt: now,
		attempts: previous?.attempts ?? 0
	};
	setReason(row, mark.reason);
	keepSeen(row, mark, previous);
	if (previous?.kayakoId !== undefined) row.kayakoId = previous.kayakoId;
	if (previous?.contentHash !== undefined) row.contentHash = previous.contentHash;
	if (previous?.createdBy !== undefined) row.createdBy = previous.createdBy;
	if (previous?.parts !== undefined) row.parts = previous.parts;
	if (previous?.usedBy !== undefined) row.usedBy = previous.usedBy;
	// A record failed while its job had not ended: the next run waits for that job before sending anything again.
	if (previous?.jobId !== undefined) row.jobId = previous.jobId;
	return row;
}
