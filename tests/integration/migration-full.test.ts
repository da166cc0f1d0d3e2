// A whole generated Zendesk account into Kayako through the proxy: what the sandbox Kayako holds afterwards is exactly the source, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import type { Connectors } from '../../src/lib/engine/connectors/factory';
import type { FieldType, RecordKind } from '../../src/lib/engine/model';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { REPORT_KINDS, resultsTable } from '../../src/lib/engine/reports/report';
import type { EntityCounters, IdMapRow, MigrationStore, RunRecord } from '../../src/lib/engine/store';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';
import { comparableValues, idMapRows, isEmptyValue, kayakoKeys, sha256, sourceSnapshot, type SourceSnapshot } from './migration-expected';

/** 511 generated tickets leave 501 after Zendesk's deleted ones: the issue asks for at least 500. */
const TICKETS = 511;
/** Files up to this size are all compared byte for byte, and every tenth larger one: ~400 MB of the account's ~1.4 GB. */
const ALWAYS_COMPARED_BYTES = 1_000_000;
/** The sandbox's upload limit, as Kayako's: the generator makes a few files larger, which the writer must leave out and report. */
const KAYAKO_MAX_UPLOAD = 20 * 1024 * 1024;

let harness: Harness;
let seedState: KayakoAccountView;
let source: SourceSnapshot;
let kayako: KayakoAccountView;
let built: Connectors;
let store: MigrationStore;
let run: RunRecord;
let table: Partial<Record<RecordKind, EntityCounters>>;
const rows = new Map<RecordKind, IdMapRow[]>();

beforeAll(async () => {
	harness = await startHarness({ tickets: TICKETS });
	seedState = harness.kayako.state('acme');
	const migration = await newMigration(harness, { migrateInactiveUsers: true, batchSize: 200 });
	store = migration.store;
	built = await connectors(migration.settings);
	const started = performance.now();
	run = await executeRun({ store, source: built.source, target: built.target, migrationId: migration.settings.id, kind: 'full', options: pipelineOptionsFrom(migration.settings) });
	console.log(`full run of ${TICKETS} generated tickets: ${run.state} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
	source = await sourceSnapshot(built.source);
	kayako = harness.kayako.state('acme');
	table = await resultsTable(store, migration.settings.id);
	for (const kind of REPORT_KINDS) rows.set(kind, await idMapRows(store, migration.settings.id, kind));
}, 900_000);
afterAll(() => harness?.close());

/** Kayako's id for a migrated source record of one kind (for fields, the number after the family). */
function kayakoIdOf(kind: RecordKind, sourceId: string | undefined): number | undefined {
	const row = rows.get(kind)?.find((each) => each.sourceId === sourceId && each.status === 'migrated');
	return row?.kayakoId === undefined ? undefined : Number(String(row.kayakoId).split(':').at(-1));
}

describe('the generated Zendesk account', () => {
	it('is as large as the issue asks: 500 tickets, 2,500 comments, 100 attachments with inline images, every field type, 30 articles', () => {
		const comments = [...source.comments.values()].flat();
		const attachments = comments.flatMap((comment) => comment.attachments);
		expect(source.tickets.length).toBeGreaterThanOrEqual(500);
		expect(comments.length).toBeGreaterThanOrEqual(2500);
		expect(attachments.length).toBeGreaterThanOrEqual(100);
		expect(attachments.filter((attachment) => attachment.inline).length).toBeGreaterThan(0);
		const types: FieldType[] = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'multiselect', 'lookup'];
		expect(new Set(source.fields.filter((field) => !field.system).map((field) => field.type))).toEqual(new Set(types));
		expect(source.articles.length).toBeGreaterThanOrEqual(30);
		expect(source.articles.some((article) => article.draft)).toBe(true);
	});
});

describe('a full Zendesk → Kayako migration of it', () => {
	it('finishes without a failed record', () => {
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');
		for (const kind of REPORT_KINDS) expect(table[kind]?.failed ?? 0, `failed ${kind}`).toBe(0);
	});

	it('reports exactly what Kayako holds for every kind of record: each migrated row names a record, and every new record has a row', () => {
		for (const kind of REPORT_KINDS) {
			const migrated = (rows.get(kind) ?? []).filter((row) => row.status === 'migrated');
			const held = new Set(kayakoKeys(kayako, kind));
			const seeded = new Set(kayakoKeys(seedState, kind));
			expect(table[kind]?.migrated ?? 0, `migrated ${kind} in the report`).toBe(migrated.length);
			for (const row of migrated) expect(held.has(String(row.kayakoId)), `${kind} ${row.sourceId} → Kayako ${row.kayakoId}`).toBe(true);
			const created = migrated.filter((row) => row.createdBy !== undefined).map((row) => String(row.kayakoId));
			expect(new Set(created).size, `${kind} created twice`).toBe(created.length);
			expect([...held].filter((key) => !seeded.has(key)).sort(), `new ${kind} in Kayako`).toEqual(created.sort());
		}
	});

	it('creates every ticket once, with its requester', () => {
		const cases = kayako.cases.filter((kase) => kase.legacy_id !== null);
		expect(cases.map((kase) => kase.legacy_id).sort()).toEqual(source.tickets.map((ticket) => ticket.id).sort());
		expect(table.tickets?.migrated).toBe(source.tickets.length);
		for (const ticket of source.tickets) {
			const kase = cases.find((each) => each.legacy_id === ticket.id)!;
			const requester = kayakoIdOf('users', ticket.requesterId);
			if (requester !== undefined) expect(kase.requester_id, `requester of ticket ${ticket.id}`).toBe(requester);
		}
	});

	it('keeps every comment as a post in order, with its author, original time and visibility (public as MAIL, private as NOTE)', () => {
		let authored = 0;
		for (const ticket of source.tickets) {
			const kase = kayako.cases.find((each) => each.legacy_id === ticket.id)!;
			const comments = [...(source.comments.get(ticket.id) ?? [])].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
			expect(kase.posts.length, `posts of ticket ${ticket.id}`).toBe(Math.max(1, comments.length));
			for (const [index, comment] of comments.entries()) {
				const post = kase.posts[index]!;
				expect(post.channel, `visibility of comment ${comment.id}`).toBe(comment.public ? 'MAIL' : 'NOTE');
				expect(Date.parse(post.created_at), `time of comment ${comment.id}`).toBe(Math.floor(Date.parse(comment.createdAt) / 1000) * 1000);
				const author = kayakoIdOf('users', comment.authorId);
				if (author === undefined) continue;
				expect(post.creator_id, `author of comment ${comment.id}`).toBe(author);
				authored++;
			}
		}
		// Deleted authors have nobody to map to; every other comment keeps its own.
		expect(authored).toBeGreaterThan(0.9 * [...source.comments.values()].flat().length);
	});

	it('attaches every file to its post, byte for byte', async () => {
		let compared = 0;
		let larger = 0;
		let refusals = 0;
		for (const ticket of source.tickets) {
			const kase = kayako.cases.find((each) => each.legacy_id === ticket.id)!;
			const comments = [...(source.comments.get(ticket.id) ?? [])].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
			for (const [index, comment] of comments.entries()) {
				const unmatched = [...kase.posts[index]!.attachments];
				const accepted = comment.attachments.filter((attachment) => attachment.size <= KAYAKO_MAX_UPLOAD);
				expect(unmatched.length, `attachments of comment ${comment.id}`).toBe(accepted.length);
				// A file Kayako refuses is left out, and the ticket's report line says which.
				const reason = rows.get('tickets')?.find((row) => row.sourceId === ticket.id)?.reason ?? '';
				for (const refused of comment.attachments.filter((attachment) => attachment.size > KAYAKO_MAX_UPLOAD)) {
					expect(reason, `report of ticket ${ticket.id}`).toContain(refused.fileName);
					refusals++;
				}
				for (const attachment of accepted) {
					// Two files of one comment may share a name: the size tells them apart.
					const at = unmatched.findIndex((each) => each.name === attachment.fileName && each.size === attachment.size);
					expect(at, `attachment ${attachment.fileName} of comment ${comment.id}`).toBeGreaterThanOrEqual(0);
					const [stored] = unmatched.splice(at, 1);
					// Every small file (inline images among them), and every tenth larger one.
					if (attachment.size > ALWAYS_COMPARED_BYTES && larger++ % 10 !== 0) continue;
					expect(stored?.sha256, `bytes of ${attachment.fileName} (${attachment.id})`).toBe(await sha256(await built.source.download(attachment)));
					compared++;
				}
			}
		}
		console.log(`compared ${compared} attachments byte for byte`);
		expect(compared).toBeGreaterThanOrEqual(100);
		expect(refusals, 'files larger than Kayako takes').toBeGreaterThan(0);
	}, 600_000);

	it('creates no custom field for a Zendesk system field, though Type and Priority are marked removable', () => {
		const seeded = new Set(seedState.fields.map((field) => field.id));
		const created = kayako.fields.filter((field) => !seeded.has(field.id)).map((field) => field.title);
		const systemTitles = source.fields.filter((field) => field.system && field.entity === 'ticket').map((field) => field.title);
		expect(systemTitles).toEqual(expect.arrayContaining(['Type', 'Priority']));
		expect(created.filter((title) => systemTitles.includes(title))).toEqual([]);
	});

	it('converts every custom field value per type on cases, users and organisations', () => {
		const checked = new Map<FieldType, number>();
		const records = [
			{ kind: 'tickets' as const, records: source.tickets, held: kayako.cases },
			{ kind: 'users' as const, records: source.users, held: kayako.users },
			{ kind: 'organizations' as const, records: source.organizations, held: kayako.organizations }
		];
		for (const { kind, records: sourceRecords, held } of records) {
			for (const record of sourceRecords) {
				const kayakoRecord = held.find((each) => each.id === kayakoIdOf(kind, record.id));
				if (!kayakoRecord) continue;
				for (const [fieldId, value] of Object.entries(record.fields)) {
					const definition = source.fields.find((field) => field.id === fieldId);
					const field = kayako.fields.find((each) => each.id === kayakoIdOf('fields', fieldId));
					if (!definition || definition.system || !field || isEmptyValue(value)) continue;
					const { expected, actual } = comparableValues(definition, field, value, kayakoRecord.field_values[field.key]);
					expect(actual, `${definition.type} field "${definition.title}" of ${kind} ${record.id}`).toEqual(expected);
					checked.set(definition.type, (checked.get(definition.type) ?? 0) + 1);
				}
			}
		}
		expect([...checked.keys()].sort()).toEqual(['checkbox', 'date', 'decimal', 'dropdown', 'integer', 'lookup', 'multiselect', 'regexp', 'text', 'textarea']);
	});

	it('brings every user, organisation and team once, with their names, addresses, roles and domains', () => {
		expect(rows.get('users')!.filter((row) => row.status === 'migrated').map((row) => row.sourceId).sort()).toEqual(source.users.map((user) => user.id).sort());
		for (const user of source.users) {
			const held = kayako.users.find((each) => each.id === kayakoIdOf('users', user.id))!;
			if (user.emails[0]) expect(held.emails, `addresses of user ${user.id}`).toContain(user.emails[0].toLowerCase());
			if (held.legacy_id === null) continue; // matched to an account that was there: left as it was
			expect(held.full_name, `name of user ${user.id}`).toBe(user.name);
			expect(held.role === 'CUSTOMER', `role of user ${user.id} (${user.role})`).toBe(user.role === 'customer');
		}
		for (const org of source.organizations) {
			const held = kayako.organizations.find((each) => each.id === kayakoIdOf('organizations', org.id));
			expect(held?.name, `organisation ${org.id}`).toBe(org.name);
			expect(held?.domains.slice().sort(), `domains of organisation ${org.id}`).toEqual(org.domains.map((domain) => domain.toLowerCase()).sort());
		}
		for (const team of source.teams) expect(kayako.teams.find((each) => each.id === kayakoIdOf('teams', team.id))?.title, `team ${team.id}`).toBe(team.name);
		for (const kind of ['users', 'organizations', 'teams'] as const) {
			const legacy = kayako[kind].map((record) => record.legacy_id).filter((id) => id !== null);
			expect(new Set(legacy).size, `${kind} with one legacy id twice`).toBe(legacy.length);
		}
	});

	it('rebuilds the Help Center: categories, sections under their category, articles with bodies, drafts still drafts', () => {
		for (const category of source.categories) expect(kayako.categories.find((each) => each.id === kayakoIdOf('kb-categories', category.id))?.titles, `category ${category.id}`).toContain(category.title);
		for (const section of source.sections) {
			const held = kayako.sections.find((each) => each.id === kayakoIdOf('kb-sections', section.id));
			expect(held?.titles, `section ${section.id}`).toContain(section.title);
			expect(held?.category_id, `category of section ${section.id}`).toBe(kayakoIdOf('kb-categories', section.categoryId));
		}
		expect(kayako.articles.filter((article) => article.legacy_id !== null).length).toBe(source.articles.length);
		for (const article of source.articles) {
			const held = kayako.articles.find((each) => each.id === kayakoIdOf('articles', article.id));
			expect(held?.titles, `article ${article.id}`).toContain(article.title);
			expect(held?.section_id, `section of article ${article.id}`).toBe(kayakoIdOf('kb-sections', article.sectionId));
			expect(held?.contents.join('').length, `body of article ${article.id}`).toBeGreaterThan(100);
			expect(held?.status, `status of article ${article.id}`).toBe(article.draft ? 'DRAFT' : 'PUBLISHED');
			expect(held?.attachments.length, `attachments of article ${article.id}`).toBe(article.attachments.length);
		}
	});

	it('mails nobody: the sandbox records every e-mail Kayako would have sent', () => {
		expect(kayako.mailed).toEqual(seedState.mailed);
	});
});
