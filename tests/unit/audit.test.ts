// The fault suite's audit finds what it must: a second case, a missing post or file, a wrong reference, a report that lies.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import type { Comment, Ticket, User } from '../../src/lib/engine/model';
import { auditMigration, auditRollback } from '../audit/audit';
import type { ReportRow } from '../audit/report-rows';
import type { SourceSnapshot } from '../integration/migration-expected';

const BYTES = Buffer.from('the bytes of invoice.pdf');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const user: User = { id: 'u1', name: 'Ann', role: 'customer', active: true, suspended: false, emails: ['ann@example.org'], phones: [], organizationId: 'o1', teamIds: [], tags: [], fields: {} };
const ticket: Ticket = { id: 't1', subject: 'Printer', status: 'open', requesterId: 'u1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: '2024-01-01T10:00:00Z', updatedAt: '2024-01-02T10:00:00Z' };
const comments: Comment[] = [
	{ id: 'c1', ticketId: 't1', authorId: 'u1', public: true, html: '<p>It is on fire.</p>', plain: 'It is on fire.', createdAt: '2024-01-01T10:00:00Z', attachments: [{ id: 'a1', fileName: 'invoice.pdf', contentType: 'application/pdf', size: BYTES.length, url: 'x', inline: false }] },
	{ id: 'c2', ticketId: 't1', public: false, html: '<p>Call them.</p>', plain: 'Call them.', createdAt: '2024-01-01T11:00:00Z', attachments: [] }
];

function source(): SourceSnapshot {
	return { tickets: [ticket], comments: new Map([['t1', comments]]), users: [user], organizations: [{ id: 'o1', name: 'Acme', domains: [], tags: [], fields: {} } as never], teams: [], fields: [], categories: [], sections: [], articles: [] };
}

function post(id: number, channel: 'MAIL' | 'NOTE', at: string, contents: string, attachments: KayakoAccountView['cases'][number]['posts'][number]['attachments'] = []) {
	return { id, channel, creator_id: 10, contents, via: 'API', created_at: at, attachments };
}

function kase(id: number, posts = [post(1, 'MAIL', '2024-01-01T10:00:00.000Z', '<p>It is on fire.</p>', [{ id: 1, name: 'invoice.pdf', size: BYTES.length, type: 'application/pdf', sha256: sha(BYTES) }]), post(2, 'NOTE', '2024-01-01T11:00:00.000Z', '<p>Call them.</p>')]) {
	return { id, legacy_id: 't1', subject: 'Printer', requester_id: 10, creator_id: 10, channel: 'MAIL' as const, status: 'OPEN', priority_id: null, type_id: null, assigned_team_id: null, assigned_agent_id: null, state: 'ACTIVE' as const, tags: [], field_values: {}, created_at: '', updated_at: '', posts };
}

function kayako(cases = [kase(100)], organizationId: number | null = 20): KayakoAccountView {
	const empty = { teams: [], fields: [], files: [], categories: [], sections: [], articles: [], triggers: [], jobs: [], mailed: [], requests: { total: 0, byRoute: {} } };
	return {
		account: 'acme',
		...empty,
		users: [{ id: 10, full_name: 'Ann', legacy_id: 'u1', role: 'CUSTOMER', is_enabled: true, is_mfa_enabled: false, emails: ['ann@example.org'], organization_id: organizationId, team_ids: [], field_values: {}, tags: [], created_at: '' }],
		organizations: [{ id: 20, name: 'Acme', legacy_id: 'o1', domains: [], field_values: {}, tags: [] }],
		cases
	};
}

const before: KayakoAccountView = { ...kayako([]), users: [], organizations: [] };
const REPORT: ReportRow[] = [
	{ entity: 'users', status: 'migrated', sourceId: 'u1', kayakoId: '10', reason: '' },
	{ entity: 'organizations', status: 'migrated', sourceId: 'o1', kayakoId: '20', reason: '' },
	{ entity: 'tickets', status: 'migrated', sourceId: 't1', kayakoId: '100', reason: '' }
];

const audit = (held: KayakoAccountView, report = REPORT) => auditMigration({ source: source(), kayako: held, before, report, download: async () => new Blob([BYTES]) });

describe('the migration audit', () => {
	it('finds nothing when Kayako holds exactly the source and the report says so', async () => {
		const result = await audit(kayako());
		expect(result.summary()).toMatch(/^0 duplicate, 0 lost, 0 wrong, 0 misreported/);
		expect(result.counts.checked).toMatchObject({ tickets: 1, posts: 2, files: 1, users: 1 });
	});

	it('counts a second case for one ticket as a duplicate, and audits the case the report names', async () => {
		expect((await audit(kayako([kase(100), kase(101)]))).counts.duplicates).toBe(1);
		const named = await audit(kayako([kase(99, [post(1, 'MAIL', '2024-01-01T10:00:00.000Z', 'It is on fire.')]), kase(100)]));
		expect(named.counts).toMatchObject({ duplicates: 1, lost: 0, misreported: 0 });
	});

	it('counts a comment posted twice as a duplicate, also when appended by a delta at another time', async () => {
		const twice = kase(100, [...kase(100).posts, post(3, 'NOTE', '2024-06-01T00:00:00.000Z', '<p>Call them.</p>')]);
		expect((await audit(kayako([twice]))).counts).toMatchObject({ duplicates: 1, wrong: 0 });
		const appended = kase(100, [kase(100).posts[0]!, post(3, 'NOTE', '2024-06-01T00:00:00.000Z', '<p>Call them.</p>'), post(4, 'NOTE', '2024-06-01T00:00:01.000Z', '<div>Call them.</div>')]);
		expect((await audit(kayako([appended]))).counts.duplicates).toBe(1);
	});

	it('counts a missing post and a missing file as lost, and the report that calls the ticket migrated as misreported', async () => {
		const result = await audit(kayako([kase(100, [post(1, 'MAIL', '2024-01-01T10:00:00.000Z', 'It is on fire.')])]));
		expect(result.counts.lost).toBe(2);
		expect(result.counts.misreported).toBe(1);
	});

	it('accepts what could not move when the failed report says why, and nothing else', async () => {
		const failed: ReportRow[] = [...REPORT.slice(0, 2), { entity: 'tickets', status: 'failed', sourceId: 't1', kayakoId: '', reason: 'Kayako refused it.' }];
		const result = await audit(kayako([]), failed);
		expect(result.counts).toMatchObject({ lost: 0, misreported: 0, accountedFor: 1 });
		expect((await audit(kayako([]), [...REPORT.slice(0, 2), { ...failed[2]!, reason: '' }])).counts.lost).toBe(1);
		expect((await audit(kayako([]), REPORT.slice(0, 2))).counts.lost).toBe(1);
	});

	it('finds a file whose bytes differ, a user without their organisation, a wrong requester', async () => {
		const corrupt = kase(100);
		corrupt.posts[0]!.attachments[0]!.sha256 = sha(Buffer.from('a gateway page'));
		corrupt.requester_id = 11;
		const result = await audit(kayako([corrupt], null));
		expect(result.counts.wrong).toBe(3);
		expect(result.findings.map((finding) => finding.message).join('\n')).toMatch(/byte for byte[\s\S]*organisation|organisation[\s\S]*byte for byte/);
	});

	it('after a rollback, finds what the migration left behind and what the report still calls migrated', () => {
		expect(auditRollback({ kayako: kayako(), before, report: [] }).counts).toMatchObject({ wrong: 3, misreported: 0 });
		expect(auditRollback({ kayako: before, before, report: REPORT }).counts).toMatchObject({ wrong: 0, misreported: 3 });
		expect(auditRollback({ kayako: before, before, report: [] }).counts).toMatchObject({ wrong: 0, misreported: 0 });
	});
});
