// The Zendesk source's single-user read: a user gone from /users but still under /deleted_users comes back inactive.
import { describe, expect, it } from 'vitest';
import { createZendeskSource } from '../../src/lib/engine/connectors/zendesk/connector';
import { HttpClient } from '../../src/lib/engine/http';

const DELETED = { id: 501, url: 'https://acme.zendesk.com/api/v2/deleted_users/501.json', name: 'David', email: 'david@example.com', role: 'end-user', active: false, organization_id: 7, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-02-01T00:00:00Z', locale: 'en-US', time_zone: 'UTC' };

/** Answers like Zendesk: lists empty, user 501 only under /deleted_users, everything else 404. */
function zendeskFetch(asked: string[]): typeof fetch {
	return async (input) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		asked.push(url.pathname);
		const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
		if (url.pathname === '/api/v2/deleted_users/501.json') return json(200, { deleted_user: DELETED });
		if (url.pathname === '/api/v2/user_fields.json') return json(200, { user_fields: [], meta: { has_more: false } });
		if (url.pathname === '/api/v2/group_memberships.json') return json(200, { group_memberships: [], meta: { has_more: false } });
		return json(404, { error: 'RecordNotFound', description: 'Not found' });
	};
}

function sourceWith(asked: string[]) {
	const http = new HttpClient({ fetch: zendeskFetch(asked), maxRetries: 0 });
	return createZendeskSource(http, { subdomainUrl: 'acme', readIdentities: true }, { kind: 'api-token', email: 'admin@example.com', token: 't' });
}

describe('reading one Zendesk user that was deleted', () => {
	it('falls back to /deleted_users when /users no longer knows the id, and maps the user as inactive without identities', async () => {
		const asked: string[] = [];
		const user = await sourceWith(asked).user('501');
		expect(user).toMatchObject({ id: '501', name: 'David', role: 'customer', active: false, emails: ['david@example.com'], organizationId: '7' });
		expect(asked).toContain('/api/v2/users/501.json');
		expect(asked).toContain('/api/v2/deleted_users/501.json');
		expect(asked.some((path) => path.includes('/identities'))).toBe(false);
	});

	it('answers undefined when neither /users nor /deleted_users knows the id', async () => {
		expect(await sourceWith([]).user('999')).toBeUndefined();
	});
});
