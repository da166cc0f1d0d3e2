// Rollback: deleting what a migration created, one record at a time; a record already gone counts as deleted.
import { MigrationError } from '../../../errors';
import type { KayakoRequest, KayakoSession } from '../session';

export type DeletableKind = 'cases' | 'users' | 'organizations' | 'teams' | 'case-fields' | 'user-fields' | 'organization-fields' | 'categories' | 'sections' | 'articles';

const PATH: Readonly<Record<DeletableKind, string>> = {
	cases: 'cases',
	users: 'users',
	organizations: 'organizations',
	teams: 'teams',
	'case-fields': 'cases/fields',
	'user-fields': 'users/fields',
	'organization-fields': 'organizations/fields',
	categories: 'categories',
	sections: 'sections',
	articles: 'articles'
};

function gone(error: unknown): boolean {
	return error instanceof MigrationError && error.info.status === 404;
}

/**
 * Kayako answers deletes and trash moves with `{"status":200}` and no `data`, which the session reads as "not Kayako".
 * A 2xx answer of that kind is success here.
 */
export async function sendWithoutData(session: KayakoSession, request: KayakoRequest): Promise<void> {
	try {
		await session.request(request);
	} catch (error) {
		const status = error instanceof MigrationError ? error.info.status : undefined;
		if (error instanceof MigrationError && error.info.kind === 'not-helpdesk' && status !== undefined && status >= 200 && status < 300) return;
		throw error;
	}
}

/**
 * Deletes one record. Cases are trashed first, as the agent UI does, then deleted. Deleting a category also deletes its
 * sections and articles (documented). Returns false when the record did not exist (any more).
 */
export async function deleteRecord(session: KayakoSession, kind: DeletableKind, id: number): Promise<boolean> {
	try {
		if (kind === 'cases') await sendWithoutData(session, { method: 'PUT', path: 'cases/trash.json', searchParams: { ids: String(id) } });
		await sendWithoutData(session, { method: 'DELETE', path: `${PATH[kind]}/${id}.json` });
		return true;
	} catch (error) {
		if (gone(error)) return false;
		throw error;
	}
}
