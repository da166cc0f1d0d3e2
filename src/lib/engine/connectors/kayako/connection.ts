// "Test connection" for Kayako: logs in, reads the user's role and the account's brand, and says whether a migration can run.
import { MigrationError } from '../../errors';
import type { HttpClient } from '../../http';
import { KayakoSession, type KayakoCredentials } from './session';
import { kayakoBaseUrl } from './url';

export interface KayakoAccount {
	baseUrl: string;
	host: string;
	userName: string;
	email: string;
	/** OWNER, ADMIN, AGENT, COLLABORATOR or CUSTOMER. */
	role: string;
	brandName?: string;
}

/** Roles that may create agents, teams and fields: a migration needs one of them. */
const MIGRATION_ROLES = new Set(['OWNER', 'ADMIN']);

export async function testKayakoConnection(
	http: HttpClient,
	settings: { url: string },
	credentials: KayakoCredentials
): Promise<{ account: KayakoAccount; session: KayakoSession }> {
	const baseUrl = kayakoBaseUrl(settings.url);
	const session = new KayakoSession(http, baseUrl, credentials);
	const me = await session.login();
	const role = await roleType(session, me.role);
	const account: KayakoAccount = {
		baseUrl,
		host: session.host,
		userName: me.full_name,
		email: credentials.email,
		role,
		brandName: await defaultBrandName(session)
	};
	if (!MIGRATION_ROLES.has(role)) {
		throw new MigrationError({
			kind: 'not-admin',
			host: session.host,
			message: `${credentials.email} is logged in to ${session.host} as ${role.toLowerCase()}, but a migration needs an administrator: it creates agents, teams and fields. Use an admin account.`
		});
	}
	return { account, session };
}

async function roleType(session: KayakoSession, role: { id: number; type?: string }): Promise<string> {
	if (role.type) return role.type;
	const envelope = await session.request<{ type: string }>({ method: 'GET', path: `roles/${role.id}.json` });
	return envelope.data.type;
}

/** The brand name is only a friendly label in the UI: a failure to read it is not a failed connection. */
async function defaultBrandName(session: KayakoSession): Promise<string | undefined> {
	try {
		const envelope = await session.request<{ name: string; is_default?: boolean }[]>({ method: 'GET', path: 'brands.json' });
		const brands = envelope.data;
		return (brands.find((brand) => brand.is_default) ?? brands[0])?.name;
	} catch {
		return undefined;
	}
}
