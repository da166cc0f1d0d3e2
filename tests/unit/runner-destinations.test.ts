// The runner's --allow-proxy rule: the proxy a settings file names is used only when the user named it too.
import { describe, expect, it } from 'vitest';
import { parseRunnerArgs, RunnerHelpRequested } from '../../server/runner/args';
import { credentialDestinations } from '../../server/runner/destinations';
import type { MigrationSettings } from '../../src/lib/engine/store';

function settings(proxyUrl: string): MigrationSettings {
	return {
		id: 'm1',
		name: 'Acme',
		source: { platform: 'zendesk', url: 'https://acme.zendesk.com', email: 'admin@acme.test' },
		target: { url: 'https://acme.kayako.com', email: 'admin@acme.test' },
		proxyUrl,
		mappings: { agents: {}, teams: {}, fields: {}, options: {} },
		options: {},
		filters: {},
		stage: 'connect',
		createdAt: 1,
		updatedAt: 1
	};
}

const BASE = ['--config', 'migration.json', '--run', 'full'];

describe('--allow-proxy', () => {
	it('is read repeated and comma-separated', () => {
		expect(parseRunnerArgs([...BASE, '--allow-proxy', 'http://a:1, http://b:2', '--allow-proxy', 'http://c:3']).allowProxy).toEqual(['http://a:1', 'http://b:2', 'http://c:3']);
		expect(parseRunnerArgs(BASE).allowProxy).toEqual([]);
	});

	it('is explained by --help', () => {
		expect(() => parseRunnerArgs(['--help'])).toThrow(RunnerHelpRequested);
		expect(() => parseRunnerArgs(['--help'])).toThrow(/--allow-proxy .*\n.*\n.*refuses that proxy, loopback included, unless it is named here\n.*or in MIGRATE_ALLOW_PROXY/);
	});

	it('sends directly, and says so, when the settings name no proxy', () => {
		expect(credentialDestinations(settings(''), [], {})).toEqual([
			'The credentials go to:',
			'  Kayako  acme.kayako.com (administrator admin@acme.test, password from KAYAKO_PASSWORD)',
			'  source  acme.zendesk.com (zendesk)',
			'  directly, through no proxy.'
		]);
	});

	it('refuses a proxy nobody allowed, a loopback one too', () => {
		expect(() => credentialDestinations(settings('https://collector.example.net/p'), [], {})).toThrow(/through the proxy https:\/\/collector\.example\.net\/p, which you have not allowed\. Nothing was sent\./);
		expect(() => credentialDestinations(settings('http://127.0.0.1:8090'), ['http://127.0.0.1:8091'], {})).toThrow(/--allow-proxy http:\/\/127\.0\.0\.1:8090\/ \(allowed now: http:\/\/127\.0\.0\.1:8091\)/);
	});

	it('takes the proxy when the option or the variable names the same address, however written', () => {
		expect(credentialDestinations(settings('http://127.0.0.1:8090/'), ['HTTP://127.0.0.1:8090'], {}).at(-1)).toBe('  through the proxy http://127.0.0.1:8090/ (allowed by --allow-proxy or MIGRATE_ALLOW_PROXY).');
		expect(credentialDestinations(settings('https://intranet/proxy/'), [], { MIGRATE_ALLOW_PROXY: 'http://other, https://intranet:443/proxy' }).at(-1)).toContain('through the proxy https://intranet/proxy/');
	});

	it('names an allowed entry that is no address', () => {
		expect(() => credentialDestinations(settings('http://127.0.0.1:8090'), ['127.0.0.1:8090'], {})).toThrow('--allow-proxy "127.0.0.1:8090" is not a proxy address: write it like http://127.0.0.1:8090.');
	});
});
