// Saving a step's choices on top of what the migration holds now.
import { getEngine } from '$lib/client/engine';
import type { MigrationPatch, MigrationSummary, MigrationView } from '$lib/engine/api';
import type { Result } from '$lib/engine/errors';

/**
 * Reads the migration again and saves the patch built from it: other steps, the trigger switch or another tab
 * keep their own options next to this step's, and a patch built from an old copy would undo what they saved.
 */
export async function saveStep(migrationId: string, patchFrom: (current: MigrationView) => MigrationPatch): Promise<Result<MigrationSummary>> {
	const engine = getEngine();
	const current = await engine.getMigration(migrationId);
	return current.ok ? engine.updateMigration(migrationId, patchFrom(current.value)) : current;
}
