// What the filter pickers list: the source's groups, agents and organisations by name, and chosen ids the source no longer holds.
import type { ChosenOrganizations, MatchCandidates } from '$lib/engine/api';

/** Why a line needs a second look; each is an i18n key under `options.picker.note`. */
export type PickerNote = 'departed' | 'suspended' | 'gone' | 'notLoaded';

/** One checkbox of a picker. Without a name it shows its source id. */
export interface PickerLine {
	id: string;
	name?: string;
	/** What tells namesakes apart: an agent's e-mail. */
	detail?: string;
	note?: PickerNote;
}

/** The source's groups, as the match step read them (deleted groups are not among them). */
export function groupLines(candidates: MatchCandidates): PickerLine[] {
	return candidates.teams.map(({ team }) => ({ id: team.id, name: team.name }));
}

/** The source's agents and admins; departed ones stay choosable because their old tickets still name them. */
export function agentLines(candidates: MatchCandidates): PickerLine[] {
	return candidates.agents.map(({ agent }) => {
		const note: PickerNote | undefined = !agent.active ? 'departed' : agent.suspended ? 'suspended' : undefined;
		return { id: agent.id, name: agent.name, ...(agent.email && { detail: agent.email }), ...(note && { note }) };
	});
}

/** Case, accents and spacing do not count: "kundenservice" finds "Kundenservice DACH", "zoe" finds "Zoë". */
function folded(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function matchesFilter(line: PickerLine, filter: string): boolean {
	const wanted = folded(filter);
	return wanted === '' || [line.name, line.detail].some((text) => text !== undefined && folded(text).includes(wanted));
}

/**
 * The lines of a checklist. Chosen ids the list does not hold come first: gone from the source, or not loaded (the
 * names could not be read). Then the list, narrowed by the filter; chosen lines and those touched in this visit
 * (`kept`) stay in view, so a box never vanishes from under the keyboard focus.
 */
export function checklistLines(lines: PickerLine[] | undefined, chosen: readonly string[], filter: string, kept: ReadonlySet<string> = new Set()): PickerLine[] {
	if (!lines) return chosen.map((id) => ({ id, note: 'notLoaded' }));
	const listed = new Set(lines.map((line) => line.id));
	const gone = [...new Set([...chosen, ...kept])].filter((id) => !listed.has(id)).map((id): PickerLine => ({ id, note: 'gone' }));
	return [...gone, ...lines.filter((line) => chosen.includes(line.id) || kept.has(line.id) || matchesFilter(line, filter))];
}

/**
 * Chosen organisations by the names read for them: a name, null for an id the source no longer holds, nothing yet
 * when the names could not be read.
 */
export function organizationLines(ids: readonly string[], names: Readonly<Record<string, string | null>>): PickerLine[] {
	return ids.map((id) => {
		const name = names[id];
		if (typeof name === 'string') return { id, name };
		return { id, note: name === null ? 'gone' : 'notLoaded' };
	});
}

/** What `organizationNames` answered, as the picker keeps it: the name, or null for an organisation that is gone. */
export function namesOf(chosen: ChosenOrganizations): Record<string, string | null> {
	return { ...Object.fromEntries(chosen.missing.map((id) => [id, null])), ...Object.fromEntries(chosen.found.map((organization) => [organization.id, organization.name])) };
}

/** Adds or removes one id, keeping the order they were chosen in. */
export function toggled(chosen: readonly string[], id: string, on: boolean): string[] {
	const without = chosen.filter((each) => each !== id);
	return on ? [...without, id] : without;
}
