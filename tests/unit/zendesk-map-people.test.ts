import { describe, expect, it } from 'vitest';
import { mapOrganization, mapTeam, mapUser, type UserLookups } from '../../src/lib/engine/connectors/zendesk/map-people';
import type { ZendeskUser } from '../../src/lib/engine/connectors/zendesk/types';

const lookups: UserLookups = {
	userFieldIds: new Map([
		['plan', '42000000'],
		['vip', '42000001']
	]),
	teamIdsByUser: new Map([[35436, ['30000000', '30000001']]])
};

function user(overrides: Partial<ZendeskUser> = {}): ZendeskUser {
	return {
		id: 35436,
		name: 'Johnny Agent',
		email: 'johnny@example.com',
		role: 'agent',
		role_type: 0,
		active: true,
		suspended: false,
		phone: '+15551234567',
		organization_id: 57542,
		tags: ['enterprise'],
		user_fields: { plan: 'plan_pro', vip: false, removed_field: 'x', nickname: null },
		locale: 'en-US',
		iana_time_zone: 'America/New_York',
		time_zone: 'Eastern Time (US & Canada)',
		notes: 'Prefers e-mail.',
		created_at: '2009-07-20T22:55:29Z',
		updated_at: '2011-05-05T10:38:52Z',
		...overrides
	};
}

describe('mapping a Zendesk user', () => {
	it('keeps an agent with the groups they belong to, and user field values under the field id', () => {
		expect(mapUser(user(), lookups)).toEqual({
			id: '35436',
			name: 'Johnny Agent',
			role: 'agent',
			active: true,
			suspended: false,
			emails: ['johnny@example.com'],
			phones: ['+15551234567'],
			organizationId: '57542',
			teamIds: ['30000000', '30000001'],
			tags: ['enterprise'],
			fields: { '42000000': 'plan_pro', '42000001': false },
			locale: 'en-US',
			timeZone: 'America/New_York',
			notes: 'Prefers e-mail.',
			createdAt: '2009-07-20T22:55:29Z',
			updatedAt: '2011-05-05T10:38:52Z'
		});
	});

	it('maps end users to customers, admins to admins and role_type 1 to light agents', () => {
		expect(mapUser(user({ role: 'end-user', role_type: null }), lookups)).toMatchObject({ role: 'customer', teamIds: [] });
		expect(mapUser(user({ role: 'admin', role_type: 4 }), lookups).role).toBe('admin');
		expect(mapUser(user({ role_type: 1 }), lookups).role).toBe('light-agent');
	});

	it('keeps deleted users as inactive and suspended ones as suspended', () => {
		expect(mapUser(user({ active: false }), lookups).active).toBe(false);
		expect(mapUser(user({ suspended: true }), lookups).suspended).toBe(true);
	});

	it('adds secondary addresses and phone numbers from identities after the primary ones', () => {
		const identities = [
			{ id: 2, type: 'email', value: 'johnny+alt@example.com', primary: false },
			{ id: 1, type: 'email', value: 'johnny@example.com', primary: true },
			{ id: 3, type: 'phone_number', value: '+4930123', primary: false },
			{ id: 4, type: 'twitter', value: 'johnny', primary: false }
		];
		const mapped = mapUser(user(), { ...lookups, identities });
		expect(mapped.emails).toEqual(['johnny@example.com', 'johnny+alt@example.com']);
		expect(mapped.phones).toEqual(['+15551234567', '+4930123']);
	});

	it('reads a role it does not know as a customer, the least privileged, instead of stopping the page', () => {
		expect(mapUser(user({ role: 'owner' }), lookups)).toMatchObject({ role: 'customer' });
	});
});

describe('mapping Zendesk organizations and groups', () => {
	it('keeps domains, tags, notes and organization field values under the field id', () => {
		const mapped = mapOrganization(
			{ id: 20000000, name: 'Acme (1)', domain_names: ['acme.example.com'], tags: ['smb'], notes: '', details: 'Main St', organization_fields: { tier: 'tier_gold', region: 'EMEA' }, created_at: '2020-01-01T00:00:00Z', updated_at: '2021-01-01T00:00:00Z' },
			new Map([['tier', '43000000']])
		);
		expect(mapped).toEqual({ id: '20000000', name: 'Acme (1)', domains: ['acme.example.com'], tags: ['smb'], fields: { '43000000': 'tier_gold' }, createdAt: '2020-01-01T00:00:00Z', updatedAt: '2021-01-01T00:00:00Z' });
	});

	it('turns a group into a team', () => {
		expect(mapTeam({ id: 30000000, name: 'Support', deleted: false, created_at: '2020-01-01T00:00:00Z' })).toEqual({ id: '30000000', name: 'Support', createdAt: '2020-01-01T00:00:00Z' });
	});
});
