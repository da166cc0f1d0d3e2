// Links between Help Center articles: recognised by source host and article id in the forms real bodies use, rewritten with their anchor.
import { describe, expect, it } from 'vitest';
import { articleAddresses, rewriteArticleLinks } from '../../src/lib/engine/connectors/kayako/writer/helpcenter';
import { ArticleAddresses, articleLinkOf, hrefsOf } from '../../src/lib/engine/article-addresses';

const SOURCE = 'https://acme.zendesk.com';

describe('a link to a source article', () => {
	it('names its host and article id with or without locale, slug, query, trailing slash or anchor', () => {
		expect(articleLinkOf(`${SOURCE}/hc/en-us/articles/123-Some-title-slug`)).toEqual({ host: 'acme.zendesk.com', articleId: '123', fragment: '' });
		expect(articleLinkOf(`${SOURCE}/hc/de/articles/123`)).toEqual({ host: 'acme.zendesk.com', articleId: '123', fragment: '' });
		expect(articleLinkOf('HTTPS://ACME.zendesk.com/hc/articles/123/?source=search#step-2')).toEqual({ host: 'acme.zendesk.com', articleId: '123', fragment: '#step-2' });
		expect(articleLinkOf(`${SOURCE}/hc/fr/articles/123-%C3%89tapes?x=1&amp;y=2`)).toEqual({ host: 'acme.zendesk.com', articleId: '123', fragment: '' });
	});

	it('is relative when it has no host, and keeps the anchor as written', () => {
		expect(articleLinkOf('/hc/en-us/articles/123#Anker%20zwei')).toEqual({ host: '', articleId: '123', fragment: '#Anker%20zwei' });
		expect(articleLinkOf('../articles/77-Reset')).toEqual({ host: '', articleId: '77', fragment: '' });
	});

	it('is not a link to an article when it leads to a section, an attachment, mail or only an anchor', () => {
		expect(articleLinkOf(`${SOURCE}/hc/en-us/sections/123-Billing`)).toBeUndefined();
		expect(articleLinkOf(`${SOURCE}/hc/en-us/articles/123/comments/9`)).toBeUndefined();
		expect(articleLinkOf(`${SOURCE}/hc/article_attachments/55/guide.pdf`)).toBeUndefined();
		expect(articleLinkOf('mailto:help@acme.test?subject=articles/1')).toBeUndefined();
		expect(articleLinkOf('#articles/1')).toBeUndefined();
		expect(articleLinkOf('')).toBeUndefined();
	});
});

describe('the migrated articles a link can lead to', () => {
	const addresses = new ArticleAddresses<number>();
	addresses.add(`${SOURCE}/hc/en-us/articles/123-Some-title`, 9);

	it('match a link on the same host or a relative one, by article id alone', () => {
		expect(addresses.find(`${SOURCE}/hc/ja/articles/123`)).toEqual({ value: 9, fragment: '' });
		expect(addresses.find('/hc/en-us/articles/123-Other-slug#top')).toEqual({ value: 9, fragment: '#top' });
	});

	it('do not match another site, another article or an address that names no article', () => {
		expect(addresses.find('https://other.zendesk.com/hc/en-us/articles/123')).toBeUndefined();
		expect(addresses.find(`${SOURCE}/hc/en-us/articles/1234`)).toBeUndefined();
		expect(addresses.find(`${SOURCE}/hc/en-us/articles/12`)).toBeUndefined();
		expect(addresses.add(`${SOURCE}/hc/en-us`, 1)).toBe(false);
		expect(addresses.size).toBe(1);
	});
});

describe('rewriting the links in an article body', () => {
	const links = articleAddresses([
		[`${SOURCE}/hc/en-us/articles/1-Setup`, 'https://acme.kayako.com/article/9'],
		[`${SOURCE}/hc/en-us/articles/2`, 'https://acme.kayako.com/article/10']
	]);

	it('points every form of a link to a migrated article at its new address and keeps the anchor', () => {
		const html = [
			`<a href="${SOURCE}/hc/en-us/articles/1-Setup#step2">slug and anchor</a>`,
			`<a href='${SOURCE}/hc/de/articles/1/'>other locale</a>`,
			`<a class="x" href="/hc/en-us/articles/2#faq">relative</a>`,
			`<a href = "${SOURCE}/hc/articles/2-Billing-FAQ?source=search">no locale, query</a>`
		].join(' ');
		expect(rewriteArticleLinks(html, links)).toBe(
			[
				'<a href="https://acme.kayako.com/article/9#step2">slug and anchor</a>',
				"<a href='https://acme.kayako.com/article/9'>other locale</a>",
				'<a class="x" href="https://acme.kayako.com/article/10#faq">relative</a>',
				'<a href = "https://acme.kayako.com/article/10">no locale, query</a>'
			].join(' ')
		);
	});

	it('leaves links to other sites, to articles not migrated and to the new addresses alone', () => {
		const html = `<a href="${SOURCE}/hc/en-us/articles/3-Not-moved">a</a><a href="https://example.org/articles/1">b</a><a href="https://acme.kayako.com/article/9">c</a><img src="${SOURCE}/hc/en-us/articles/1">`;
		expect(rewriteArticleLinks(html, links)).toBe(html);
		expect(rewriteArticleLinks(rewriteArticleLinks(`<a href="/hc/en-us/articles/1">x</a>`, links), links)).toBe('<a href="https://acme.kayako.com/article/9">x</a>');
	});

	it('finds each href as written, in either quote', () => {
		expect(hrefsOf(`<a href="/hc/en-us/articles/1#a">x</a><a HREF='${SOURCE}/hc/de/articles/2'>y</a><a name="n">z</a>`)).toEqual(['/hc/en-us/articles/1#a', `${SOURCE}/hc/de/articles/2`]);
	});
});
