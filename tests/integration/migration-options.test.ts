// Options that change what a full run leaves in Kayako, on the sandboxes: events as notes, links between articles, inactive users disabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpCenterArticleUrl } from '../../src/lib/engine/connectors/kayako/writer';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import type { JsonObject } from '../../src/lib/engine/store';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';
import { allPages } from './zendesk-source-fixtures';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 20, seed: 5 });
});
afterAll(() => harness.close());

/** A fresh Kayako, then one full run with these options; answers the run, the id map's store and the connectors. */
async function fullRun(options: JsonObject) {
	harness.kayako.reset();
	const { store, settings } = await newMigration(harness, options);
	const built = await connectors(settings);
	const run = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
	expect(run.error).toBeUndefined();
	expect(run.state).toBe('finished');
	return { run, store, settings, built, kayako: harness.kayako.state('acme') };
}

/** What the Zendesk source writes for an audit that changed status, assignee, group or a field. */
const EVENT_LINE = /(Status|Assignee|Group|"[^"]+"|Field \d+) (changed from|set to|cleared)/;

describe('ticket events as private notes', () => {
	it('puts each status, assignee, group or field change in a NOTE post when asked, and none without', async () => {
		// Users and organisations come lazily with their tickets: two runs stay quick.
		const entities = ['teams', 'tickets'];
		const withEvents = await fullRun({ entities, eventsAsNotes: true });
		const eventPosts = withEvents.kayako.cases.flatMap((kase) => kase.posts).filter((post) => EVENT_LINE.test(post.contents));
		expect(eventPosts.length).toBeGreaterThan(5);
		expect(eventPosts.every((post) => post.channel === 'NOTE')).toBe(true);
		expect(withEvents.kayako.mailed).toEqual([]);

		const without = await fullRun({ entities });
		expect(without.kayako.cases.flatMap((kase) => kase.posts).filter((post) => EVENT_LINE.test(post.contents))).toEqual([]);
		// The same cases, with fewer posts: only the events are gone.
		expect(without.kayako.cases.length).toBe(withEvents.kayako.cases.length);
		const posts = (view: typeof without.kayako) => view.cases.reduce((sum, kase) => sum + kase.posts.length, 0);
		expect(posts(without.kayako)).toBe(posts(withEvents.kayako) - eventPosts.length);
	}, 180_000);
});

describe('links between migrated articles', () => {
	it('point at the new Kayako address after the run, in every form the source wrote them, also when the linked article was created later', async () => {
		const { kayako, built } = await fullRun({ entities: ['teams', 'users', 'articles'] });
		const byLegacy = new Map(kayako.articles.filter((article) => article.legacy_id).map((article) => [article.legacy_id!, article.id]));
		expect(byLegacy.size).toBeGreaterThanOrEqual(10);
		const newAddress = (id: number) => helpCenterArticleUrl(harness.kayako.accountUrl('acme'), id);
		// Absolute or relative, with or without locale and slug: any link to an article on the source help center.
		const zendesk = harness.zendesk.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
		const oldLink = new RegExp(`href="(?:${zendesk})?/hc/(?:[^/"]+/)?articles/(\\d+)`, 'g');

		// The source bodies hold the forms real ones do: a title slug, relative with an anchor, links to an article deleted since.
		const sourceHrefs = (await allPages(built.source.articles())).flatMap((page) => page.records).filter((article) => byLegacy.has(article.id)).flatMap((article) => [...article.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!));
		expect(sourceHrefs.filter((href) => /\/articles\/\d+-[A-Za-z]/.test(href) && !href.includes('Archived')).length).toBeGreaterThan(3);
		expect(sourceHrefs.filter((href) => href.startsWith('/hc/') && href.includes('#')).length).toBeGreaterThan(3);

		let forward = 0;
		let anchored = 0;
		let archived = 0;
		for (const article of kayako.articles) {
			const html = article.contents.join('');
			// No link to an article that moved is left pointing at Zendesk, whatever its form.
			const stale = [...html.matchAll(oldLink)].map((match) => match[1]!).filter((id) => byLegacy.has(id));
			expect(stale).toEqual([]);
			for (const match of html.matchAll(/href="([^"#]+\/article\/(\d+))(#[^"]*)?"/g)) {
				const target = Number(match[2]);
				expect(match[1]).toBe(newAddress(target));
				expect(kayako.articles.some((each) => each.id === target)).toBe(true);
				if (target > article.id) forward++;
				if (match[3]) anchored++;
			}
			// Links to an article that was not migrated, and to other sites, stay as they were.
			archived += [...html.matchAll(oldLink)].filter((match) => !byLegacy.has(match[1]!)).length;
			if (html.includes('an archived article')) expect(html).toContain('href="https://status.example.com/articles/');
		}
		// Created later than the article linking to it: only the second pass can have written these.
		expect(forward).toBeGreaterThan(3);
		// Relative links carried an anchor: it survives the move.
		expect(anchored).toBeGreaterThan(3);
		expect(archived).toBeGreaterThan(0);
	}, 180_000);
});

describe('inactive and suspended users', () => {
	it('are disabled in Kayako after the run, and their tickets and posts still carry them', async () => {
		const { kayako, store, settings, built } = await fullRun({ migrateInactiveUsers: true, entities: ['teams', 'fields', 'organizations', 'users', 'tickets'] });
		const disabled = new Set<number>();
		let active = 0;
		for (const kayakoUser of kayako.users.filter((each) => each.legacy_id)) {
			const source = await built.source.user(kayakoUser.legacy_id!);
			const row = await store.getIdMapRow({ migrationId: settings.id, entity: 'users', sourceId: kayakoUser.legacy_id! });
			expect(source).toBeDefined();
			// Suspended users are disabled too: in Kayako a user who may not sign in is a disabled one.
			if ((source!.active && !source!.suspended) || row?.createdBy === undefined) {
				expect(kayakoUser.is_enabled).toBe(true);
				active++;
			} else {
				expect(kayakoUser.is_enabled).toBe(false);
				disabled.add(kayakoUser.id);
			}
		}
		expect(disabled.size).toBeGreaterThan(0);
		expect(active).toBeGreaterThan(disabled.size);
		// Disabled after the import, so the posts they wrote kept them as author.
		const posts = kayako.cases.flatMap((kase) => kase.posts);
		expect(posts.filter((post) => disabled.has(post.creator_id)).length).toBeGreaterThan(0);
	}, 180_000);
});
