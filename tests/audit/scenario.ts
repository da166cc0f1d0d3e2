// One fault-suite scenario end to end: faults on, drive the run (with kills), faults off, audit, write the summary.
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import type { JsonObject, MigrationSettings, MigrationStore } from '../../src/lib/engine/store';
import { sourceSnapshot } from '../integration/migration-expected';
import { connectors, newMigration, type Harness } from '../integration/migration-harness';
import { auditMigration, auditRollback, type AuditResult } from './audit';
import { driveRun, type DriveOptions, type DriveOutcome } from './drive';
import { kayakoFaults, zendeskFaults } from './fault-mix';
import { reportFromStore } from './report-rows';
import { addFaults, writeSummary } from './summary';

/** Options every fault-suite migration uses: inactive users too, and small batches so there are many bulk jobs to lose. */
export const FAULT_SUITE_OPTIONS: JsonObject = { migrateInactiveUsers: true, batchSize: 10 };

export interface Migration {
	store: MigrationStore;
	settings: MigrationSettings;
	/** Kayako before the migration's first run. */
	before: KayakoAccountView;
}

export async function freshMigration(harness: Harness, options: JsonObject = FAULT_SUITE_OPTIONS): Promise<Migration> {
	harness.kayako.reset();
	harness.zendesk.reset();
	const before = harness.kayako.state('acme');
	return { ...(await newMigration(harness, options)), before };
}

export function faultsOn(harness: Harness, scale = 1): void {
	harness.kayako.faults.set(kayakoFaults(scale), 'acme');
	harness.zendesk.faults.set(zendeskFaults(scale));
}

/** Turns faults off and says how many of each kind fired on both sandboxes since they were last reset. */
export function faultsOff(harness: Harness): Record<string, number> {
	harness.kayako.faults.clear('acme');
	harness.zendesk.faults.clear();
	return addFaults(harness.kayako.faults.fired('acme'), harness.zendesk.faults.fired());
}

/** Source, Kayako and the report compared, with faults off. */
export async function auditNow(harness: Harness, migration: Migration, options: { hashUpTo?: number } = {}): Promise<AuditResult> {
	const reader = await connectors(migration.settings);
	const source = await sourceSnapshot(reader.source);
	const report = await reportFromStore(migration.store, migration.settings.id, harness.kayako.accountUrl('acme'));
	return auditMigration({ source, kayako: harness.kayako.state('acme'), before: migration.before, report, download: (attachment) => reader.source.download(attachment), ...options });
}

export async function auditRolledBack(harness: Harness, migration: Migration): Promise<AuditResult> {
	const report = await reportFromStore(migration.store, migration.settings.id, harness.kayako.accountUrl('acme'));
	return auditRollback({ kayako: harness.kayako.state('acme'), before: migration.before, report });
}

export interface ScenarioResult {
	outcome: DriveOutcome;
	audit: AuditResult;
	faults: Record<string, number>;
}

/** Writes what a scenario did and found to reports/reliability/<name>.json. */
export function recordScenario(name: string, suite: string, scenario: string, tickets: number, result: ScenarioResult): void {
	writeSummary(name, {
		suite,
		scenario,
		tickets,
		crashes: result.outcome.crashes,
		starts: result.outcome.starts,
		errors: result.outcome.errors.length,
		finished: result.outcome.run.state === 'finished',
		faults: result.faults,
		audit: {
			duplicates: result.audit.counts.duplicates,
			lost: result.audit.counts.lost,
			wrong: result.audit.counts.wrong,
			misreported: result.audit.counts.misreported,
			accountedFor: result.audit.counts.accountedFor
		},
		findings: result.audit.findings.slice(0, 12).map((finding) => `${finding.kind}: ${finding.record}: ${finding.message}`)
	});
}

/** Faults on, the run driven to its end (or the cap), faults off, the audit. */
export async function runUnderFaults(harness: Harness, migration: Migration, drive: DriveOptions, scale = 1, audit: 'migration' | 'rollback' = 'migration'): Promise<ScenarioResult> {
	faultsOn(harness, scale);
	// Faults never outlive the scenario, even when the run throws.
	const outcome = await driveRun(migration.store, migration.settings, drive).finally(() => faultsOff(harness));
	const faults = faultsOff(harness);
	return { outcome, faults, audit: audit === 'rollback' ? await auditRolledBack(harness, migration) : await auditNow(harness, migration) };
}
