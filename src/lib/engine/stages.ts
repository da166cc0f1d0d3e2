// Where a migration stands in the wizard: the stage names in order, and the rule that a stage only moves forward.
import type { MigrationStage } from './store';

/** In wizard order. A page saves the stage after its own step: the step the user comes to next. */
export const MIGRATION_STAGES = ['connect', 'select', 'match', 'map', 'options', 'demo', 'checklist', 'full', 'delta', 'done'] as const;

export function stageIndex(stage: MigrationStage): number {
	return (MIGRATION_STAGES as readonly string[]).indexOf(stage);
}

/**
 * The stage once `reached` is: never back, so changing an early choice after the full run keeps the migration where it
 * is. An unknown `reached` changes nothing; an unknown current stage (an older name) gives way to a known one.
 */
export function laterStage(current: MigrationStage, reached: MigrationStage): MigrationStage {
	return stageIndex(reached) > stageIndex(current) ? reached : current;
}
