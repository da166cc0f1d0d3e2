// The proxy's allow-list, private-address ranges and target parsing, without a network.
import { describe, expect, it } from 'vitest';
import { createAllowList, parseHostRule, splitHostList } from '../../server/proxy/allow-list';
import { isPrivateAddress } from '../../server/proxy/private-address';
import { parseTarget, sameHostAndPort } from '../../server/proxy/target';

describe('the allow-list', () => {
	const list = createAllowList(['127.0.0.1:8101', 'helpdesk.intranet.example', '*.example.org', '[::1]:8443']);

	it('lets the helpdesks own subdomains through on any port, but not the bare domain or a look-alike', () => {
		expect(list.match('acme.kayako.com', 443)?.entry).toBe('*.kayako.com');
		expect(list.match('ACME.Zendesk.com.', 443)?.entry).toBe('*.zendesk.com');
		expect(list.match('eu.acme.freshdesk.com', 8443)?.entry).toBe('*.freshdesk.com');
		expect(list.match('api.helpscout.net', 443)?.entry).toBe('api.helpscout.net');
		expect(list.match('acme.zdusercontent.com', 443)?.entry).toBe('*.zdusercontent.com');
		expect(list.match('s3.eu-central-1.amazonaws.com', 443)).toBeUndefined();
		expect(list.match('kayako.com', 443)).toBeUndefined();
		expect(list.match('evilkayako.com', 443)).toBeUndefined();
		expect(list.match('acme.kayako.com.evil.net', 443)).toBeUndefined();
		expect(list.match('docs.helpscout.net', 443)).toBeUndefined();
	});

	it('holds an operator entry with a port to that port', () => {
		expect(list.match('127.0.0.1', 8101)).toBeDefined();
		expect(list.match('127.0.0.1', 8102)).toBeUndefined();
		expect(list.match('::1', 8443)).toBeDefined();
	});

	it('allows private addresses only for the operator exact entries, never for a wildcard or a default', () => {
		expect(list.allowsPrivateAddress('127.0.0.1', 8101)).toBe(true);
		expect(list.allowsPrivateAddress('helpdesk.intranet.example', 80)).toBe(true);
		expect(list.allowsPrivateAddress('sub.example.org', 443)).toBe(false);
		expect(list.allowsPrivateAddress('acme.kayako.com', 443)).toBe(false);
	});

	it('reads PROXY_ALLOW_HOSTS as a comma-separated list and rejects what is not a host', () => {
		expect(splitHostList(' a.example.org, b.example.org:8080 ,,*.c.example.org ')).toEqual(['a.example.org', 'b.example.org:8080', '*.c.example.org']);
		expect(splitHostList(undefined)).toEqual([]);
		expect(parseHostRule('[fd00::5]:9000', true)).toMatchObject({ hostname: 'fd00::5', port: 9000, wildcard: false });
		expect(() => parseHostRule('https://acme.example.org/', true)).toThrow(/not a host name/);
		expect(() => parseHostRule('*.10.0.0.1', true)).toThrow(/not a host name/);
		expect(() => parseHostRule('a.example.org:70000', true)).toThrow(/port/);
	});
});

describe('private addresses', () => {
	it('covers loopback, private networks, link-local and their IPv6 forms', () => {
		for (const address of ['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', '::', 'fd12::1', 'fe80::1', '::ffff:7f00:1', '::ffff:10.0.0.1']) {
			expect(isPrivateAddress(address), address).toBe(true);
		}
	});

	it('leaves public addresses alone', () => {
		for (const address of ['8.8.8.8', '172.32.0.1', '104.16.51.111', '2606:4700::6810:3e6f']) {
			expect(isPrivateAddress(address), address).toBe(false);
		}
	});
});

describe('the target of a proxied request', () => {
	it('is the full http(s) URL after the first slash, with the default port filled in', () => {
		expect(parseTarget('/https://acme.kayako.com/api/v1/me.json?x=1')).toMatchObject({ hostname: 'acme.kayako.com', port: 443, protocol: 'https:' });
		expect(parseTarget('/http://[::1]:8080/')).toMatchObject({ hostname: '::1', port: 8080, display: '[::1]:8080' });
		expect(parseTarget('/acme.kayako.com/api')).toBeNull();
		expect(parseTarget('/file:///etc/passwd')).toBeNull();
	});

	it('must be read the same way by cors-anywhere, or nothing is sent', () => {
		const target = parseTarget('/https://acme.kayako.com/api/v1/me.json');
		if (!target) throw new Error('the target should parse');
		expect(sameHostAndPort(target, { hostname: 'acme.kayako.com', port: null, protocol: 'https:' })).toBe(true);
		expect(sameHostAndPort(target, { hostname: '127.0.0.1', port: null, protocol: 'https:' })).toBe(false);
		expect(sameHostAndPort(target, { hostname: 'acme.kayako.com', port: '80', protocol: 'https:' })).toBe(false);
	});
});
