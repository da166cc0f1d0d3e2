// Odd source values on their way into a Kayako case: a status nobody documented, a tag with a comma, a multiselect
// with a deleted option. Each case is created with a sensible value, and the report says what was changed.
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { importCases } from '../../src/lib/engine/connectors/kayako/writer/cases';
import { ensureField } from '../../src/lib/engine/connectors/kayako/writer/fields';
import { mapTicket } from '../../src/lib/engine/connectors/zendesk/map-ticket';
import type { ZendeskTicket } from '../../src/lib/engine/connectors/zendesk/types';
import type { TicketBundle } from '../../src/lib/engine/model';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;

const lookups = { baseUrl: 'https://acme.zendesk.com', userEmails: new Map(), brandNames: new Map(), statusLabels: new Map() };

function zendeskTicket(id: number, overrides: Partial<ZendeskTicket>): ZendeskTicket {
	return { id, subject: `Ticket ${id}`, status: 'open', requester_id: 1, tags: [], custom_fields: [], created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-02T00:00:00Z', ...overrides };
}

function bundle(source: ZendeskTicket): TicketBundle {
	const ticket = mapTicket(source, lookups);
	return { ticket, comments: [{ id: `c${source.id}`, ticketId: ticket.id, authorId: '1', public: false, html: '<p>Hello</p>', plain: 'Hello', createdAt: ticket.createdAt, attachments: [] }] };
}

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	ctx = writeContext(adminSession(sandbox));
	ctx.ids.set('users:1', sandbox.state().users.find((user) => user.role === 'CUSTOMER')!.id);
	const field = await ensureField(ctx, {
		id: '900',
		entity: 'ticket',
		title: 'Products',
		type: 'multiselect',
		options: [
			{ value: 'web', label: 'Web' },
			{ value: 'api', label: 'API' }
		],
		active: true,
		system: false
	});
	ctx.fields.set('900', field.target);
});

afterAll(() => sandbox.close());

describe('odd values in a case', () => {
	it('creates a ticket whose Zendesk status is unknown as an open case, and says so in the report', async () => {
		const outcomes = await importCases(ctx, [bundle(zendeskTicket(7001, { status: 'escalated' })), bundle(zendeskTicket(7002, { status: 'solved' }))]);
		const odd = outcomes.get('7001');
		expect(odd).toMatchObject({ ok: true });
		expect(odd?.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('the status "escalated"')]);
		expect(outcomes.get('7002')).toMatchObject({ ok: true, warnings: [] });
		const cases = sandbox.state().cases;
		expect(cases.find((each) => each.legacy_id === '7001')?.status).toBe('OPEN');
		expect(cases.find((each) => each.legacy_id === '7002')?.status).toBe('COMPLETED');
	}, 30_000);

	it('keeps a tag with a comma as one tag, with a hyphen, and notes it', async () => {
		const outcomes = await importCases(ctx, [bundle(zendeskTicket(7003, { tags: ['billing,urgent', 'vip'] }))]);
		expect(outcomes.get('7003')?.warnings.map((warning) => plainReason(warning.message))).toEqual(['The tag "billing,urgent" has a comma, which Kayako reads as two tags; it became "billing-urgent".']);
		expect(sandbox.state().cases.find((each) => each.legacy_id === '7003')?.tags.sort()).toEqual(['billing-urgent', 'vip']);
	}, 30_000);

	it('keeps the valid choices of a multiselect whose other option was deleted', async () => {
		const outcomes = await importCases(ctx, [bundle(zendeskTicket(7004, { custom_fields: [{ id: 900, value: ['web', 'retired_option', 'api'] }] }))]);
		expect(outcomes.get('7004')?.warnings.map((warning) => warning.message)).toEqual([expect.stringContaining('"retired_option" is not among the field\'s options')]);
		const target = ctx.fields.get('900')!;
		const kase = sandbox.state().cases.find((each) => each.legacy_id === '7004')!;
		expect(String(kase.field_values[target.key]).split(',').sort()).toEqual([String(target.optionIds.get('web')), String(target.optionIds.get('api'))].sort());
	}, 30_000);
});
