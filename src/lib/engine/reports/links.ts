// Web addresses of the records in the reports: the source helpdesk's own pages (Zendesk's agent interface, a help-centre
// article's public page) and the migrated record's page in Kayako's agent area.
import { webLink, zendeskBaseUrl } from '../connectors/zendesk/url';
import type { RecordKind } from '../model';
import type { KayakoId, SourceSettings } from '../store';

/** Kayako's agent web app paths per kind (as its UI shows them); kinds without a page of their own have none. */
const AGENT_PATHS: Partial<Record<RecordKind, string>> = {
	tickets: 'agent/conversations',
	users: 'agent/users',
	organizations: 'agent/organizations',
	articles: 'agent/knowledgebase/article'
};

export function kayakoLink(baseUrl: string, kind: RecordKind, id: KayakoId | undefined): string | undefined {
	const path = AGENT_PATHS[kind];
	if (!path || id === undefined) return undefined;
	return `${baseUrl.replace(/\/+$/, '')}/${path}/${id}`;
}

/** A record's page in the source; `sourceUrl` is the address the source gave (an article's html_url), used as it is. */
export type SourceLink = (kind: RecordKind, sourceId: string, sourceUrl?: string) => string | undefined;

/**
 * The source's pages from the migration's saved settings, so a report written after a reload (or by the runner) links
 * the same way: Zendesk's agent URLs `https://{sub}.zendesk.com/agent/tickets/{id}` (users, organizations alike), and an
 * article at the address Zendesk gave for it. Kinds without a page there (groups, fields, categories) get none.
 */
export function sourceLinks(source: Pick<SourceSettings, 'platform' | 'url'>): SourceLink {
	let base: string | undefined;
	try {
		base = source.platform === 'zendesk' ? zendeskBaseUrl(source.url) : undefined;
	} catch {
		base = undefined;
	}
	return (kind, sourceId, sourceUrl) => {
		if (sourceUrl) return sourceUrl;
		if (!base) return undefined;
		if (kind === 'tickets' || kind === 'users' || kind === 'organizations' || kind === 'articles') return webLink(base, kind, sourceId);
		return undefined;
	};
}
