// Opens the database on any IndexedDB factory (the browser's, or fake-indexeddb under Node) and runs the upgrade steps.
import { wrap } from 'idb';
import { DB_VERSION, upgrade, type MigratorDatabase, type UpgradeTransaction } from './schema';

/** idb's `openDB` is bound to the global `indexedDB`; this is the same dance on a factory passed in. */
export function openDatabase(factory: IDBFactory, name: string): Promise<MigratorDatabase> {
	const request = factory.open(name, DB_VERSION);
	request.addEventListener('upgradeneeded', (event) => {
		// The versionchange transaction and the database are the schema's own: only idb's generic types lose that.
		const transaction = request.transaction;
		if (!transaction) return;
		upgrade(wrap(request.result) as MigratorDatabase, event.oldVersion, event.newVersion, wrap(transaction) as unknown as UpgradeTransaction);
	});
	const opening = wrap(request) as Promise<MigratorDatabase>;
	void opening.then(
		(db) =>
			// A newer version of the tool opening in another tab must not wait on this one: let go, later calls say "reload".
			db.addEventListener('versionchange', () => db.close()),
		() => undefined
	);
	return opening;
}
