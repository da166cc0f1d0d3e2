// The pure parts of the options, checklist and after pages: what is refused, what is saved, when the full run unlocks, when to archive.
import { describe, expect, it } from 'vitest';
import { archiveDue, DEFAULT_RETENTION_DAYS } from '../../src/lib/ui/after/retention';
import { articlesChosen, everyItemMet, itemsMet, ticksFrom } from '../../src/lib/ui/checklist/checklist';
import { formFrom, problemsOf, savedFrom } from '../../src/lib/ui/options/options-form';
import type { RunRecord } from '../../src/lib/engine/store';

const DAY = 24 * 60 * 60 * 1000;
const blankForm = () => formFrom({}, {});

describe('the options form', () => {
	it('refuses an end date before the start date and a number of days that is not a whole number', () => {
		expect(problemsOf({ ...blankForm(), createdFrom: '2025-06-01', createdTo: '2025-05-31' })).toEqual({ createdTo: 'dateOrder' });
		expect(problemsOf({ ...blankForm(), recentDays: 'a month' })).toEqual({ recentDays: 'recentDaysNumber' });
		expect(problemsOf({ ...blankForm(), recentDays: '0' })).toEqual({ recentDays: 'recentDaysRange' });
		expect(problemsOf({ ...blankForm(), fieldId: '360' })).toEqual({ field: 'fieldBoth' });
		expect(problemsOf({ ...blankForm(), createdFrom: '2025-06-01', createdTo: '2025-06-01', recentDays: '30' })).toEqual({});
	});

	it('saves what the engine reads and keeps the options other steps saved', () => {
		const form = { ...blankForm(), tagMigrated: ' zendesk-import ', recentDays: '30', tags: 'vip, billing,, vip', teamIds: ['1', '2', '1'], fieldId: 'priority', fieldValue: 'high' };
		const { options, filters } = savedFrom(form, { entities: ['tickets'], checklist: { teamTold: true }, recentDays: 7 });
		expect(options).toMatchObject({ entities: ['tickets'], checklist: { teamTold: true }, tagMigrated: 'zendesk-import', recentDays: 30, inlineImages: 'rewrite' });
		expect(filters).toEqual({ tags: ['vip', 'billing'], teamIds: ['1', '2'], field: { id: 'priority', value: 'high' } });
		expect(savedFrom(blankForm(), { recentDays: 7 }).options.recentDays).toBeUndefined();
		expect(formFrom(options, filters)).toMatchObject({ recentDays: '30', tags: 'vip, billing', teamIds: ['1', '2'], organizationIds: [], fieldId: 'priority' });
	});
});

describe('the checklist', () => {
	const allTicked = { goLiveDate: '2027-03-01', teamTold: true, fieldsCreated: true, agentsConfirmed: true, demoReviewed: true };

	it('unlocks the full run only when every item is met, the live ones included', () => {
		const live = { enabledTriggers: 0, articleHtmlAllowed: true, demoFinished: true };
		expect(everyItemMet(itemsMet(allTicked, live, true))).toBe(true);
		expect(everyItemMet(itemsMet(allTicked, { ...live, enabledTriggers: 2 }, true))).toBe(false);
		expect(everyItemMet(itemsMet(allTicked, { ...live, enabledTriggers: undefined }, true))).toBe(false);
		expect(everyItemMet(itemsMet(allTicked, { ...live, articleHtmlAllowed: false }, true))).toBe(false);
		expect(everyItemMet(itemsMet(allTicked, { ...live, articleHtmlAllowed: false }, false))).toBe(true);
		expect(everyItemMet(itemsMet(allTicked, { ...live, demoFinished: false }, true))).toBe(false);
		expect(everyItemMet(itemsMet({ ...allTicked, goLiveDate: '' }, live, true))).toBe(false);
	});

	it('counts custom fields as created when a run migrated them without failures, ticked or not', () => {
		const live = { enabledTriggers: 0, demoFinished: true, fields: { total: 3, migrated: 3, failed: 0, skipped: 0 } };
		expect(itemsMet({ ...allTicked, fieldsCreated: false }, live, false).fields).toBe(true);
		expect(itemsMet({ ...allTicked, fieldsCreated: false }, { ...live, fields: { total: 3, migrated: 2, failed: 1, skipped: 0 } }, false).fields).toBe(false);
	});

	it('reads saved ticks and asks about article HTML only when articles move', () => {
		expect(ticksFrom({ checklist: { teamTold: true, goLiveDate: '2027-03-01' } })).toMatchObject({ teamTold: true, goLiveDate: '2027-03-01', agentsConfirmed: false });
		expect(articlesChosen({ entities: ['tickets', 'users'] })).toBe(false);
		expect(articlesChosen({ entities: ['tickets', 'articles'] })).toBe(true);
		expect(articlesChosen({})).toBe(true);
	});
});

describe('data retention', () => {
	const run = (startedAt: number, finishedAt?: number): RunRecord => ({ id: String(startedAt), migrationId: 'm', kind: 'full', state: 'finished', counters: {}, startedAt, finishedAt });

	it('offers the archive the chosen number of days after the last run, 30 by default', () => {
		const runs = [run(1_000, 5_000), run(10_000, 20_000)];
		expect(archiveDue(runs, {})).toBe(20_000 + DEFAULT_RETENTION_DAYS * DAY);
		expect(archiveDue(runs, { retentionDays: 7 })).toBe(20_000 + 7 * DAY);
		expect(archiveDue([], {})).toBeUndefined();
	});
});
