// Runs the engine's own store methods on LevelDB: a stand-in for the IndexedDB database that answers reads and writes
// by key, keeps the writes of one call aside, and writes them as one LevelDB batch when the call succeeded (all or
// nothing, like the IndexedDB transaction it replaces). Range reads and deletes are the LevelDB store's own.
import type { StoreContext } from '../../src/lib/engine/store/context';
import type { KeyPart } from './level-keys';
import { isTableName, keyParts, primaryKeyOf, recordKey, replaceOps, type BatchOp, type Level, type TableName } from './level-tables';

type Row = Record<string, unknown>;
interface Staged {
	table: TableName;
	primaryKey: KeyPart[];
	value: Row | undefined;
}

/** A named error like IndexedDB's, so the engine's callers see the same kinds of failure. */
class StoreRequestError extends Error {
	constructor(name: string, message: string) {
		super(message);
		this.name = name;
	}
}

export class StagedWrites {
	private staged = new Map<string, Staged>();

	constructor(
		private readonly level: Level,
		private readonly nextEventId: () => number
	) {}

	async get(table: TableName, key: unknown): Promise<Row | undefined> {
		const encoded = recordKey(table, keyParts(key));
		const staged = this.staged.get(encoded);
		if (staged) return staged.value ? structuredClone(staged.value) : undefined;
		return this.level.getSync(encoded) as Row | undefined;
	}

	async put(table: TableName, value: Row): Promise<KeyPart | KeyPart[]> {
		const primaryKey = primaryKeyOf(table, value);
		// A copy, as IndexedDB stores one: a caller changing its object afterwards changes nothing stored.
		this.staged.set(recordKey(table, primaryKey), { table, primaryKey, value: structuredClone(value) });
		return primaryKey.length === 1 ? (primaryKey[0] as KeyPart) : primaryKey;
	}

	async add(table: TableName, value: Row): Promise<KeyPart | KeyPart[]> {
		const record = table === 'events' && value.id === undefined ? { ...value, id: this.nextEventId() } : value;
		if ((await this.get(table, primaryKeyOf(table, record))) !== undefined) {
			throw new StoreRequestError('ConstraintError', `A ${table} record with this key exists already.`);
		}
		return this.put(table, record);
	}

	async delete(table: TableName, key: unknown): Promise<void> {
		if (typeof key === 'object' && key !== null && !Array.isArray(key)) {
			throw new Error(`Deleting a range of ${table} records is the LevelDB store's own method, not the engine's.`);
		}
		const primaryKey = keyParts(key);
		this.staged.set(recordKey(table, primaryKey), { table, primaryKey, value: undefined });
	}

	/** The batch that writes every staged change with its index entries; empty when nothing was written. */
	async ops(): Promise<BatchOp[]> {
		const ops: BatchOp[] = [];
		for (const [key, { table, primaryKey, value }] of this.staged) {
			const previous = this.level.getSync(key) as Row | undefined;
			ops.push(...replaceOps(table, primaryKey, previous, value));
		}
		return ops;
	}
}

/** The engine's store context on top of `current()`, the staged writes of the call in progress. */
export function stagedContext(current: () => StagedWrites, now: () => number): StoreContext {
	const tableOf = (name: unknown): TableName => {
		if (!isTableName(name)) throw new Error(`The runner's store has no object store ${String(name)}.`);
		return name;
	};
	const storeOf = (name: unknown) => {
		const table = tableOf(name);
		return {
			get: (key: unknown) => current().get(table, key),
			put: (value: Row) => current().put(table, value),
			add: (value: Row) => current().add(table, value),
			delete: (key: unknown) => current().delete(table, key)
		};
	};
	const db = {
		get: (name: unknown, key: unknown) => storeOf(name).get(key),
		put: (name: unknown, value: Row) => storeOf(name).put(value),
		add: (name: unknown, value: Row) => storeOf(name).add(value),
		delete: (name: unknown, key: unknown) => storeOf(name).delete(key),
		transaction: (names: unknown) => ({
			store: storeOf(Array.isArray(names) ? names[0] : names),
			objectStore: storeOf,
			done: Promise.resolve(),
			abort: () => undefined
		})
	};
	const noRanges = () => {
		throw new Error("Key ranges are the LevelDB store's own methods, not the engine's.");
	};
	// Only the by-key part of IndexedDB's surface is offered: the engine's methods that need more are replaced in level-store.
	return { db: db as unknown as StoreContext['db'], keyRange: { bound: noRanges } as unknown as typeof IDBKeyRange, compareKeys: noRanges, now };
}
