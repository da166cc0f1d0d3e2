// The second pass over the Help Center: once every article is in, links to articles that moved after the one linking to them get their new address.
import type { Article, SourceId } from '../model';
import type { JsonValue, KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { ArticleAddresses, hrefsOf } from '../article-addresses';
import { isMigrated, repeatWithinBudget } from './record-step';

const STREAM = 'articles:links';

/** What the pass keeps of each source article: where it lived and where it links to. Bodies are not kept. */
interface ArticleLinks {
	id: SourceId;
	url?: string;
	hrefs: string[];
}

function summary(article: Article): ArticleLinks {
	return { id: article.id, ...(article.url && { url: article.url }), hrefs: hrefsOf(article.html) };
}

function doneBy(value: JsonValue | undefined): string | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) && typeof value.runId === 'string' ? value.runId : undefined;
}

/**
 * Reads the articles once more (addresses and links only), files each migrated article under its old address with its
 * Kayako id from the id map, and asks the writer to rewrite the articles that link to one of them. The writer compares with
 * what Kayako holds, so a resumed or repeated pass writes nothing twice; a finished pass is not run again by its run.
 */
export async function relinkArticles(context: RunContext): Promise<void> {
	const { store, run } = context;
	if (doneBy((await store.getCheckpoint(run.migrationId, STREAM))?.checkpoint) === run.id) return;
	const articles: ArticleLinks[] = [];
	for await (const page of context.source.articles({ signal: context.control.signal })) articles.push(...page.records.map(summary));

	const migrated = new Map<SourceId, KayakoId>();
	const addresses = new ArticleAddresses<{ url: string; kayakoId: KayakoId }>();
	for (const article of articles) {
		await context.control.checkpoint();
		const row = await store.getIdMapRow(keyOf(context, 'articles', article.id));
		if (!isMigrated(row)) continue;
		migrated.set(article.id, row.kayakoId);
		if (article.url) addresses.add(article.url, { url: article.url, kayakoId: row.kayakoId });
	}

	let rewritten = 0;
	for (const article of articles) {
		const kayakoId = migrated.get(article.id);
		if (kayakoId === undefined) continue;
		const links = new Map<string, KayakoId>();
		for (const href of article.hrefs) {
			const target = addresses.find(href)?.value;
			if (target) links.set(target.url, target.kayakoId);
		}
		if (links.size > 0 && (await relinkOne(context, article.id, kayakoId, links))) rewritten++;
	}
	if (rewritten > 0) await context.log('info', `Links between articles rewritten in ${rewritten} article(s).`);
	await store.putCheckpoint(run.migrationId, STREAM, { runId: run.id, done: true });
}

/** A refusal is logged and the article keeps its old links; the run goes on. */
async function relinkOne(context: RunContext, sourceId: SourceId, kayakoId: KayakoId, links: ReadonlyMap<string, KayakoId>): Promise<boolean> {
	const result = await repeatWithinBudget(context, () => context.target.relinkArticle(kayakoId, links));
	if (!result.ok) await context.log('warn', `The links in article ${sourceId} still point at the old help center: ${result.reason}`, { kind: 'articles', sourceId });
	return result.ok && result.value;
}
