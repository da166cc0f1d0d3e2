// The store unit tests, unchanged, run against the headless runner's LevelDB store: openTestStore is swapped for one
// that opens a fresh LevelDB folder, so both stores answer the same questions the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, vi } from 'vitest';
import type { LevelMigrationStore } from '../../server/runner/level-store';
import { TABLES, type TableName } from '../../server/runner/level-tables';
import type { TestStore } from './store-fixtures';

const folders: string[] = [];

vi.mock('./store-fixtures', async (importOriginal) => {
	const original = await importOriginal<typeof import('./store-fixtures')>();
	const { openLevelStore } = await import('../../server/runner/level-store');
	return {
		...original,
		async openTestStore(): Promise<TestStore> {
			const dir = mkdtempSync(join(tmpdir(), 'level-store-'));
			folders.push(dir);
			const clock = { now: Date.UTC(2025, 0, 1) };
			let open = await openLevelStore(dir, () => clock.now);
			const reopen = async () => {
				// LevelDB holds its folder's lock: a reloaded store lets go of the folder first.
				await open.closed();
				open = await openLevelStore(dir, () => clock.now);
				return open;
			};
			// The "factory" is the store itself: dumpDatabase below reads its records straight from disk.
			return { store: open, factory: open as never, clock, reopen };
		},
		async dumpDatabase(factory: unknown): Promise<Record<string, unknown[]>> {
			const store = factory as LevelMigrationStore;
			const dump: Record<string, unknown[]> = {};
			for (const table of Object.keys(TABLES) as TableName[]) dump[table] = await store.rawRecords(table);
			return dump;
		}
	};
});

afterAll(() => {
	for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

await import('./store-id-map.test');
await import('./store-id-map-usage.test');
await import('./store-runs-events.test');
await import('./store-migrations.test');
