// What the checklist reads and changes in Kayako: the triggers that could mail customers, and the article HTML setting.
import type { KayakoSession } from './session';

export interface KayakoTrigger {
	id: number;
	title: string;
	enabled: boolean;
}

const PAGE = 100;

/** Every trigger of the account, page by page (offset pagination). */
export async function listTriggers(session: KayakoSession): Promise<KayakoTrigger[]> {
	const triggers: KayakoTrigger[] = [];
	for (let offset = 0; ; offset += PAGE) {
		const envelope = await session.request<{ id: number; title: string; is_enabled: boolean }[]>({
			method: 'GET',
			path: 'triggers.json',
			searchParams: { offset, limit: PAGE, fields: 'id,title,is_enabled' }
		});
		triggers.push(...envelope.data.map((each) => ({ id: each.id, title: each.title, enabled: each.is_enabled })));
		if (envelope.data.length < PAGE || (envelope.total_count !== undefined && triggers.length >= envelope.total_count)) return triggers;
	}
}

export async function setTriggerEnabled(session: KayakoSession, id: number, enabled: boolean): Promise<KayakoTrigger> {
	const envelope = await session.request<{ id: number; title: string; is_enabled: boolean }>({ method: 'PUT', path: `triggers/${id}.json`, json: { is_enabled: enabled } });
	return { id: envelope.data.id, title: envelope.data.title, enabled: envelope.data.is_enabled };
}

/** A setting's value as Kayako keeps it (strings like "0" and "1"); undefined when the account has no such setting. */
export async function readSetting(session: KayakoSession, name: string): Promise<string | undefined> {
	const envelope = await session.request<{ name: string; value: string | null }[]>({ method: 'GET', path: 'settings.json' });
	return envelope.data.find((each) => each.name === name)?.value ?? undefined;
}

/** Kayako strips external links from articles unless this is on: the checklist asks for it when the knowledge base moves. */
export async function allowsUnsafeArticleHtml(session: KayakoSession): Promise<boolean> {
	const value = await readSetting(session, 'allow_unsafe_html_in_articles');
	return value === '1' || value === 'true';
}
