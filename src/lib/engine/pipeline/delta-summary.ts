// A delta's summary as it goes: comments appended and tickets re-imported, kept with the run; per entity at the end, from the id map.
import type { DeltaEntityCounts, DeltaSummary, KayakoId, MigrationStore, RunRecord } from '../store';

const ROWS_PER_READ = 1000;

/** Counts what a delta does that the id map alone cannot tell, and stores it with the run after each change, so a resumed delta goes on from there. */
export class DeltaTally {
	#summary: DeltaSummary;

	constructor(
		private readonly store: Pick<MigrationStore, 'updateRun' | 'listIdMap'>,
		private readonly run: Pick<RunRecord, 'id' | 'delta'>
	) {
		this.#summary = structuredClone(run.delta ?? { entities: {}, commentsAppended: 0, reimported: [] });
	}

	async appended(comments: number): Promise<void> {
		if (comments <= 0) return;
		this.#summary.commentsAppended += comments;
		await this.#save();
	}

	async reimported(sourceId: string, oldKayakoId: KayakoId, newKayakoId: KayakoId): Promise<void> {
		// A re-import finished again after a crash names the ticket once, with its first old case.
		const earlier = this.#summary.reimported.find((each) => each.sourceId === sourceId);
		if (earlier) earlier.newKayakoId = newKayakoId;
		else this.#summary.reimported.push({ sourceId, oldKayakoId, newKayakoId });
		await this.#save();
	}

	/**
	 * The per-entity counts, from the rows this run migrated: created by it (added) or by an earlier run (updated).
	 * A re-imported ticket's new case is this run's creation, but it is counted as re-imported, not as added.
	 */
	async finish(): Promise<DeltaSummary> {
		const entities: Record<string, DeltaEntityCounts> = {};
		let after: Parameters<MigrationStore['listIdMap']>[1]['after'];
		do {
			const page = await this.store.listIdMap({ by: 'run-status', runId: this.run.id, status: 'migrated' }, { limit: ROWS_PER_READ, ...(after && { after }) });
			for (const row of page.rows) {
				const entity = (entities[row.entity] ??= { added: 0, updated: 0 });
				if (row.createdBy === this.run.id) entity.added += 1;
				else entity.updated += 1;
			}
			after = page.next;
		} while (after);
		const reimported = this.#summary.reimported.length;
		if (reimported > 0 || this.#summary.commentsAppended > 0) {
			const tickets = (entities.tickets ??= { added: 0, updated: 0 });
			tickets.added = Math.max(0, tickets.added - reimported);
			tickets.reimported = reimported;
			tickets.commentsAppended = this.#summary.commentsAppended;
		}
		this.#summary.entities = entities;
		await this.#save();
		return structuredClone(this.#summary);
	}

	async #save(): Promise<void> {
		await this.store.updateRun(this.run.id, { delta: structuredClone(this.#summary) });
	}
}
