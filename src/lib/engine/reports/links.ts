// Web addresses of migrated records in Kayako's agent area, for the reports.
import type { RecordKind } from '../model';
import type { KayakoId } from '../store';

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
