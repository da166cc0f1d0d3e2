// The runner's LevelDB layout: the same object stores and indices as the browser's IndexedDB schema, each record
// under ['r', store, ...primary key] and each index entry under ['x', store, index, ...index key, ...primary key].
import type { ClassicLevel } from 'classic-level';
import { encodeKey, isKeyPart, type KeyPart } from './level-keys';

export type Level = ClassicLevel<string, unknown>;
export type TableName = 'migrations' | 'credentials' | 'runs' | 'idMap' | 'checkpoints' | 'events';
export type BatchOp = { type: 'put'; key: string; value: unknown } | { type: 'del'; key: string };

type Row = Record<string, unknown>;

interface Table {
	keyPath: readonly string[];
	indexes: Record<string, readonly string[]>;
}

export const TABLES: Record<TableName, Table> = {
	migrations: { keyPath: ['id'], indexes: {} },
	credentials: { keyPath: ['migrationId', 'side'], indexes: {} },
	runs: { keyPath: ['id'], indexes: { byMigration: ['migrationId', 'startedAt'] } },
	idMap: {
		keyPath: ['migrationId', 'entity', 'sourceId'],
		indexes: {
			byRunStatus: ['runId', 'status'],
			byMigrationStatus: ['migrationId', 'status'],
			byEntityStatus: ['migrationId', 'entity', 'status'],
			byKayakoId: ['migrationId', 'entity', 'kayakoId']
		}
	},
	checkpoints: { keyPath: ['migrationId', 'stream'], indexes: {} },
	events: { keyPath: ['id'], indexes: { byMigrationTime: ['migrationId', 'time'] } }
};

export function isTableName(name: unknown): name is TableName {
	return typeof name === 'string' && Object.hasOwn(TABLES, name);
}

/** The record's primary key, as IndexedDB reads it from the key path. */
export function primaryKeyOf(table: TableName, value: Row): KeyPart[] {
	const key = TABLES[table].keyPath.map((field) => value[field]);
	if (!key.every(isKeyPart)) throw new Error(`A ${table} record lacks its key (${TABLES[table].keyPath.join(', ')}).`);
	return key;
}

/** A key as the engine passes it (one value or an array) as parts. */
export function keyParts(key: unknown): KeyPart[] {
	const parts = Array.isArray(key) ? key : [key];
	if (!parts.every(isKeyPart)) throw new Error('A store key holds strings and numbers only.');
	return parts;
}

export const recordKey = (table: TableName, primaryKey: readonly KeyPart[]) => encodeKey(['r', table, ...primaryKey]);
export const indexPrefix = (table: TableName, index: string, key: readonly KeyPart[]) => ['x', table, index, ...key];

/** The index entries a record has; like IndexedDB, a record whose index fields are missing is not in that index. */
function indexKeys(table: TableName, value: Row, primaryKey: readonly KeyPart[]): string[] {
	const keys: string[] = [];
	for (const [index, fields] of Object.entries(TABLES[table].indexes)) {
		const parts = fields.map((field) => value[field]);
		if (parts.every(isKeyPart)) keys.push(encodeKey([...indexPrefix(table, index, parts), ...primaryKey]));
	}
	return keys;
}

/** The operations that replace `previous` (or nothing) by `next` (or nothing), index entries included. */
export function replaceOps(table: TableName, primaryKey: readonly KeyPart[], previous: Row | undefined, next: Row | undefined): BatchOp[] {
	const ops: BatchOp[] = [];
	const nextIndex = next ? indexKeys(table, next, primaryKey) : [];
	if (previous) for (const key of indexKeys(table, previous, primaryKey)) if (!nextIndex.includes(key)) ops.push({ type: 'del', key });
	for (const key of nextIndex) ops.push({ type: 'put', key, value: primaryKey });
	ops.push(next ? { type: 'put', key: recordKey(table, primaryKey), value: next } : { type: 'del', key: recordKey(table, primaryKey) });
	return ops;
}
