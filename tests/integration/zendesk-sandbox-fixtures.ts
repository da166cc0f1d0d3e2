// Shared helpers for the Zendesk sandbox tests: a listening sandbox on a fixed clock, credentials as headers, JSON GETs.
import { afterAll, beforeAll } from 'vitest';
import { createZendeskSandbox, ZENDESK_SANDBOX_CREDENTIALS as CREDENTIALS, type ZendeskSandbox, type ZendeskSandboxOptions } from '../../server/sandbox/zendesk/index';

/** A fixed "now" (2026-01-15 12:00 UTC): tests move it with advanceClock, never with real time. */
export const NOW = Date.UTC(2026, 0, 15, 12);

export function basic(user: string, secret: string): string {
	return `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
}

export const ADMIN_TOKEN = basic(`${CREDENTIALS.email}/token`, CREDENTIALS.apiToken);
export const AGENT_TOKEN = basic(`${CREDENTIALS.agent.email}/token`, CREDENTIALS.apiToken);

export interface Answer<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	json: T;
}

export async function getJson<T = Record<string, unknown>>(url: string, authorization: string | undefined = ADMIN_TOKEN): Promise<Answer<T>> {
	const response = await fetch(url, { headers: authorization ? { Authorization: authorization } : {} });
	const text = await response.text();
	return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : {}) as T };
}

/** A sandbox listening on 127.0.0.1 for the tests of one file, closed afterwards. */
export function useSandbox(options: ZendeskSandboxOptions = {}): { sandbox: () => ZendeskSandbox; url: () => string } {
	let sandbox: ZendeskSandbox | undefined;
	beforeAll(async () => {
		sandbox = createZendeskSandbox({ seed: 42, tickets: 120, now: () => NOW, ...options });
		await sandbox.listen(0, '127.0.0.1');
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	const current = (): ZendeskSandbox => {
		if (!sandbox) throw new Error('The sandbox is not listening yet.');
		return sandbox;
	};
	return { sandbox: current, url: () => current().url };
}

export { CREDENTIALS };
