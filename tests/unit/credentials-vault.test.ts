import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CredentialVault, REDACTED, isSecretKey, redact, redactText, type Credentials } from '../../src/lib/engine/credentials';

const kayako: Credentials = { kind: 'password', email: 'admin@acme.test', password: 'kayako-PASSWORD-0815' };

describe('the credential vault in worker memory', () => {
	it('holds credentials per migration and side, and forgets one side or both', () => {
		const vault = new CredentialVault();
		vault.set('m-1', 'kayako', kayako);
		vault.set('m-1', 'source', { kind: 'oauth', accessToken: 'fd-token' });
		vault.set('m-2', 'kayako', { kind: 'api-key', key: 'other' });

		expect(vault.get('m-1', 'kayako')).toEqual(kayako);
		vault.clear('m-1', 'kayako');
		expect(vault.has('m-1', 'kayako')).toBe(false);
		expect(vault.has('m-1', 'source')).toBe(true);
		vault.clear('m-1');
		expect(vault.get('m-1', 'source')).toBeUndefined();
		expect(vault.get('m-2', 'kayako')).toEqual({ kind: 'api-key', key: 'other' });
		vault.clearAll();
		expect(vault.has('m-2', 'kayako')).toBe(false);
	});

	it('hands out copies, so a caller cannot change what the vault holds', () => {
		const vault = new CredentialVault();
		vault.set('m-1', 'kayako', kayako);
		const copy = vault.get('m-1', 'kayako') as { password: string };
		copy.password = 'changed';
		expect(vault.get('m-1', 'kayako')).toEqual(kayako);
	});

	it('prints no secret when logged, stringified or inspected', () => {
		const vault = new CredentialVault();
		vault.set('m-1', 'kayako', kayako);
		for (const printed of [JSON.stringify(vault), String(vault), inspect(vault, { depth: 10, showHidden: true })]) {
			expect(printed).not.toContain('kayako-PASSWORD-0815');
		}
	});
});

describe('redaction', () => {
	it('blanks the secret of every kind of credentials and keeps the rest readable', () => {
		expect(redact(kayako)).toEqual({ kind: 'password', email: 'admin@acme.test', password: REDACTED });
		expect(redact({ kind: 'api-token', email: 'a@b.test', token: 't' })).toEqual({ kind: 'api-token', email: 'a@b.test', token: REDACTED });
		expect(redact({ kind: 'oauth', accessToken: 't' })).toEqual({ kind: 'oauth', accessToken: REDACTED });
		expect(redact({ kind: 'api-key', key: 'k' })).toEqual({ kind: 'api-key', key: REDACTED });
	});

	it('blanks secrets deep inside nested data, URLs and Authorization headers', () => {
		const printed = JSON.stringify(
			redact({
				url: 'https://admin:hunter2@acme.zendesk.com/api/v2/tickets.json?page=2&api_token=zd-secret',
				headers: { authorization: 'Basic YWRtaW46aHVudGVyMg==', 'X-Session-ID': 'sess-123' },
				list: [{ client_secret: 'cs' }, 'Bearer abc.def.ghi'],
				ticket: { id: 42, subject: 'Printer on fire' }
			})
		);
		for (const secret of ['hunter2', 'zd-secret', 'YWRtaW46aHVudGVyMg', 'sess-123', '"cs"', 'abc.def.ghi']) expect(printed).not.toContain(secret);
		expect(printed).toContain('page=2');
		expect(printed).toContain('Printer on fire');
		expect(redactText('Login as admin@acme.test failed')).toBe('Login as admin@acme.test failed');
	});

	it('names secret-looking keys in every spelling, and leaves ordinary ones alone', () => {
		for (const name of ['password', 'apiToken', 'api_token', 'API-Key', 'accessToken', 'client_secret', 'Authorization', 'sessionId', 'key', 'otp']) {
			expect(isSecretKey(name), name).toBe(true);
		}
		for (const name of ['email', 'authMethod', 'url', 'subject', 'keyword', 'options', 'kayakoId']) expect(isSecretKey(name), name).toBe(false);
	});
});
