import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/lib/engine/model';
import { RunControl } from '../../src/lib/engine/pipeline/control';
import { seededRandom } from '../../src/lib/engine/pipeline/demo';
import { filteredOut } from '../../src/lib/engine/pipeline/filters';
import { contentHash, stableJson } from '../../src/lib/engine/pipeline/hash';
import { ProgressTracker } from '../../src/lib/engine/pipeline/progress';

const ticket: Ticket = {
	id: '1',
	subject: 'Printer on fire',
	status: 'open',
	tags: ['hardware', 'vip'],
	fields: { '360': 'emea', '361': ['a', 'b'] },
	ccEmails: [],
	followerIds: [],
	createdAt: '2024-03-10T09:00:00Z',
	updatedAt: '2024-03-11T09:00:00Z',
	teamId: '5',
	organizationId: '9',
	assigneeId: '20'
};

describe('content hash', () => {
	it('ignores key order and undefined values, and sees every real change', () => {
		expect(stableJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
		expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
		expect(contentHash(ticket)).not.toBe(contentHash({ ...ticket, subject: 'Printer still on fire' }));
		expect(contentHash(ticket)).toMatch(/^[0-9a-f]{16}$/);
	});
});

describe('ticket filters', () => {
	it('passes a ticket that meets every filter', () => {
		expect(filteredOut(ticket, { createdFrom: '2024-03-01', createdTo: '2024-03-10', tags: ['vip'], field: { id: '361', value: 'b' }, teamIds: ['5'], organizationIds: ['9'], assigneeIds: ['20'] })).toBeUndefined();
	});

	it('says why a ticket is left out', () => {
		expect(filteredOut(ticket, { createdFrom: '2024-04-01' })).toMatch(/before the filter's start/);
		expect(filteredOut(ticket, { createdTo: '2024-03-09' })).toMatch(/after the filter's end/);
		expect(filteredOut(ticket, { tags: ['billing'] })).toMatch(/none of the tags billing/);
		expect(filteredOut(ticket, { field: { id: '360', value: 'apac' } })).toMatch(/Field 360/);
		expect(filteredOut(ticket, { teamIds: ['6'] })).toMatch(/groups/);
		expect(filteredOut({ ...ticket, assigneeId: undefined }, { assigneeIds: ['20'] })).toMatch(/agents/);
	});
});

describe('demo sampling randomness', () => {
	it('is the same for the same seed and differs for another', () => {
		const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
		expect(draw(42)).toEqual(draw(42));
		expect(draw(42)).not.toEqual(draw(43));
		expect(draw(7).every((value) => value >= 0 && value < 1)).toBe(true);
	});
});

describe('run control', () => {
	it('holds a paused run at the next checkpoint until resumed, and stops a cancelled one', async () => {
		const control = new RunControl();
		control.pause();
		let passed = false;
		const waiting = control.checkpoint().then(() => (passed = true));
		await Promise.resolve();
		expect(passed).toBe(false);
		control.resume();
		await waiting;
		expect(passed).toBe(true);
		control.pause();
		const cancelled = control.checkpoint();
		control.cancel();
		await expect(cancelled).rejects.toMatchObject({ kind: 'cancelled' });
	});
});

describe('progress', () => {
	it('counts per entity, a record migrated before as migrated, and gives a rate and an ETA', () => {
		let now = 0;
		const progress = new ProgressTracker('run-1', () => now);
		progress.expect('tickets', 100);
		progress.phase = 'tickets';
		for (let index = 0; index < 10; index++) {
			now += 6_000;
			progress.count('tickets', index === 0 ? 'failed' : index === 1 ? 'already' : 'migrated');
		}
		const report = progress.report();
		expect(report.entities.tickets).toEqual({ total: 10, migrated: 9, failed: 1, skipped: 0, expected: 100 });
		expect(report.perMinute).toBe(11);
		expect(report.etaMs).toBe(Math.round((90 / 11) * 60_000));
	});

	it('never shows more records done than expected when the source counted fewer than it exports', () => {
		const progress = new ProgressTracker('run-1', () => 0);
		progress.expect('users', 2);
		progress.phase = 'users';
		for (let index = 0; index < 3; index++) progress.count('users', index === 2 ? 'skipped' : 'migrated');
		expect(progress.report().entities.users).toMatchObject({ total: 3, expected: 3 });
		expect(progress.report().etaMs ?? 0).toBe(0);
	});
});
