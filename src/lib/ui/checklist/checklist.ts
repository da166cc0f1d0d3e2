// The checklist before the full run: what is ticked by hand (kept in options.checklist), what is read live, and whether each item is met.
import type { EntityCounters, JsonObject, JsonValue, RunRecord } from '$lib/engine/store';

/** What the user ticked or chose; saved under `options.checklist`. */
export interface ChecklistTicks {
	/** The day of the full migration, YYYY-MM-DD. */
	goLiveDate: string;
	teamTold: boolean;
	fieldsCreated: boolean;
	agentsConfirmed: boolean;
	demoReviewed: boolean;
}

/** What the app read from Kayako and from this browser's runs; undefined while unknown (not read yet, or the read failed). */
export interface ChecklistLive {
	enabledTriggers?: number;
	articleHtmlAllowed?: boolean;
	fields?: EntityCounters;
	demoFinished: boolean;
}

export type ItemId = 'date' | 'fields' | 'agents' | 'triggers' | 'articles' | 'demo';

export function ticksFrom(options: JsonObject): ChecklistTicks {
	const saved: { [key: string]: JsonValue } = options.checklist && typeof options.checklist === 'object' && !Array.isArray(options.checklist) ? options.checklist : {};
	return {
		goLiveDate: typeof saved.goLiveDate === 'string' ? saved.goLiveDate : '',
		teamTold: saved.teamTold === true,
		fieldsCreated: saved.fieldsCreated === true,
		agentsConfirmed: saved.agentsConfirmed === true,
		demoReviewed: saved.demoReviewed === true
	};
}

/** The knowledge base moves when articles are among the chosen entities, or when none were chosen (everything moves). */
export function articlesChosen(options: JsonObject): boolean {
	return !Array.isArray(options.entities) || options.entities.length === 0 || options.entities.includes('articles');
}

/** Fields count as created when a run migrated some and none failed. */
export function fieldsMigrated(fields: EntityCounters | undefined): boolean {
	return fields !== undefined && fields.migrated > 0 && fields.failed === 0;
}

export function demoFinished(runs: RunRecord[]): boolean {
	return runs.some((run) => run.kind === 'demo' && run.state === 'finished' && !run.rolledBackBy);
}

/** Which items are met; the articles item only when the knowledge base moves. */
export function itemsMet(ticks: ChecklistTicks, live: ChecklistLive, withArticles: boolean): Partial<Record<ItemId, boolean>> {
	const met: Partial<Record<ItemId, boolean>> = {
		date: Boolean(ticks.goLiveDate) && ticks.teamTold,
		fields: fieldsMigrated(live.fields) || ticks.fieldsCreated,
		agents: ticks.agentsConfirmed,
		triggers: live.enabledTriggers === 0,
		demo: live.demoFinished && ticks.demoReviewed
	};
	if (withArticles) met.articles = live.articleHtmlAllowed === true;
	return met;
}

export function everyItemMet(met: Partial<Record<ItemId, boolean>>): boolean {
	return Object.values(met).every(Boolean);
}
