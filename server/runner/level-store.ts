// The headless runner's store on disk (LevelDB through classic-level): the engine's MigrationStore with the same
// records, indices and all-or-nothing writes as the browser's IndexedDB, but nothing kept on the heap, so memory
// stays flat however many tickets the id map holds. Each call is one LevelDB batch, written before the call returns:
// a killed process loses nothing a call had finished. Calls run one at a time, as IndexedDB's transactions would.
import { ClassicLevel } from 'classic-level';
import { MigrationError } from '../../src/lib/engine/errors';
import type { MigrationStore } from '../../src/lib/engine/store';
import { checkpointAccess } from '../../src/lib/engine/store/checkpoints';
import { credentialBlobAccess } from '../../src/lib/engine/store/credentials';
import { eventAccess } from '../../src/lib/engine/store/events';
import { idMapWriteAccess } from '../../src/lib/engine/store/id-map';
import { idMapUsageAccess } from '../../src/lib/engine/store/id-map-usage';
import { migrationAccess } from '../../src/lib/engine/store/migrations';
import { runAccess } from '../../src/lib/engine/store/runs';
import { withStorageErrors } from '../../src/lib/engine/store/storage-errors';
import { prefixBounds } from './level-keys';
import { levelReads } from './level-reads';
import { StagedWrites, stagedContext } from './level-staged';
import type { Level, TableName } from './level-tables';

export type LevelMigrationStore = MigrationStore & {
	/** Closes the database and waits until LevelDB has let go of the folder. */
	closed(): Promise<void>;
	/** Every record of one object store as it rests on disk, past the store's methods (for checks and copying). */
	rawRecords(table: TableName): Promise<unknown[]>;
};

export async function openLevelStore(dir: string, now: () => number = Date.now): Promise<LevelMigrationStore> {
	const level: Level = new ClassicLevel<string, unknown>(dir, { valueEncoding: 'json' });
	try {
		await level.open();
	} catch (error) {
		throw new MigrationError(
			{ kind: 'storage-unavailable', message: `The runner's state database in ${dir} could not be opened (${causeOf(error)}); check that the folder is writable and that no other program uses it.` },
			{ cause: error }
		);
	}
	let eventId = await lastEventId(level);
	let current: StagedWrites | undefined;
	let queue: Promise<unknown> = Promise.resolve();

	/** One call at a time, like IndexedDB's overlapping readwrite transactions: no read-change-write can interleave. */
	function serial<T>(work: () => Promise<T>): Promise<T> {
		const run = queue.then(work, work);
		queue = run.catch(() => undefined);
		return run.catch((error: unknown) => {
			throw toRunnerStorageError(error, dir);
		});
	}

	/** The engine's method, its writes staged and then written as one batch, or not at all when it threw. */
	function batched<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
		return (...args) =>
			serial(async () => {
				const staged = new StagedWrites(level, () => ++eventId);
				current = staged;
				try {
					const result = await method(...args);
					const ops = await staged.ops();
					if (ops.length > 0) await level.batch(ops);
					return result;
				} finally {
					current = undefined;
				}
			});
	}

	const context = stagedContext(() => {
		if (!current) throw new Error('A store method ran outside its batch.');
		return current;
	}, now);
	const engine = withStorageErrors({
		...migrationAccess(context),
		...credentialBlobAccess(context),
		...runAccess(context),
		...idMapWriteAccess(context),
		...idMapUsageAccess(context),
		...checkpointAccess(context),
		...eventAccess(context)
	});
	const methods: Record<string, unknown> = {};
	for (const [name, method] of Object.entries(engine)) methods[name] = batched(method as (...args: unknown[]) => Promise<unknown>);
	const reads = levelReads(level);
	for (const [name, method] of Object.entries(reads)) {
		methods[name] = (...args: unknown[]) => serial(() => (method as (...args: unknown[]) => Promise<unknown>)(...args));
	}
	const closed = () => serial(() => level.close());
	return {
		...(methods as unknown as MigrationStore),
		name: `level:${dir}`,
		close: () => void closed().catch(() => undefined),
		closed,
		rawRecords: (table) => serial(() => level.values(prefixBounds(['r', table])).all())
	};
}

async function lastEventId(level: Level): Promise<number> {
	const [entry] = await level.iterator({ ...prefixBounds(['r', 'events']), reverse: true, limit: 1 }).all();
	const record = entry?.[1] as { id?: unknown } | undefined;
	return typeof record?.id === 'number' ? record.id : 0;
}

function causeOf(error: unknown): string {
	const cause = (error as { cause?: unknown })?.cause;
	const inner = cause instanceof Error ? cause : error instanceof Error ? error : undefined;
	return inner ? inner.message : String(error);
}

/** LevelDB's own failures (a full disk, a damaged file) in words a support lead can act on. */
function toRunnerStorageError(error: unknown, dir: string): unknown {
	if (error instanceof MigrationError || !(error instanceof Error)) return error;
	const code = (error as { code?: unknown }).code;
	if (typeof code !== 'string' || !code.startsWith('LEVEL_')) return error;
	const text = `${error.message} ${causeOf(error)}`;
	if (/no space|ENOSPC|quota/i.test(text)) {
		return new MigrationError({ kind: 'storage-full', message: `The disk holding the runner's state (${dir}) is full; free space there, then run the same command again to resume.` }, { cause: error });
	}
	return new MigrationError(
		{ kind: 'storage-unavailable', message: `The runner's state database in ${dir} could not be used (${causeOf(error)}); nothing more is sent. Check the disk, then run the same command again.` },
		{ cause: error }
	);
}
