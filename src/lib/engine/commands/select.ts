// The select step: how many records of each entity the source holds, counted one entity after the other with progress events.
import { ENTITIES, type Entity } from '../model';
import { MigrationError } from '../errors';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';
import { sourceSession } from './source-session';

/** Per entity: the count, or null when the source cannot tell (e.g. no Help Center) — the entity can still be chosen. */
export type SourceCounts = Record<Entity, number | null>;

/** Failures that make every other count fail too: stop at the first rather than report six times. */
const FATAL = new Set(['auth-failed', 'forbidden', 'not-admin', 'proxy-unreachable', 'proxy-refused', 'network', 'account-unknown', 'credentials-needed', 'cancelled']);

export function selectCommands(deps: CommandDeps) {
	return {
		countSource: (migrationId: string) =>
			asResult<SourceCounts>(async () => {
				const source = sourceSession(deps, await requireMigration(deps, migrationId));
				const counts = Object.fromEntries(ENTITIES.map((entity) => [entity, null])) as SourceCounts;
				for (const [index, entity] of ENTITIES.entries()) {
					deps.events.emit({ type: 'count-progress', migrationId, entity, count: null, done: index, total: ENTITIES.length });
					try {
						counts[entity] = (await source.count(entity)) ?? null;
					} catch (error) {
						if (!(error instanceof MigrationError) || FATAL.has(error.info.kind)) throw error;
						counts[entity] = null;
					}
					deps.events.emit({ type: 'count-progress', migrationId, entity, count: counts[entity], done: index + 1, total: ENTITIES.length });
				}
				return counts;
			})
	};
}
