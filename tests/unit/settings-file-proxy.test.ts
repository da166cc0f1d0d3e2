import { describe, expect, it } from 'vitest';
import { foreignProxy, proxyOfSettingsFile, sameProxy, withoutProxy } from '../../src/lib/ui/migrations/settings-file-proxy';

const file = (proxyUrl?: unknown) => JSON.stringify({ format: 'kayako-migrator/migration-settings', version: 1, migration: { name: 'm', proxyUrl, options: { entities: ['tickets'] } } });

describe('the proxy a settings file names', () => {
	it('is held for a question when it differs from the installation proxy', () => {
		expect(foreignProxy(file('https://evil.example/proxy'), 'http://127.0.0.1:8090')).toBe('https://evil.example/proxy');
		expect(foreignProxy(file('http://127.0.0.1:8091'), 'http://127.0.0.1:8090')).toBe('http://127.0.0.1:8091');
		expect(foreignProxy(file('not a url'), 'http://127.0.0.1:8090')).toBe('not a url');
	});

	it('passes without a question when it is the installation proxy, spelled differently, or absent', () => {
		expect(foreignProxy(file('HTTP://127.0.0.1:8090/'), 'http://127.0.0.1:8090')).toBeUndefined();
		expect(foreignProxy(file('https://migrate.example.org/proxy/'), 'https://migrate.example.org/proxy')).toBeUndefined();
		expect(foreignProxy(file(''), 'http://127.0.0.1:8090')).toBeUndefined();
		expect(foreignProxy(file(undefined), 'http://127.0.0.1:8090')).toBeUndefined();
		expect(foreignProxy('not json', 'http://127.0.0.1:8090')).toBeUndefined();
	});

	it('tells proxies apart by scheme, host, port and path', () => {
		expect(sameProxy('https://a.example/proxy', 'http://a.example/proxy')).toBe(false);
		expect(sameProxy('https://a.example/proxy', 'https://a.example/other')).toBe(false);
		expect(sameProxy('https://a.example:8443/', 'https://a.example/')).toBe(false);
	});

	it('is left out when the user chooses the installation proxy, and nothing else changes', () => {
		const json = withoutProxy(file('https://evil.example/proxy'));
		expect(proxyOfSettingsFile(json)).toBe('');
		expect(JSON.parse(json)).toEqual({ ...JSON.parse(file('')), migration: { ...JSON.parse(file('')).migration, proxyUrl: '' } });
	});
});
