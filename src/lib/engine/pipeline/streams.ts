// Reads one entity stream page by page and keeps its checkpoint, so a run that died resumes after the last page it finished.
import type { Page, ReadOptions } from '../connectors/source';
import type { JsonValue } from '../store';
import type { RunContext } from './context';

/** What the store keeps per stream: which run read it, and where that run stands. */
interface StreamCheckpoint {
	runId: string;
	after: string | null;
	done: boolean;
}

function parse(value: JsonValue | undefined): StreamCheckpoint | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const { runId, after, done } = value as Record<string, JsonValue>;
	if (typeof runId !== 'string' || typeof done !== 'boolean') return undefined;
	return { runId, after: typeof after === 'string' ? after : null, done };
}

/** Where a stream resumes: after this run's own checkpoint (an earlier run's means start over); undefined when it is done. */
async function startOf(context: RunContext, stream: string, since: string | undefined): Promise<{ options: ReadOptions; after: string | null } | undefined> {
	const stored = parse((await context.store.getCheckpoint(context.run.migrationId, stream))?.checkpoint);
	const mine = stored?.runId === context.run.id ? stored : undefined;
	if (mine?.done) return undefined;
	const options: ReadOptions = { after: mine?.after ?? null, signal: context.control.signal };
	if (since) options.since = since;
	return { options, after: mine?.after ?? null };
}

/**
 * Calls `handle` for each page after the run's own checkpoint; a checkpoint of an earlier run means start
 * over (the id map then skips what moved before). Returns when the stream is done.
 */
export async function eachPage<T>(
	context: RunContext,
	stream: string,
	read: (options: ReadOptions) => AsyncIterable<Page<T>>,
	handle: (records: T[]) => Promise<void>,
	since?: string
): Promise<void> {
	const start = await startOf(context, stream, since);
	if (!start) return;
	const { options } = start;
	let last = start.after;
	for await (const page of read(options)) {
		await context.control.checkpoint();
		await handle(page.records);
		if (page.checkpoint !== null) last = page.checkpoint;
		const checkpoint: StreamCheckpoint = { runId: context.run.id, after: last, done: false };
		await context.store.putCheckpoint(context.run.migrationId, stream, { ...checkpoint });
		await context.store.updateRun(context.run.id, { counters: context.progress.counters() });
	}
	await context.store.putCheckpoint(context.run.migrationId, stream, { runId: context.run.id, after: last, done: true });
}

/** What `eachFlowingPage` drives: pages handed in order, each answering when its records are settled. */
export interface PageFlow<T> {
	gate(): Promise<void>;
	page(records: readonly T[]): Promise<{ settled: Promise<void> }>;
	/** Throws what stopped the flow; called before each checkpoint is written. */
	check(): void;
	finish(): Promise<void>;
	stop(): Promise<void>;
}

/**
 * `eachPage` for a flow that keeps records in flight across pages (the tickets): the next page is read while the
 * last ones are written, and a page's checkpoint is written, in order, only once every record of it and of the pages
 * before is settled. A resume therefore never starts after a record that is not yet pending or done.
 */
export async function eachFlowingPage<T>(context: RunContext, stream: string, read: (options: ReadOptions) => AsyncIterable<Page<T>>, flow: PageFlow<T>, since?: string): Promise<void> {
	const start = await startOf(context, stream, since);
	if (!start) return;
	const { options } = start;
	let last = start.after;
	let written: Promise<void> = Promise.resolve();
	try {
		for await (const page of read(options)) {
			await flow.gate();
			const { settled } = await flow.page(page.records);
			if (page.checkpoint !== null) last = page.checkpoint;
			const checkpoint: StreamCheckpoint = { runId: context.run.id, after: last, done: false };
			written = written.then(async () => {
				await settled;
				flow.check();
				await context.store.putCheckpoint(context.run.migrationId, stream, { ...checkpoint });
				await context.store.updateRun(context.run.id, { counters: context.progress.counters() });
			});
			// Awaited below; until then a failure is kept, not reported as unhandled.
			written.catch(() => undefined);
		}
		await flow.finish();
		await written;
	} catch (error) {
		await flow.stop();
		await written.catch(() => undefined);
		throw error;
	}
	await context.store.putCheckpoint(context.run.migrationId, stream, { runId: context.run.id, after: last, done: true });
}
