import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { proxiedUrl, safeUrl, targetHost } from '../../src/lib/engine/http';

function thrown(action: () => unknown): MigrationError {
	try {
		action();
	} catch (error) {
		if (error instanceof MigrationError) return error;
		throw error;
	}
	throw new Error('expected a MigrationError');
}

describe('proxy addressing', () => {
	const target = 'https://acme.kayako.com/api/v1/cases.json?limit=100';

	it('puts the full target URL after a proxy given without a trailing slash', () => {
		expect(proxiedUrl('http://127.0.0.1:8090', target)).toBe('http://127.0.0.1:8090/https://acme.kayako.com/api/v1/cases.json?limit=100');
	});

	it('does not double the slash of a proxy given with a trailing slash', () => {
		expect(proxiedUrl('http://127.0.0.1:8090/', target)).toBe('http://127.0.0.1:8090/https://acme.kayako.com/api/v1/cases.json?limit=100');
	});

	it('keeps the sub-path of a proxy mounted below its host', () => {
		expect(proxiedUrl('https://intranet/proxy/', target)).toBe('https://intranet/proxy/https://acme.kayako.com/api/v1/cases.json?limit=100');
		expect(proxiedUrl('https://intranet/tools/proxy', target)).toBe('https://intranet/tools/proxy/https://acme.kayako.com/api/v1/cases.json?limit=100');
	});

	it('sends directly when no proxy or only blanks are configured', () => {
		expect(proxiedUrl(undefined, target)).toBe(target);
		expect(proxiedUrl('', target)).toBe(target);
		expect(proxiedUrl('   ', target)).toBe(target);
	});

	it('refuses a proxy that is not an http or https address, saying what to type', () => {
		const error = thrown(() => proxiedUrl('127.0.0.1:8090', target));
		expect(error.kind).toBe('invalid-input');
		expect(error.message).toContain('http://');
		expect(thrown(() => proxiedUrl('ftp://proxy.example', target)).kind).toBe('invalid-input');
		expect(thrown(() => proxiedUrl('http://proxy.example/?x=1', target)).message).toContain('"?"');
	});

	it('refuses a target that is not an http or https address', () => {
		expect(thrown(() => proxiedUrl('http://127.0.0.1:8090', 'acme.kayako.com/api')).kind).toBe('invalid-input');
		expect(thrown(() => proxiedUrl(undefined, 'javascript:alert(1)')).kind).toBe('invalid-input');
	});

	it('names the host with its port, which keys the rate limiter', () => {
		expect(targetHost('https://Acme.Kayako.com/api/v1/me.json')).toBe('acme.kayako.com');
		expect(targetHost('http://127.0.0.1:8101/acme')).toBe('127.0.0.1:8101');
		expect(thrown(() => targetHost('not a url')).kind).toBe('invalid-input');
	});
});

describe('URLs shown in errors', () => {
	it('leaves out query parameters that look like tokens, passwords, keys or sessions', () => {
		const shown = safeUrl('https://acme.freshdesk.com/api/v2/tickets?page=2&api_key=SECRET1&token=SECRET2&password=SECRET3&session_id=SECRET4&X-Amz-Signature=SECRET5');
		expect(shown).toBe('https://acme.freshdesk.com/api/v2/tickets?page=2');
		expect(shown).not.toContain('SECRET');
	});

	it('leaves out a user name and password written into the address', () => {
		expect(safeUrl('https://me%40acme.com:hunter2@acme.zendesk.com/api/v2/users.json')).toBe('https://acme.zendesk.com/api/v2/users.json');
	});
});
