// A ticket's due date and social sender, which a Kayako case has no place for, are named in the report (issue 12).
import { describe, expect, it } from 'vitest';
import { uncarriedWarnings } from '../../src/lib/engine/connectors/kayako/writer/case-uncarried';
import type { Ticket } from '../../src/lib/engine/model';

const base: Ticket = { id: '12', subject: 'Late', status: 'open', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: '2016-03-01T10:00:00Z', updatedAt: '2016-03-01T10:00:00Z' };

describe('what a Kayako case cannot hold', () => {
	it('names a task\'s due date and a tweet\'s sender and receiver in one sentence', () => {
		const warnings = uncarriedWarnings({ ...base, dueAt: '2016-04-01T12:00:00Z', via: { channel: 'twitter', from: 'Jana <@janadoe> https://twitter.com/janadoe', to: 'Acme <@AcmeSupport>' } });
		expect(warnings).toEqual([{ sourceId: '12', message: 'A Kayako case has no place for the due date 2016-04-01T12:00:00Z, nor for that it came by twitter from Jana <@janadoe> https://twitter.com/janadoe to Acme <@AcmeSupport>; it is kept in this report only.' }]);
	});

	it('says nothing for a mail, web or API ticket without a due date: their sender is the requester Kayako has', () => {
		for (const channel of ['email', 'web', 'api', 'sample_ticket']) expect(uncarriedWarnings({ ...base, via: { channel, from: 'Ann <ann@example.org>' } })).toEqual([]);
		expect(uncarriedWarnings(base)).toEqual([]);
	});
});
