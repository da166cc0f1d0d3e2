// A whole Zendesk account into Kayako through the proxy: what the sandbox Kayako holds afterwards is exactly the source, once.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceConnector } from '../../src/lib/engine/connectors/source';
import type { Comment, Ticket, User } from '../../src/lib/engine/model';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { resultsTable } from '../../src/lib/engine/reports/report';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 60 });
});
afterAll(() => harness.close());

async function everything<T>(pages: AsyncIterable<{ records: T[] }>): Promise<T[]> {
	const all: T[] = [];
	for await (const page of pages) all.push(...page.records);
	return all;
}

/** The source as the test sees it, read with the same connector the engine uses. */
async function sourceSnapshot(source: SourceConnector): Promise<{ tickets: Ticket[]; comments: Map<string, Comment[]>; users: User[] }> {
	const tickets = await everything(source.tickets());
	const comments = new Map<string, Comment[]>();
	for (const ticket of tickets) comments.set(ticket.id, await source.comments(ticket.id));
	return { tickets, comments, users: await everything(source.users()) };
}

async function sha256(blob: Blob): Promise<string> {
	return createHash('sha256').update(Buffer.from(await blob.arrayBuffer())).digest('hex');
}

describe('a full Zendesk → Kayako migration', () => {
	it('leaves Kayako with every ticket once, its posts in order with authors, times, visibility and byte-identical files, and mails nobody', async () => {
		const seedState = harness.kayako.state('acme');
		const { store, settings } = await newMigration(harness, { migrateInactiveUsers: true });
		const built = await connectors(settings);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');

		const source = await sourceSnapshot(built.source);
		const kayako = harness.kayako.state('acme');
		const cases = kayako.cases.filter((kase) => kase.legacy_id !== null && kase.legacy_id !== undefined);
		const table = await resultsTable(store, settings.id);

		// Every ticket once; the report's numbers are what Kayako holds.
		expect(cases.map((kase) => kase.legacy_id).sort()).toEqual(source.tickets.map((ticket) => ticket.id).sort());
		expect(table.tickets?.migrated).toBe(cases.length);
		expect(table.tickets?.failed).toBe(0);

		const kayakoUserOf = new Map(kayako.users.filter((user) => user.legacy_id).map((user) => [user.legacy_id!, user.id]));
		let checkedFiles = 0;
		for (const kase of cases) {
			const comments = [...(source.comments.get(kase.legacy_id!) ?? [])].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
			expect(kase.posts.length, `posts of ticket ${kase.legacy_id}`).toBe(Math.max(1, comments.length));
			for (const [index, comment] of comments.entries()) {
				const post = kase.posts[index]!;
				expect(post.channel, `visibility of comment ${comment.id}`).toBe(comment.public ? 'MAIL' : 'NOTE');
				expect(Date.parse(post.created_at), `time of comment ${comment.id}`).toBe(Math.floor(Date.parse(comment.createdAt) / 1000) * 1000);
				const author = comment.authorId ? kayakoUserOf.get(comment.authorId) : undefined;
				if (author !== undefined) expect(post.creator_id, `author of comment ${comment.id}`).toBe(author);
				expect(post.attachments.length, `attachments of comment ${comment.id}`).toBe(comment.attachments.length);
				const unmatched = [...post.attachments];
				for (const attachment of comment.attachments) {
					if (checkedFiles >= 25) break;
					// Two files of one comment may share a name: the size tells them apart.
					const index = unmatched.findIndex((each) => each.name === attachment.fileName && each.size === attachment.size);
					const [stored] = index >= 0 ? unmatched.splice(index, 1) : [];
					expect(stored, `attachment ${attachment.fileName} of comment ${comment.id}`).toBeDefined();
					expect(stored?.sha256, `bytes of ${attachment.fileName}`).toBe(await sha256(await built.source.download(attachment)));
					checkedFiles++;
				}
			}
		}
		// Nobody was mailed: the sandbox records every e-mail Kayako would have sent.
		expect(kayako.mailed.length).toBe(seedState.mailed.length);
		// Teams and organisations arrived once each.
		const legacyTeams = kayako.teams.filter((team) => team.legacy_id).map((team) => team.legacy_id);
		expect(new Set(legacyTeams).size).toBe(legacyTeams.length);
		const legacyOrgs = kayako.organizations.filter((org) => org.legacy_id).map((org) => org.legacy_id);
		expect(new Set(legacyOrgs).size).toBe(legacyOrgs.length);
	}, 300_000);
});
