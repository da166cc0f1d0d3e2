// Bulk jobs: a bulk POST answers 202 with a job that moves PENDING -> PROCESSING -> COMPLETED/FAILED as the clock advances.
import { jsonReply, type Reply } from '../common/reply';
import type { RequestContext } from './context';
import { fieldInvalid, fieldRequired, notFound, validationReply, type KayakoError } from './errors';
import { boolean, record } from './input';
import type { JobRecord, RoleType, UserRecord } from './records';
import { nextId, type AccountState } from './state';
import { iso } from './time';

/** The documented batch size of every bulk endpoint. */
export const BULK_LIMIT = 200;

export interface BulkRowEnv {
	state: AccountState;
	actor: UserRecord;
	actorRole: RoleType;
	now: number;
	/** Scratch space for uniqueness inside one batch (e-mails, domains). */
	seen: Set<string>;
}

export interface PreparedRow {
	errors: KayakoError[];
	create(): void;
}

export interface BulkKind {
	/** The body key holding the rows, e.g. `cases` in `{"cases":[...]}`. */
	key: string;
	prepare(row: Record<string, unknown>, env: BulkRowEnv): PreparedRow;
}

export type JobStatus = 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED';

export function jobStatus(job: JobRecord, now: number): JobStatus {
	if (now < job.processing_at) return 'PENDING';
	if (now < job.done_at || !job.settled) return 'PROCESSING';
	return job.status_when_done;
}

/** Runs a job's rows at its completion time; without partial_import one bad row fails the whole batch. */
function settle(state: AccountState, job: JobRecord, kind: BulkKind): void {
	const actor = state.users.get(job.actor_id);
	job.settled = true;
	if (!actor) {
		job.status_when_done = 'FAILED';
		job.errors = [{ index: 0, legacy_id: null, code: 'PERMISSIONS_DENIED', message: 'The user who started the job no longer exists' }];
		return;
	}
	const env: BulkRowEnv = { state, actor, actorRole: state.roles.get(actor.role_id)?.type ?? 'CUSTOMER', now: job.done_at, seen: new Set() };
	const prepared = job.rows.map((row) => kind.prepare(row, env));
	const errors: JobRecord['errors'] = [];
	prepared.forEach((row, index) => {
		const legacy = job.rows[index]?.legacy_id;
		for (const error of row.errors) errors.push({ index, legacy_id: typeof legacy === 'string' || typeof legacy === 'number' ? String(legacy) : null, ...error });
	});
	job.errors = errors;
	if (errors.length > 0 && !job.partial_import) {
		job.status_when_done = 'FAILED';
		return;
	}
	for (const row of prepared) {
		if (row.errors.length > 0) continue;
		row.create();
		job.created_count += 1;
	}
	job.status_when_done = 'COMPLETED';
}

export function settleJobs(state: AccountState, now: number, kinds: Readonly<Record<string, BulkKind>>): void {
	for (const job of state.jobs.values()) {
		if (job.settled || now < job.done_at) continue;
		const kind = kinds[job.kind];
		if (kind) settle(state, job, kind);
	}
}

function jobJson(context: RequestContext, job: JobRecord): Record<string, unknown> {
	const status = jobStatus(job, context.now);
	const done = status === 'COMPLETED' || status === 'FAILED';
	return {
		id: job.id,
		status,
		type: job.kind,
		total_count: job.rows.length,
		processed_count: done ? job.rows.length : 0,
		errors: done
			? job.errors.map((error) => ({ index: error.index, legacy_id: error.legacy_id, code: error.code, ...(error.parameter !== undefined && { parameter: error.parameter }), message: error.message }))
			: [],
		created_at: iso(job.created_at),
		updated_at: iso(done ? job.done_at : status === 'PROCESSING' ? job.processing_at : job.created_at),
		resource_type: 'bulk_job',
		resource_url: `${context.present.apiBase}/jobs/${job.id}`
	};
}

/** POST /bulk/<kind>: checks the batch's outline now, the rows when the job runs. */
export function startBulkJob(context: RequestContext, kindName: string, kind: BulkKind): Reply {
	const rows = context.body[kind.key];
	if (rows === undefined) return validationReply([fieldRequired(kind.key)]);
	if (!Array.isArray(rows)) return validationReply([fieldInvalid(kind.key, 'must be an array of objects')]);
	if (rows.length === 0) return validationReply([fieldRequired(kind.key)]);
	if (rows.length > BULK_LIMIT) return validationReply([fieldInvalid(kind.key, `at most ${BULK_LIMIT} per request, got ${rows.length}`)]);
	const objects = rows.map((row) => record(row));
	if (objects.some((row) => row === undefined)) return validationReply([fieldInvalid(kind.key, 'every entry must be an object')]);
	const { random, jobTimeScale: scale } = context.settings;
	const processingAt = context.now + Math.floor(scale * (500 + random() * 1000));
	const doneAt = processingAt + Math.floor(scale * (1000 + random() * 2000));
	const id = nextId(context.state, 'jobs');
	const job: JobRecord = {
		id,
		kind: kindName,
		rows: objects as Record<string, unknown>[],
		partial_import: boolean(context.query.get('partial_import') ?? undefined) ?? false,
		actor_id: context.actor.id,
		created_at: context.now,
		processing_at: processingAt,
		done_at: doneAt,
		settled: false,
		status_when_done: 'COMPLETED',
		created_count: 0,
		errors: []
	};
	context.state.jobs.set(id, job);
	return jsonReply(202, { status: 202, data: jobJson(context, job), resource: 'job' });
}

export function jobReply(context: RequestContext): Reply {
	const job = context.state.jobs.get(Number(context.params.id));
	if (!job) return notFound();
	return jsonReply(200, { status: 200, data: jobJson(context, job), resource: 'job' });
}
