// A ticket's due date and social sender, which a Kayako case has no place for, are named in the report (issue 12).
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { describe, expect, it } from 'vitest';
import { uncarriedWarnings } from '../../src/lib/engine/connectors/kayako/writer/case-uncarried';
import type { Comment, Ticket } from '../../src/lib/engine/model';

const base: Ticket = { id: '12', subject: 'Late', status: 'open', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: '2016-03-01T10:00:00Z', updatedAt: '2016-03-01T10:00:00Z' };

describe('what a Kayako case cannot hold', () => {
	it('names a task\'s due date and a tweet\'s sender and receiver in one sentence', () => {
		const warnings = uncarriedWarnings({ ...base, dueAt: '2016-04-01T12:00:00Z', via: { channel: 'twitter', from: 'Jana <@janadoe> https://twitter.com/janadoe', to: 'Acme <@AcmeSupport>' } });
		expect(warnings.map((warning) => ({ ...warning, message: plainReason(warning.message) }))).toEqual([{ sourceId: '12', message: 'A Kayako case has no place for the due date 2016-04-01T12:00:00Z, nor for that it came by twitter from Jana <@janadoe> https://twitter.com/janadoe to Acme <@AcmeSupport>; it is kept in this report only.' }]);
	});

	it('says nothing for a mail, web or API ticket without a due date: their sender is the requester Kayako has', () => {
		for (const channel of ['email', 'web', 'api', 'sample_ticket']) expect(uncarriedWarnings({ ...base, via: { channel, from: 'Ann <ann@example.org>' } })).toEqual([]);
		expect(uncarriedWarnings(base)).toEqual([]);
	});

	it('counts replies that came by a social channel the ticket itself did not come by, and not replies by its own channel', () => {
		const reply = (id: string, channel: string): Comment => ({ id, ticketId: '12', public: true, html: '<p>x</p>', plain: 'x', createdAt: '2016-03-02T10:00:00Z', attachments: [], via: { channel } });
		const mail: Ticket = { ...base, via: { channel: 'email', from: 'Ann <ann@example.org>' } };
		const warnings = uncarriedWarnings(mail, [reply('1', 'email'), reply('2', 'twitter'), reply('3', 'web'), reply('4', 'twitter'), reply('5', 'facebook')]);
		expect(warnings.map((warning) => plainReason(warning.message))).toEqual(['A Kayako case has no place for that 2 replies came by twitter, nor for that one reply came by facebook; it is kept in this report only.']);
		const tweet: Ticket = { ...base, via: { channel: 'twitter', from: '@janadoe' } };
		expect(uncarriedWarnings(tweet, [reply('1', 'twitter'), reply('2', 'web')]).map((warning) => plainReason(warning.message))).toEqual(['A Kayako case has no place for that it came by twitter from @janadoe; it is kept in this report only.']);
	});

	it('names the support address a mail was sent to (the source leaves the default address out)', () => {
		const mail: Ticket = { ...base, recipient: 'billing@acme.example', via: { channel: 'email', from: 'Ann <ann@example.org>' } };
		expect(uncarriedWarnings(mail).map((warning) => plainReason(warning.message))).toEqual(['A Kayako case has no place for that it was sent to the support address billing@acme.example; it is kept in this report only.']);
	});
});
