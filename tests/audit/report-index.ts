// The report rows indexed by record, and the one question every check asks of them: migrated, or not moved with a reason?
import type { FindingLog } from './findings';
import type { ReportRow } from './report-rows';

export class ReportIndex {
	private readonly rows = new Map<string, ReportRow[]>();

	constructor(report: readonly ReportRow[]) {
		for (const row of report) {
			const key = `${row.entity} ${row.sourceId}`;
			this.rows.set(key, [...(this.rows.get(key) ?? []), row]);
		}
	}

	all(entity: string, sourceId: string): ReportRow[] {
		return this.rows.get(`${entity} ${sourceId}`) ?? [];
	}

	row(entity: string, sourceId: string): ReportRow | undefined {
		return this.all(entity, sourceId)[0];
	}

	/** Kayako's id (as a number) of a record the report says migrated; for fields, the number after the family. */
	kayakoId(entity: string, sourceId: string | undefined): number | undefined {
		if (sourceId === undefined) return undefined;
		const row = this.row(entity, sourceId);
		if (row?.status !== 'migrated' || row.kayakoId === '') return undefined;
		const id = Number(row.kayakoId.split(':').at(-1));
		return Number.isFinite(id) ? id : undefined;
	}

	entities(): string[] {
		return [...new Set([...this.rows.values()].flat().map((row) => row.entity))];
	}

	rowsOf(entity: string): ReportRow[] {
		return [...this.rows.values()].flat().filter((row) => row.entity === entity);
	}

	/**
	 * A source record that is not in Kayako: accounted for when the failed or skipped report says why; otherwise lost,
	 * and misreported as well when the report claims it migrated or gives no reason.
	 */
	absent(log: FindingLog, entity: string, sourceId: string, what = 'not in Kayako'): void {
		const record = `${entity} ${sourceId}`;
		const row = this.row(entity, sourceId);
		if ((row?.status === 'failed' || row?.status === 'skipped') && row.reason.trim() !== '') {
			log.accountedFor += 1;
			return;
		}
		if (!row) log.add('lost', record, `${what}, and not in any report`);
		else if (row.status === 'migrated') {
			log.add('lost', record, `${what}`);
			log.add('misreported', record, `reported migrated (Kayako id ${row.kayakoId || 'none'}) but ${what}`);
		} else if (row.status === 'pending') log.add('lost', record, `${what}; the report still has it pending after the run finished`);
		else {
			log.add('lost', record, `${what}`);
			log.add('misreported', record, `reported ${row.status} without a reason`);
		}
	}

	/** The same record twice in the report is a duplicate a person would count twice. */
	duplicateRows(log: FindingLog): void {
		for (const [key, rows] of this.rows) if (rows.length > 1) log.add('duplicate', key, `${rows.length} report rows (${rows.map((row) => row.status).join(', ')})`);
	}
}
