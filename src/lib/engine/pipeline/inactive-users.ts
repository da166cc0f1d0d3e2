// Inactive and suspended source users are created enabled (so they can author their imported posts) and disabled once everything is in.
import type { User } from '../model';
import type { JsonValue, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { isMigrated, repeatWithinBudget } from './record-step';

/** One checkpoint per inactive user, kept per migration so a resume, a delta or a later run still knows it. */
const PREFIX = 'inactive-user:';

/** The Kayako id the user had when it was last disabled: a user rolled back and created again is disabled again. */
function disabledId(value: JsonValue | undefined): KayakoId | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const id = value.disabled;
	return typeof id === 'number' || typeof id === 'string' ? id : undefined;
}

/**
 * Remembers, before the user is created, that the source says they are inactive or suspended (a suspended Zendesk user
 * may not sign in; in Kayako that is a disabled user); a crash after the create cannot lose it.
 */
export async function noteInactiveUser(context: RunContext, user: User): Promise<void> {
	if (user.active && !user.suspended) return;
	const stream = `${PREFIX}${user.id}`;
	if (await context.store.getCheckpoint(context.run.migrationId, stream)) return;
	await context.store.putCheckpoint(context.run.migrationId, stream, { disabled: null });
}

/**
 * Disables every noted user that this tool created (the id map's `createdBy`; a matched Kayako user is left as it is)
 * and that is not disabled yet. Run after the tickets and articles are in; safe to run again.
 */
export async function disableInactiveUsers(context: RunContext): Promise<void> {
	const { store, run } = context;
	const noted = (await store.listCheckpoints(run.migrationId)).filter((each) => each.stream.startsWith(PREFIX));
	let disabled = 0;
	for (const note of noted) {
		await context.control.checkpoint();
		const sourceId = note.stream.slice(PREFIX.length);
		const row = await store.getIdMapRow(keyOf(context, 'users', sourceId));
		if (!isMigrated(row) || row.createdBy === undefined || disabledId(note.checkpoint) === row.kayakoId) continue;
		if (await disableOne(context, sourceId, row.kayakoId)) {
			await store.putCheckpoint(run.migrationId, note.stream, { disabled: row.kayakoId });
			disabled++;
		}
	}
	if (disabled > 0) await context.log('info', `${disabled} inactive or suspended user(s) disabled in Kayako now that their tickets are in.`);
}

async function disableOne(context: RunContext, sourceId: string, kayakoId: KayakoId): Promise<boolean> {
	const result = await repeatWithinBudget(context, () => context.target.disableUser(kayakoId));
	if (!result.ok) await context.log('warn', `User ${sourceId} is inactive or suspended in the source but stays enabled in Kayako: ${result.reason} Disable them in Kayako by hand, or run the migration again.`, { kind: 'users', sourceId });
	return result.ok;
}
