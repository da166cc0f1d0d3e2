// The checklist's live items: Kayako's enabled triggers (turned off for the run and back on after), the article HTML setting.
import { allowsUnsafeArticleHtml, listTriggers, setTriggerEnabled, type KayakoTrigger } from '../connectors/kayako/admin';
import { asResult, type CommandDeps } from './deps';
import { kayakoSession } from './kayako-session';
import { requireMigration } from './migrations';

/** Where the triggers the tool turned off are remembered, so "turn them back on" knows which. */
const TURNED_OFF = 'triggersTurnedOff';

export interface TriggerState {
	triggers: KayakoTrigger[];
	/** The ones this tool turned off and will turn on again. */
	turnedOff: number[];
}

export function checklistCommands(deps: CommandDeps) {
	return {
		kayakoTriggers: (migrationId: string) =>
			asResult<TriggerState>(async () => {
				const settings = await requireMigration(deps, migrationId);
				const triggers = await listTriggers(kayakoSession(deps, settings));
				const turnedOff = Array.isArray(settings.options[TURNED_OFF]) ? (settings.options[TURNED_OFF] as number[]) : [];
				return { triggers, turnedOff };
			}),

		/** Off: every enabled trigger, remembered. On: exactly the ones the tool turned off, nothing else. */
		switchKayakoTriggers: (migrationId: string, enabled: boolean) =>
			asResult<TriggerState>(async () => {
				const settings = await requireMigration(deps, migrationId);
				const session = kayakoSession(deps, settings);
				const before = await listTriggers(session);
				const remembered = Array.isArray(settings.options[TURNED_OFF]) ? (settings.options[TURNED_OFF] as number[]) : [];
				const targets = enabled ? before.filter((each) => remembered.includes(each.id) && !each.enabled) : before.filter((each) => each.enabled);
				const switched: number[] = [];
				for (const trigger of targets) {
					await setTriggerEnabled(session, trigger.id, enabled);
					switched.push(trigger.id);
					// Saved after each one: a failure half-way still knows what to turn back on.
					const turnedOff = enabled ? remembered.filter((id) => !switched.includes(id)) : [...new Set([...remembered, ...switched])];
					await (await deps.store()).saveMigration({ ...settings, options: { ...settings.options, [TURNED_OFF]: turnedOff } });
				}
				const fresh = await requireMigration(deps, migrationId);
				deps.events.emit({ type: 'migration-changed', migrationId });
				return { triggers: await listTriggers(session), turnedOff: (fresh.options[TURNED_OFF] as number[] | undefined) ?? [] };
			}),

		articleHtmlAllowed: (migrationId: string) => asResult(async () => allowsUnsafeArticleHtml(kayakoSession(deps, await requireMigration(deps, migrationId))))
	};
}
