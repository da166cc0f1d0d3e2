// The crash suite's audit: the source read with the engine's own connector, Kayako as the sandbox holds it, and the reports as the results table downloads them.
import type { Page } from '@playwright/test';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../../server/sandbox/kayako/credentials';
import type { KayakoAccountView } from '../../../server/sandbox/kayako/view';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../../server/sandbox/zendesk/credentials';
import { openConnectors } from '../../../src/lib/engine/connectors/factory';
import type { MigrationSettings } from '../../../src/lib/engine/store';
import { auditMigration, type AuditResult } from '../../audit/audit';
import type { ReportRow } from '../../audit/report-rows';
import { E2E_PORTS } from '../../e2e/ports';
import { downloadReport, resultsOnPage } from '../../e2e/results';
import { sandboxKayako } from '../../e2e/sandboxes';
import { sourceSnapshot } from '../../integration/migration-expected';

/** The sandboxes as the engine saw them, read straight (no proxy, no faults). */
const settings = {
	id: 'audit',
	name: 'audit',
	source: { platform: 'zendesk', url: `http://127.0.0.1:${E2E_PORTS.zendesk}`, email: ZENDESK_SANDBOX_CREDENTIALS.email, authMethod: 'api-token' },
	target: { url: `http://127.0.0.1:${E2E_PORTS.kayako}/${KAYAKO_SANDBOX_CREDENTIALS.account}`, email: KAYAKO_SANDBOX_CREDENTIALS.admin.email },
	proxyUrl: '',
	mappings: {},
	options: {},
	filters: {},
	stage: 'run',
	createdAt: 0,
	updatedAt: 0
} as unknown as MigrationSettings;

const credentials = {
	source: { kind: 'api-token' as const, email: ZENDESK_SANDBOX_CREDENTIALS.email, token: ZENDESK_SANDBOX_CREDENTIALS.apiToken },
	kayako: { kind: 'password' as const, email: KAYAKO_SANDBOX_CREDENTIALS.admin.email, password: KAYAKO_SANDBOX_CREDENTIALS.admin.password }
};

/** Undoes the apostrophe the CSV puts before a cell that would read as a formula. */
const cell = (value: string | undefined) => (value ?? '').replace(/^'(?=[=+\-@\t\r])/, '');

/** Every entity's report, downloaded from the results table as a support lead would, as rows. */
export async function reportThroughUi(page: Page): Promise<ReportRow[]> {
	const rows: ReportRow[] = [];
	for (const entity of Object.keys(await resultsOnPage(page)) as Parameters<typeof downloadReport>[1][]) {
		for (const row of await downloadReport(page, entity)) {
			rows.push({ entity: cell(row.entity), status: cell(row.status), sourceId: cell(row['source id']), kayakoId: cell(row['kayako id']), reason: cell(row.reason) });
		}
	}
	return rows;
}

/** Source, Kayako and the downloaded reports compared: one case per ticket with its posts, files (byte for byte) and references; every record accounted for. */
export async function auditBrowserRun(page: Page, before: KayakoAccountView): Promise<AuditResult> {
	const report = await reportThroughUi(page);
	const reader = await openConnectors(settings, credentials, (input, init) => fetch(input, init), { baseBackoffMs: 5, maxBackoffMs: 50 });
	const source = await sourceSnapshot(reader.source);
	return auditMigration({ source, kayako: await sandboxKayako.state(), before, report, download: (attachment) => reader.source.download(attachment) });
}

/** Records the migration has put in Kayako so far (organisations, users, cases): how far the run has got. */
export function migratedSoFar(state: KayakoAccountView): number {
	const marked = (records: { legacy_id: string | null }[]) => records.filter((record) => record.legacy_id !== null).length;
	return marked(state.organizations) + marked(state.users) + marked(state.cases);
}
