// Compares the source, what the Kayako sandbox holds and the migration's report: nothing twice, nothing lost, nothing misreported.
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import type { Attachment, RecordKind } from '../../src/lib/engine/model';
import type { SourceSnapshot } from '../integration/migration-expected';
import { kayakoKeys } from '../integration/migration-expected';
import { auditTickets } from './audit-tickets';
import { FindingLog, type AuditResult } from './findings';
import { ReportIndex } from './report-index';
import type { ReportRow } from './report-rows';

export type { AuditResult, AuditCounts, Finding } from './findings';

export interface AuditInput {
	source: SourceSnapshot;
	/** What the Kayako sandbox holds now. */
	kayako: KayakoAccountView;
	/** What it held before the migration: records that were there already are not the migration's. */
	before: KayakoAccountView;
	/** The migration's report, every row (see report-rows.ts). */
	report: readonly ReportRow[];
	/** The source's bytes of a file, read with faults off. */
	download(attachment: Attachment): Promise<Blob>;
	/** Kayako's upload limit: larger files must be left out and named in the ticket's report line. Default 20 MB. */
	maxUploadBytes?: number;
	/** Files up to this size are compared byte for byte, larger ones by name and size. Default: all of them. */
	hashUpTo?: number;
}

type LegacyRecord = { id: number; legacy_id: string | null };

/** Users, organisations, teams and the Help Center: one Kayako record per source record, or a reason in the report. */
function auditRecords(log: FindingLog, report: ReportIndex, entity: RecordKind, sourceIds: readonly string[], held: readonly LegacyRecord[], before: readonly LegacyRecord[]): void {
	const existing = new Set(before.map((record) => record.id));
	const ids = new Set(held.map((record) => record.id));
	const byLegacy = new Map<string, LegacyRecord[]>();
	for (const record of held) if (record.legacy_id !== null) byLegacy.set(record.legacy_id, [...(byLegacy.get(record.legacy_id) ?? []), record]);
	for (const sourceId of sourceIds) {
		const record = `${entity} ${sourceId}`;
		if (entity === 'users' || entity === 'organizations' || entity === 'teams') log.checked[entity] += 1;
		const twins = byLegacy.get(sourceId) ?? [];
		for (const extra of twins.slice(1)) log.add('duplicate', record, `Kayako ${entity} ${extra.id} is a second record for it (first: ${twins[0]?.id})`);
		const kayakoId = report.kayakoId(entity, sourceId);
		const row = report.row(entity, sourceId);
		if (kayakoId !== undefined && ids.has(kayakoId)) {
			// Matched to a record that was there before: fine, as long as no copy was made as well.
			if (existing.has(kayakoId) && twins.some((twin) => !existing.has(twin.id))) log.add('duplicate', record, `matched to Kayako ${entity} ${kayakoId}, and created again as ${twins.map((twin) => twin.id).join(', ')}`);
			continue;
		}
		if (twins.length > 0) {
			log.add('misreported', record, `Kayako holds it as ${twins.map((twin) => twin.id).join(', ')} but the report says ${row ? `${row.status} ${row.kayakoId} ${row.reason}`.trim() : 'nothing'}`);
			continue;
		}
		report.absent(log, entity, sourceId);
	}
}

/** A user created by the migration carries its organisation, as the source has it. */
function auditUserOrganisations(log: FindingLog, report: ReportIndex, source: SourceSnapshot, kayako: KayakoAccountView): void {
	const users = new Map(kayako.users.map((user) => [user.id, user]));
	for (const user of source.users) {
		const held = users.get(report.kayakoId('users', user.id) ?? -1);
		const organisation = report.kayakoId('organizations', user.organizationId);
		if (!held || held.legacy_id === null || organisation === undefined) continue;
		if (held.organization_id !== organisation) log.add('wrong', `users ${user.id}`, `Kayako user ${held.id} has organisation ${held.organization_id ?? 'none'}, but source organisation ${user.organizationId} migrated as ${organisation}`);
	}
}

/** Every row the report says migrated names a record Kayako holds, and no Kayako record is claimed by two rows. */
function auditReportAgainstKayako(log: FindingLog, report: ReportIndex, kayako: KayakoAccountView): void {
	for (const entity of report.entities()) {
		const held = new Set(kayakoKeys(kayako, entity as RecordKind));
		const claimed = new Map<string, string[]>();
		for (const row of report.rowsOf(entity)) {
			if (row.status === 'pending') log.add('misreported', `${entity} ${row.sourceId}`, 'still pending in the report after the run finished');
			if ((row.status === 'failed' || row.status === 'skipped') && row.reason.trim() === '') log.add('misreported', `${entity} ${row.sourceId}`, `reported ${row.status} without a reason`);
			if (row.status !== 'migrated') continue;
			if (!held.has(row.kayakoId)) log.add('misreported', `${entity} ${row.sourceId}`, `reported migrated as Kayako ${row.kayakoId || '(no id)'}, which Kayako does not hold`);
			claimed.set(row.kayakoId, [...(claimed.get(row.kayakoId) ?? []), row.sourceId]);
		}
		// Users may share one Kayako account on purpose (a shared address): only cases must be one per ticket.
		if (entity === 'tickets') for (const [kayakoId, sources] of claimed) if (sources.length > 1) log.add('duplicate', `${entity} ${sources.join(', ')}`, `several tickets reported as the one case ${kayakoId}`);
	}
}

export async function auditMigration(input: AuditInput): Promise<AuditResult> {
	const log = new FindingLog();
	const report = new ReportIndex(input.report);
	const { source, kayako, before } = input;
	report.duplicateRows(log);
	auditRecords(log, report, 'teams', source.teams.map((team) => team.id), kayako.teams, before.teams);
	auditRecords(log, report, 'organizations', source.organizations.map((organization) => organization.id), kayako.organizations, before.organizations);
	auditRecords(log, report, 'users', source.users.map((user) => user.id), kayako.users, before.users);
	auditRecords(log, report, 'kb-categories', source.categories.map((category) => category.id), kayako.categories, before.categories);
	auditRecords(log, report, 'kb-sections', source.sections.map((section) => section.id), kayako.sections, before.sections);
	auditRecords(log, report, 'articles', source.articles.map((article) => article.id), kayako.articles, before.articles);
	auditUserOrganisations(log, report, source, kayako);
	await auditTickets({ log, report, download: input.download, maxUploadBytes: input.maxUploadBytes ?? 20 * 1024 * 1024, hashUpTo: input.hashUpTo ?? Infinity }, source.tickets, source.comments, kayako, new Set(source.deletedTicketIds));
	auditReportAgainstKayako(log, report, kayako);
	// A migration writes history: the real Kayako would have e-mailed these customers.
	for (const mail of kayako.mailed.slice(before.mailed.length)) log.add('wrong', `case ${mail.case_id}`, `post ${mail.post_id} would have been e-mailed to ${mail.email ?? 'the requester'}`);
	return log.result();
}

/**
 * After a rollback of every run: no record the migration created is left in Kayako (cases may sit in the trash), and the
 * report claims nothing migrated.
 */
export function auditRollback(input: { kayako: KayakoAccountView; before: KayakoAccountView; report: readonly ReportRow[] }): AuditResult {
	const log = new FindingLog();
	const { kayako, before } = input;
	const collections: [string, LegacyRecord[], LegacyRecord[]][] = [
		['teams', kayako.teams, before.teams],
		['organizations', kayako.organizations, before.organizations],
		['users', kayako.users, before.users],
		['tickets', kayako.cases.filter((kase) => kase.state === 'ACTIVE'), before.cases],
		['kb-categories', kayako.categories, before.categories],
		['kb-sections', kayako.sections, before.sections],
		['articles', kayako.articles, before.articles]
	];
	for (const [entity, held, was] of collections) {
		const existing = new Set(was.map((record) => record.id));
		for (const record of held) if (!existing.has(record.id) && record.legacy_id !== null) log.add('wrong', `${entity} ${record.legacy_id}`, `Kayako ${entity} ${record.id} is still there after the rollback`);
	}
	// A row may stay migrated for a record that was there before (matched, not created): only a record that is gone is a lie.
	const active = { ...kayako, cases: kayako.cases.filter((kase) => kase.state === 'ACTIVE') };
	for (const row of input.report) {
		if (row.status !== 'migrated') continue;
		if (!new Set(kayakoKeys(active, row.entity as RecordKind)).has(row.kayakoId)) log.add('misreported', `${row.entity} ${row.sourceId}`, `still reported migrated as Kayako ${row.kayakoId}, which the rollback removed`);
	}
	return log.result();
}
