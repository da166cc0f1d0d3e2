// The proxy address as typed on the connect step: one without http:// gets it, anything else stays for the check to judge.
import { describe, expect, it } from 'vitest';
import { normaliseProxyUrl } from '../../src/lib/ui/connect/proxy-url';

describe('normaliseProxyUrl', () => {
	it('adds http:// to a host and port typed without it', () => {
		expect(normaliseProxyUrl('127.0.0.1:8091')).toBe('http://127.0.0.1:8091');
		expect(normaliseProxyUrl('  localhost:5401/ ')).toBe('http://localhost:5401/');
		expect(normaliseProxyUrl('//intranet/proxy/')).toBe('http://intranet/proxy/');
	});

	it('keeps an address that names its scheme', () => {
		expect(normaliseProxyUrl('https://intranet/proxy/')).toBe('https://intranet/proxy/');
		expect(normaliseProxyUrl('HTTP://127.0.0.1:8091')).toBe('HTTP://127.0.0.1:8091');
		expect(normaliseProxyUrl('ftp://files.example')).toBe('ftp://files.example');
	});

	it('leaves an empty field empty (no proxy)', () => {
		expect(normaliseProxyUrl('   ')).toBe('');
	});
});
