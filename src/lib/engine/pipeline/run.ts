// A demo, full or delta run: the entities in dependency order, each stream resumable, references migrated on demand.
import type { RunContext } from './context';
import { sampleTickets } from './demo';
import { migrateArticle, migrateField, migrateKbCategory, migrateKbSection, migrateOrganization, migrateTeam } from './entities';
import { relinkArticles } from './article-links';
import { filteredOut } from './filters';
import { disableInactiveUsers } from './inactive-users';
import { eachFlowingPage, eachPage } from './streams';
import { ReferenceResolver } from './references';
import { migrateNeededUser, migrateOrganizationPage, migrateUserPage } from './people-batches';
import { migrateTickets, TicketFlow } from './ticket-flow';
import { finishOpenReimports } from './ticket-reimport';

const DAY_MS = 86_400_000;

/** Migrates what the run's kind and options say; throws only for what stops the whole run (auth, proxy, cancel). */
export async function runPipeline(context: RunContext, since?: string): Promise<void> {
	const { source, options } = context;
	const selected = new Set(options.entities);
	const resolver = new ReferenceResolver(context);
	resolver.register('users', async (id) => {
		const user = await source.user(id, context.control.signal);
		if (user) resolver.people.remember(user);
		return user ? migrateNeededUser(context, resolver, user) : undefined;
	});
	resolver.register('organizations', async (id) => {
		const organization = await source.organization(id, context.control.signal);
		return organization ? (await migrateOrganization(context, resolver, organization)).kayakoId : undefined;
	});

	const phase = async (name: typeof context.progress.phase, work: () => Promise<void>) => {
		context.progress.phase = name;
		context.report();
		await work();
	};
	const each = <T>(stream: string, read: Parameters<typeof eachPage<T>>[2], handle: (record: T) => Promise<unknown>) =>
		eachPage<T>(context, stream, read, async (records) => {
			for (const record of records) {
				await context.control.checkpoint();
				await handle(record);
			}
		}, since);

	// Teams and fields are few and everything refers to them: every run (a resumed one too) walks them whole,
	// so the writer learns each field's Kayako key and options even when an earlier run created it.
	const whole = async <T>(stream: AsyncIterable<{ records: T[] }>, handle: (record: T) => Promise<unknown>) => {
		for await (const page of stream) {
			for (const record of page.records) {
				await context.control.checkpoint();
				await handle(record);
			}
		}
	};
	const signal = context.control.signal;
	if (selected.has('teams')) await phase('teams', () => whole(source.teams({ signal }), (team) => migrateTeam(context, resolver, team)));
	if (selected.has('fields')) await phase('fields', () => whole(source.fields({ signal }), (field) => migrateField(context, resolver, field)));

	if (context.run.kind === 'demo') {
		const demo = options.demo ?? { size: 20, seed: context.run.startedAt, candidates: 1000 };
		await phase('tickets', async () => {
			const tickets = await sampleTickets(source, { ...demo, signal: context.control.signal, accept: (ticket) => !filteredOut(ticket, options.filters) });
			context.progress.expect('tickets', tickets.length);
			await migrateTickets(context, resolver, tickets);
		});
		// Inactive users a demo created stay enabled: the full run files more tickets under their name, then disables them.
		return;
	}

	if (selected.has('organizations')) {
		await phase('organizations', async () => {
			if (!since) context.progress.expect('organizations', await source.count('organizations', context.control.signal));
			await eachPage(context, 'organizations', (o) => source.organizations(o), (organizations) => migrateOrganizationPage(context, resolver, organizations), since);
		});
	}
	if (selected.has('users')) {
		await phase('users', async () => {
			if (!since) context.progress.expect('users', await source.count('users', context.control.signal));
			// A page of customers goes to Kayako in bulk; staff and on-the-fly references one at a time.
			await eachPage(context, 'users', (o) => source.users(o), (users) => migrateUserPage(context, resolver, users), since);
		});
	}
	if (selected.has('tickets')) {
		await phase('tickets', async () => {
			if (!since) context.progress.expect('tickets', await source.count('tickets', context.control.signal));
			await finishOpenReimports(context);
			// The last N days first, so the team can go live; the history follows and skips what moved already.
			if (options.recentDays && !since) {
				const recent = new Date(context.run.startedAt - options.recentDays * DAY_MS).toISOString();
				await eachFlowingPage(context, 'tickets:recent', (o) => source.tickets(o), new TicketFlow(context, resolver), recent);
			}
			// Each stream ends with its tickets settled: the next one meets them as handled by this run.
			await eachFlowingPage(context, 'tickets', (o) => source.tickets(o), new TicketFlow(context, resolver), since);
		});
	}
	if (selected.has('articles')) {
		await phase('kb-categories', () => each('kb-categories', (o) => source.kbCategories(o), (category) => migrateKbCategory(context, resolver, category)));
		await phase('kb-sections', () => each('kb-sections', (o) => source.kbSections(o), (section) => migrateKbSection(context, resolver, section)));
		await phase('articles', async () => {
			await each('articles', (o) => source.articles(o), (article) => migrateArticle(context, resolver, article));
			await relinkArticles(context);
		});
	}
	// Inactive users stay enabled until nothing more is filed under their name: the tickets and the articles.
	await phase('finishing', () => disableInactiveUsers(context));
}
