// Everything one run needs, handed down to each step of the pipeline.
import type { SourceConnector } from '../connectors/source';
import type { RecordKind, SourceId } from '../model';
import { seenOf } from '../reports/labels';
import type { IdMapKey, MigrationStore, RunRecord } from '../store';
import type { RunControl } from './control';
import type { DeltaTally } from './delta-summary';
import type { PipelineOptions } from './options';
import type { ProgressTracker } from './progress';
import type { TargetWriter } from './target';

export interface RunContext {
	store: MigrationStore;
	source: SourceConnector;
	target: TargetWriter;
	run: RunRecord;
	options: PipelineOptions;
	control: RunControl;
	progress: ProgressTracker;
	/** Called after each record or page; the engine forwards it to the page. */
	report(): void;
	log(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, string | number | boolean>): Promise<void>;
	now(): number;
	/** Set on a delta: what it appended and re-imported, kept with the run. */
	delta?: DeltaTally;
}

export function keyOf(context: RunContext, kind: RecordKind, sourceId: SourceId): IdMapKey {
	return { migrationId: context.run.migrationId, entity: kind, sourceId, ...seenOf(context.run.id, kind, sourceId) };
}
