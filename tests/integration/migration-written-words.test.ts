// What the tool writes into the sandbox Kayako in a German migration: departed agents' cases go to the default agent,
// bylines and event notes are German, name people instead of ids, and there is one note per Zendesk audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAYAKO_SANDBOX_CREDENTIALS } from '../../server/sandbox/kayako/index';
import type { Comment, Ticket, User } from '../../src/lib/engine/model';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 8, seed: 7 });
});
afterAll(() => harness.close());

/** Raw Zendesk user ids in the sandbox: eight digits starting with 1000. */
const SOURCE_USER_ID = /\b1000\d{4}\b/;

describe('a German migration on the sandboxes', () => {
	it('hands departed agents\' cases to the default agent and writes names, German words and one note per audit', async () => {
		harness.kayako.reset();
		const admin = harness.kayako.state('acme').users.find((user) => user.emails.includes(KAYAKO_SANDBOX_CREDENTIALS.admin.email));
		expect(admin).toBeDefined();
		const { store, settings } = await newMigration(harness, { entities: ['teams', 'tickets'], eventsAsNotes: true, writtenLanguage: 'de', writtenTimeZone: 'Europe/Berlin', defaultAgentId: admin!.id });
		const built = await connectors(settings);
		const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(run.error).toBeUndefined();
		expect(run.state).toBe('finished');

		// What the source holds: live tickets, the people they name, their comments and events.
		const tickets: Ticket[] = [];
		for await (const page of built.source.tickets()) tickets.push(...page.records.filter((ticket) => !ticket.deleted));
		const people = new Map<string, User>();
		const comments = new Map<string, Comment[]>();
		for (const ticket of tickets) {
			comments.set(ticket.id, await built.source.comments(ticket.id));
			for (const id of [ticket.assigneeId, ...comments.get(ticket.id)!.map((comment) => comment.authorId)]) {
				if (id !== undefined && !people.has(id)) people.set(id, (await built.source.user(id))!);
			}
		}
		const departed = (id: string | undefined) => id !== undefined && people.get(id)?.role !== 'customer' && people.get(id)?.active === false;
		const kayako = harness.kayako.state('acme');
		const caseOf = (ticket: Ticket) => kayako.cases.find((kase) => kase.legacy_id === ticket.id)!;
		const reasons = new Map((await store.listIdMap({ by: 'entity', migrationId: settings.id, entity: 'tickets' }, { limit: 1000 })).rows.map((row) => [row.sourceId, row.reason ?? '']));

		// Defect 2: every case of a departed agent is the default agent's, and the report says so once, without contradiction.
		const handedOver = tickets.filter((ticket) => departed(ticket.assigneeId));
		expect(handedOver.length).toBeGreaterThan(0);
		for (const ticket of handedOver) {
			expect(caseOf(ticket).assigned_agent_id, `case of ticket ${ticket.id}`).toBe(admin!.id);
			const reason = reasons.get(ticket.id)!;
			const agent = people.get(ticket.assigneeId!)!;
			expect(reason).toMatch(new RegExp(`(^|\\. )(The assignee )?${agent.name} \\(${agent.emails[0]!.replace(/[.]/g, '\\.')}\\)(, assignee[a-z ]*,)? was not moved to Kayako\\. (.* )?The case is assigned to the default agent\\.`));
			expect(reason).not.toMatch(/unassigned|stands in/);
		}

		// Defect 3: the tool's own lines are German, name people, and carry no source ids.
		const posts = tickets.flatMap((ticket) => caseOf(ticket).posts.map((post) => ({ ticket, post })));
		const ownLines = posts.map(({ post }) => post.contents.match(/^<p><em>(Ursprünglich[^<]*)<\/em><\/p>|^<p>(Geändert von:[^<]*)<\/p><ul>.*?<\/ul>/s)?.[0]).filter((line): line is string => line !== undefined);
		expect(ownLines.length).toBeGreaterThan(0);
		for (const line of ownLines) {
			expect(line).not.toMatch(SOURCE_USER_ID);
			expect(line).not.toMatch(/Originally by|changed from|\bset to\b|\bby \d/);
			expect(line).toMatch(/am \d{1,2}\. \p{L}+ \d{4} um \d{2}:\d{2} (MEZ|MESZ)/u);
		}
		const departedAuthor = [...people.values()].find((person) => departed(person.id) && posts.some(({ post }) => post.contents.includes(`Ursprünglich verfasst von: ${person.name} (${person.emails[0]})`)));
		expect(departedAuthor, 'a post of a departed agent names them').toBeDefined();

		// One note per audit: each event comment of the source is one NOTE post with one heading, listing its changes.
		for (const ticket of tickets) {
			const events = comments.get(ticket.id)!.filter((comment) => comment.event);
			const notes = caseOf(ticket).posts.filter((post) => post.contents.includes('Geändert von:'));
			expect(notes.length, `event notes of ticket ${ticket.id}`).toBe(events.length);
			for (const note of notes) {
				expect(note.channel).toBe('NOTE');
				expect(note.contents.match(/Geändert von:/g)).toHaveLength(1);
				expect(note.contents).toMatch(/<li>(Status|Bearbeiter|Gruppe|„[^“]+“|Feld \d+) (geändert|gesetzt|geleert)/);
			}
		}
		expect(tickets.some((ticket) => comments.get(ticket.id)!.some((comment) => comment.event && (comment.changes?.length ?? 0) > 1))).toBe(true);
		expect(kayako.mailed).toEqual([]);
	}, 180_000);
});
