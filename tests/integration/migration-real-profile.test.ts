// The whole pipeline on a sandbox Zendesk seeded like a real account (issue 12): no Type/Priority custom fields, social
// users with their handles, the system user -1 never looked up, files through the 302 byte for byte, every null tolerated.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileBytes } from '../../server/sandbox/zendesk/generator/bytes';
import { ZENDESK_SANDBOX_CREDENTIALS } from '../../server/sandbox/zendesk/index';
import { openConnectors } from '../../src/lib/engine/connectors/factory';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { idMapRows } from './migration-expected';
import { CREDENTIALS, newMigration, startHarness, type Harness } from './migration-harness';

const SEED = 42;
let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 10, seed: SEED, profile: 'real' });
});
afterAll(() => harness.close());

interface ZendeskUserRow {
	id: number;
	name: string;
	email: string | null;
	role: string;
	active: boolean;
	photo: { id: number; content_type: string; size: number } | null;
}
interface ZendeskAttachmentRow {
	id: number;
	content_type: string;
	size: number;
}

async function zendesk<T>(path: string): Promise<T> {
	const token = Buffer.from(`${ZENDESK_SANDBOX_CREDENTIALS.email}/token:${ZENDESK_SANDBOX_CREDENTIALS.apiToken}`).toString('base64');
	return (await (await fetch(`${harness.zendesk.url}${path}`, { headers: { Authorization: `Basic ${token}` } })).json()) as T;
}

function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

describe('a full run from a real-shaped Zendesk account', () => {
	it('moves every live ticket and user, carries social handles, never asks for user -1, and brings files through the redirect byte for byte', async () => {
		// The Help Center is not what this account tests (its articles carry megabytes of files): tickets and the people and fields they need.
		const { store, settings } = await newMigration(harness, { entities: ['teams', 'fields', 'organizations', 'users', 'tickets'] });
		// One social user's picture is gone from Zendesk (its link answers 404): the user must still move.
		const before = (await zendesk<{ users: ZendeskUserRow[] }>('/api/v2/incremental/users.json?start_time=0&per_page=1000')).users;
		const pictureless = before.find((user) => user.photo && user.active)!;
		harness.zendesk.overrideUser(pictureless.id, { photo: { ...(pictureless.photo as NonNullable<Parameters<typeof harness.zendesk.overrideUser>[1]['photo']>), id: 1 } });
		const asked: string[] = [];
		const recording: typeof fetch = (input, init) => {
			asked.push(input instanceof Request ? input.url : String(input));
			return fetch(input, init);
		};
		const built = await openConnectors(settings, CREDENTIALS, recording, { baseBackoffMs: 5, maxBackoffMs: 50 });
		const result = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(result.error).toBeUndefined();
		const kayako = harness.kayako.state('acme');

		// Type and Priority are Zendesk system fields (removable: true): no custom field of that name in Kayako.
		const created = kayako.fields.filter((field) => !field.is_system).map((field) => field.title.toLowerCase());
		expect(created).not.toContain('type');
		expect(created).not.toContain('priority');

		// Every null and odd value tolerated: each live ticket moved; the tickets Zendesk deleted are the only ones skipped.
		const tickets = await idMapRows(store, settings.id, 'tickets');
		expect(tickets.filter((row) => row.status !== 'migrated' && row.status !== 'skipped')).toEqual([]);
		expect(tickets.filter((row) => row.status === 'migrated').length).toBeGreaterThan(6);

		// The system user -1 submits most tickets, and is never looked up.
		expect(asked.filter((url) => /\/(deleted_)?users\/-1(\.json|\/|\?|$)/.test(url))).toEqual([]);

		// Social users: each one moved has its name, no address, and its handle and profile page in a note.
		const { users } = await zendesk<{ users: ZendeskUserRow[] }>('/api/v2/incremental/users.json?start_time=0&per_page=1000');
		const social = users.filter((user) => user.role === 'end-user' && user.email === null && user.active);
		const moved = social.map((user) => ({ user, kayako: kayako.users.find((each) => each.legacy_id === String(user.id)) })).filter((pair) => pair.kayako);
		expect(moved.length).toBeGreaterThan(5);
		for (const { user, kayako: held } of moved) {
			expect(held!.full_name).toBe(user.name);
			const notes = (kayako.userNotes ?? []).filter((note) => note.user_id === held!.id).map((note) => note.contents);
			expect(notes).toHaveLength(1);
			expect(notes[0]).toMatch(/Twitter: @\S+ — https:\/\/twitter\.com\/|Facebook: \d+ — https:\/\/www\.facebook\.com\//);
		}
		// Their Zendesk picture is their Kayako avatar, byte for byte, fetched through the photo's 302 to the file host.
		const pictured = moved.filter(({ user }) => user.id !== pictureless.id && user.photo);
		expect(pictured.length).toBeGreaterThan(3);
		for (const { user, kayako: held } of pictured) expect(sha256(held!.avatar!.bytes)).toBe(sha256(fileBytes(SEED, user.photo!.id, user.photo!.content_type, 0, user.photo!.size)));
		const userRows = await idMapRows(store, settings.id, 'users');
		// The user whose picture is gone moved without an avatar, and the report says why.
		const gone = kayako.users.find((each) => each.legacy_id === String(pictureless.id));
		expect(gone?.avatar).toBeUndefined();
		expect(userRows.find((row) => row.sourceId === String(pictureless.id))).toMatchObject({ status: 'migrated', reason: expect.stringContaining('could not be fetched') });
		expect(userRows.some((row) => row.reason?.includes("Kayako's API cannot add a Twitter or Facebook identity"))).toBe(true);
		// Tweets lose their doubled entities: no post in Kayako shows "&amp;" where the customer wrote "&".
		const posts = kayako.cases.flatMap((kase) => kase.posts.map((post) => post.contents));
		expect(posts.some((contents) => contents.includes('R&amp;D'))).toBe(true);
		expect(posts.filter((contents) => contents.includes('&amp;amp;'))).toEqual([]);
		// Mail to the account's second support address names it; mail to the default address says nothing of it.
		const sent = (await zendesk<{ tickets: { id: number; recipient: string | null }[] }>('/api/v2/incremental/tickets/cursor.json?start_time=0')).tickets;
		const toBilling = sent.filter((ticket) => ticket.recipient?.startsWith('billing@')).map((ticket) => String(ticket.id));
		expect(toBilling.length).toBeGreaterThan(0);
		expect(tickets.filter((row) => row.reason?.includes('sent to the support address billing@')).map((row) => row.sourceId)).toEqual(toBilling);
		expect(tickets.filter((row) => row.reason?.includes('support@zendesk-sandbox.test'))).toEqual([]);
		// A tweet's sender, which a case cannot hold, is named in the ticket's report line.
		expect(tickets.some((row) => row.reason?.includes('came by twitter from'))).toBe(true);

		// Files: Zendesk's content_url answers 302 to the file host; Kayako holds exactly the bytes Zendesk declared.
		let compared = 0;
		for (const kase of kayako.cases.filter((each) => each.legacy_id && each.posts.some((post) => post.attachments.length > 0)).slice(0, 6)) {
			const answer = await zendesk<{ comments: { attachments: ZendeskAttachmentRow[] }[] }>(`/api/v2/tickets/${kase.legacy_id}/comments.json?include_inline_images=true`);
			const { comments } = answer;
			const expected = comments.flatMap((comment) => comment.attachments).map((attachment) => sha256(fileBytes(SEED, attachment.id, attachment.content_type, 0, attachment.size)));
			const held = kase.posts.flatMap((post) => post.attachments.map((attachment) => attachment.sha256));
			for (const hash of held) expect(expected).toContain(hash);
			compared += held.length;
		}
		expect(compared).toBeGreaterThan(0);
		expect(asked.some((url) => url.includes(harness.zendesk.filesUrl))).toBe(false);
	}, 180_000);
});
