// A delta's re-import of a changed ticket: noted before the send, the new case found and checked, the old one trashed, then the id map.
import { MigrationError } from '../errors';
import type { SourceId, TicketBundle } from '../model';
import type { IdMapKey, JsonObject, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { isFatal, isTransient, reasonOf, repeatWithinBudget } from './record-step';
import type { References, ReimportTarget } from './target';
import type { TicketJobs } from './ticket-jobs';

/** One checkpoint per ticket whose re-import has started and not ended: what was sent, and which case it replaces. */
const PREFIX = 'reimport:tickets:';

interface OpenRecord {
	oldKayakoId: KayakoId;
	/** The content hash and comment ids of what was sent: the id map gets them once the new case is confirmed. */
	hash: string;
	parts: string[];
	/** How many posts the new case must hold to be complete. */
	posts: number;
	startedAt: number;
	jobId?: number;
	note?: string;
}

export interface ReimportInput {
	bundle: TicketBundle;
	key: IdMapKey;
	hash: string;
	parts: string[];
	/** What the report says about the ticket's references. */
	note?: string;
}

export type ReimportResult = { ok: true } | { ok: false; reason: string };

function streamOf(sourceId: SourceId): string {
	return `${PREFIX}${sourceId}`;
}

function targetOf(context: RunContext): ReimportTarget {
	const reimport = context.target.reimport;
	if (!reimport) throw new MigrationError({ kind: 'invalid-input', message: 'This target cannot re-import tickets; choose "append new comments" in the options.' });
	return reimport;
}

async function readOpen(context: RunContext, sourceId: SourceId): Promise<OpenRecord | undefined> {
	const stored = await context.store.getCheckpoint(context.run.migrationId, streamOf(sourceId));
	return stored?.checkpoint as OpenRecord | undefined;
}

async function writeOpen(context: RunContext, sourceId: SourceId, open: OpenRecord): Promise<void> {
	await context.store.putCheckpoint(context.run.migrationId, streamOf(sourceId), JSON.parse(JSON.stringify(open)) as JsonObject);
}

async function closeOpen(context: RunContext, sourceId: SourceId): Promise<void> {
	await context.store.deleteCheckpoints(context.run.migrationId, streamOf(sourceId));
}

/**
 * The new case is there: only once it holds every post is the old case trashed, and only then does the id map name
 * the new one. A crash anywhere in between leaves the open record, and the next attempt goes through this again.
 * An incomplete new case is ours and goes to the trash instead; the ticket is sent again.
 */
async function swap(context: RunContext, sourceId: SourceId, open: OpenRecord, newKayakoId: KayakoId): Promise<void> {
	const reimport = targetOf(context);
	if (!(await reimport.complete(newKayakoId, open.posts))) {
		await reimport.trash(newKayakoId);
		await closeOpen(context, sourceId);
		throw new MigrationError({ kind: 'unknown-outcome', message: `Kayako's new case ${newKayakoId} for ticket ${sourceId} lacked posts; it was moved to the trash and the ticket is imported again.` });
	}
	await keepReplacedRow(context, sourceId, open.oldKayakoId);
	await reimport.trash(open.oldKayakoId);
	const said = `Re-imported with all its posts, authors and times: its case is now ${newKayakoId} (case ${open.oldKayakoId} is in Kayako's trash).`;
	const note = [said, open.note].filter(Boolean).join(' ');
	await context.store.markMigrated(context.run.id, [{ ...keyOf(context, 'tickets', sourceId), kayakoId: newKayakoId, contentHash: open.hash, parts: open.parts, note }]);
	await context.delta?.reimported(sourceId, open.oldKayakoId, newKayakoId);
	await closeOpen(context, sourceId);
}

/**
 * The ticket's id-map row as it was before the re-import, kept under the run's name before the old case is trashed:
 * a rollback of this run deletes the new case, takes the old one out of the trash and puts this row back.
 */
async function keepReplacedRow(context: RunContext, sourceId: SourceId, oldKayakoId: KayakoId): Promise<void> {
	const stream = replacedStream(context.run.id, sourceId);
	if (await context.store.getCheckpoint(context.run.migrationId, stream)) return;
	const row = await context.store.getIdMapRow(keyOf(context, 'tickets', sourceId));
	if (row?.kayakoId !== oldKayakoId) return;
	await context.store.putCheckpoint(context.run.migrationId, stream, JSON.parse(JSON.stringify(row)) as JsonObject);
}

/** Where a run keeps the row a re-import replaced. */
export function replacedStream(runId: string, sourceId: SourceId): string {
	return `replaced:tickets:${runId}:${sourceId}`;
}

/** What became of a re-import an earlier attempt started: finished now, nothing made (sent again), or Kayako still at work. */
async function finishOpen(context: RunContext, sourceId: SourceId, open: OpenRecord): Promise<'done' | 'none' | 'waiting'> {
	const asked = { oldKayakoId: open.oldKayakoId, ...(open.jobId !== undefined ? { jobId: open.jobId } : { agoMs: Math.max(0, context.now() - open.startedAt) }) };
	const { found, unfinished } = await targetOf(context).find(new Map([[sourceId, asked]]));
	if (unfinished.has(sourceId)) return 'waiting';
	const newKayakoId = found.get(sourceId);
	if (newKayakoId === undefined) {
		await closeOpen(context, sourceId);
		return 'none';
	}
	await swap(context, sourceId, open, newKayakoId);
	return 'done';
}

/** Sends the ticket anew. The open record is written first, so a crash or a lost answer is followed by a look-up, never by a second send. */
async function send(context: RunContext, refs: References, input: ReimportInput, oldKayakoId: KayakoId): Promise<void> {
	const sourceId = input.bundle.ticket.id;
	const open: OpenRecord = { oldKayakoId, hash: input.hash, parts: input.parts, posts: Math.max(1, input.bundle.comments.length), startedAt: context.now(), ...(input.note && { note: input.note }) };
	await writeOpen(context, sourceId, open);
	const jobs: TicketJobs = {
		started: new Map(),
		unsure: new Map(),
		replacing: new Map([[sourceId, Number(oldKayakoId)]]),
		accepted: async (jobId) => {
			open.jobId = jobId;
			await writeOpen(context, sourceId, open);
		},
		ended: () => undefined
	};
	const outcome = (await context.target.tickets([input.bundle], refs, jobs)).get(sourceId);
	if (!outcome) throw new MigrationError({ kind: 'malformed-response', message: 'Kayako answered without a result for this ticket.' });
	if (!outcome.ok) {
		// Refused outright, nothing was made: nothing to look for later.
		if (outcome.error.kind !== 'unknown-outcome') await closeOpen(context, sourceId);
		throw new MigrationError(outcome.error);
	}
	if (outcome.note) open.note = [input.note, outcome.note].filter(Boolean).join(' ');
	await swap(context, sourceId, open, outcome.kayakoId);
}

/**
 * A web page where Kayako's JSON was due, in the middle of a run that has talked to Kayako all along: a gateway's page,
 * not a wrong address. Another attempt is safe, as each first looks at what the last one left.
 */
function gatewayPage(error: unknown): boolean {
	return error instanceof MigrationError && error.kind === 'not-helpdesk';
}

/**
 * Re-imports a changed ticket, within the record's budget: an attempt first settles what an earlier one left open
 * (finds its new case, or learns that none was made), then sends. The old case stays until the new one is complete.
 */
export async function reimportTicket(context: RunContext, refs: References, input: ReimportInput, oldKayakoId: KayakoId): Promise<ReimportResult> {
	const sourceId = input.bundle.ticket.id;
	let replacing = oldKayakoId;
	let lastError: unknown;
	for (let attempt = 1; attempt <= context.options.attemptsPerRecord; attempt++) {
		await context.control.checkpoint();
		try {
			const open = await readOpen(context, sourceId);
			if (open) {
				const state = await finishOpen(context, sourceId, open);
				if (state === 'waiting') return { ok: false, reason: `Kayako is still importing the new case of this ticket; case ${open.oldKayakoId} stays until it is done. The next delta finishes it.` };
				if (state === 'done') {
					if (open.hash === input.hash) return { ok: true };
					replacing = (await context.store.getIdMapRow(input.key))?.kayakoId ?? replacing;
				}
			}
			await send(context, refs, input, replacing);
			return { ok: true };
		} catch (error) {
			lastError = error;
			if (isFatal(error)) throw error;
			if (!isTransient(error) && !gatewayPage(error)) break;
		}
	}
	return { ok: false, reason: `The re-import failed; case ${replacing} is as the earlier run left it. ${reasonOf(lastError)}` };
}

/**
 * Re-imports an earlier attempt left open (a crash after the send, a lost answer) are finished before the tickets are
 * read: a delta may not read those tickets again. What cannot be finished now stays open for the next run.
 */
export async function finishOpenReimports(context: RunContext): Promise<void> {
	if (!context.target.reimport) return;
	const open = (await context.store.listCheckpoints(context.run.migrationId)).filter((each) => each.stream.startsWith(PREFIX));
	for (const each of open) {
		await context.control.checkpoint();
		const sourceId = each.stream.slice(PREFIX.length);
		const result = await repeatWithinBudget(context, () => finishOpen(context, sourceId, each.checkpoint as unknown as OpenRecord));
		if (result.ok && result.value === 'done') {
			context.progress.count('tickets', 'migrated');
			context.report();
		} else if (!result.ok) await context.log('warn', `tickets ${sourceId}: an open re-import could not be finished yet: ${result.reason}`, { kind: 'tickets', sourceId });
	}
}
