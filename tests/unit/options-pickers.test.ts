// The options step's filter pickers: what they list by name, what a chosen id that is gone shows, and the ids they save.
import { describe, expect, it } from 'vitest';
import type { MatchCandidates } from '../../src/lib/engine/api';
import { formFrom, savedFrom } from '../../src/lib/ui/options/options-form';
import { agentLines, checklistLines, groupLines, namesOf, organizationLines, toggled, type PickerLine } from '../../src/lib/ui/options/pickers';

const agent = (id: string, name: string, extra: { email?: string; active?: boolean; suspended?: boolean } = {}) => ({
	agent: { id, name, role: 'agent' as const, active: extra.active ?? true, suspended: extra.suspended ?? false, teamIds: [], ...(extra.email && { email: extra.email }) },
	choice: { action: 'create' as const },
	basis: 'none' as const
});

const candidates: MatchCandidates = {
	agents: [agent('11', 'Ana Lima', { email: 'ana@acme.test' }), agent('12', 'Bo Berg', { active: false }), agent('13', 'Cy Doe', { suspended: true })],
	teams: [
		{ team: { id: '30', name: 'Support' }, choice: { action: 'create' }, basis: 'none' },
		{ team: { id: '31', name: 'Kundenservice DACH' }, choice: { action: 'create' }, basis: 'none' }
	],
	kayakoStaff: [],
	kayakoTeams: []
};

const ids = (lines: PickerLine[]) => lines.map((line) => line.id);

describe('the lines a group or agent picker lists', () => {
	it('names groups and agents, with an e-mail to tell namesakes apart and a note for those who left', () => {
		expect(groupLines(candidates)).toEqual([
			{ id: '30', name: 'Support' },
			{ id: '31', name: 'Kundenservice DACH' }
		]);
		expect(agentLines(candidates)).toEqual([
			{ id: '11', name: 'Ana Lima', detail: 'ana@acme.test' },
			{ id: '12', name: 'Bo Berg', note: 'departed' },
			{ id: '13', name: 'Cy Doe', note: 'suspended' }
		]);
	});

	it('narrows by name or e-mail whatever the case, accents and spacing, and keeps the chosen ones in view', () => {
		const lines = [...agentLines(candidates), { id: '14', name: 'Zoë  Quinn' }];
		expect(ids(checklistLines(lines, [], 'ZOE quinn'))).toEqual(['14']);
		expect(ids(checklistLines(lines, [], 'acme.test'))).toEqual(['11']);
		expect(ids(checklistLines(lines, ['13'], 'ana'))).toEqual(['11', '13']);
		expect(ids(checklistLines(lines, [], 'ana', new Set(['12'])))).toEqual(['11', '12']);
		expect(ids(checklistLines(lines, [], ''))).toEqual(['11', '12', '13', '14']);
	});

	it('shows a chosen id the source no longer holds as its id with a note, first, and still chosen', () => {
		const lines = checklistLines(groupLines(candidates), ['31', '39'], 'support');
		expect(lines).toEqual([{ id: '39', note: 'gone' }, { id: '30', name: 'Support' }, { id: '31', name: 'Kundenservice DACH' }]);
	});

	it('shows the chosen ids, not yet named, while the names are read or when they cannot be', () => {
		expect(checklistLines(undefined, ['30', '11'], '')).toEqual([
			{ id: '30', note: 'notLoaded' },
			{ id: '11', note: 'notLoaded' }
		]);
	});
});

describe('the chosen organisations', () => {
	it('show by name, an organisation that is gone by its id with a note, one not read yet by its id', () => {
		const names = namesOf({ found: [{ id: '20000001', name: 'Acme GmbH (2)' }], missing: ['29999999'] });
		expect(names).toEqual({ '20000001': 'Acme GmbH (2)', '29999999': null });
		expect(organizationLines(['20000001', '29999999', '20000007'], names)).toEqual([
			{ id: '20000001', name: 'Acme GmbH (2)' },
			{ id: '29999999', note: 'gone' },
			{ id: '20000007', note: 'notLoaded' }
		]);
	});
});

describe('the ids the pickers save', () => {
	it('adds and removes one id, keeping the order of choosing', () => {
		expect(toggled(['1', '2'], '3', true)).toEqual(['1', '2', '3']);
		expect(toggled(['1', '2', '3'], '2', false)).toEqual(['1', '3']);
		expect(toggled(['1'], '1', true)).toEqual(['1']);
	});

	it('saves the same source ids the engine filters by, and reads numbers of a hand-edited file as ids', () => {
		const form = { ...formFrom({}, {}), teamIds: ['30', '31'], assigneeIds: ['11'], organizationIds: ['20000001', '20000001'] };
		expect(savedFrom(form, {}).filters).toEqual({ teamIds: ['30', '31'], assigneeIds: ['11'], organizationIds: ['20000001'] });
		expect(formFrom({}, { organizationIds: [20000001, ' 20000002 ', ''], teamIds: 'not a list' })).toMatchObject({ organizationIds: ['20000001', '20000002'], teamIds: [] });
		expect(savedFrom(formFrom({}, {}), {}).filters).toEqual({});
	});
});
