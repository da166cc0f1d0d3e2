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
	const stored = parse((await context.store.getCheckpoint(context.run.migrationId, stream))?.checkpoint);
	const mine = stored?.runId === context.run.id ? stored : undefined;
	if (mine?.done) return;
	const options: ReadOptions = { after: mine?.after ?? null, signal: context.control.signal };
	if (since) options.since = since;
	let last = mine?.after ?? null;
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
