// The proxy's allow-list, private-address ranges and target parsing, without a network.
import { describe, expect, it } from 'vitest';
import { createAllowList, parseHostRule, splitHostList } from '../../server/proxy/allow-list';
import { isPrivateAddress } from '../../server/proxy/private-address';
import { parseTarget } from '../../server/proxy/target';

describe('the allow-list', () => {
	const list = createAllowList(['127.0.0.1:8101', 'helpdesk.intranet.example', '*.example.org', '[::1]:8443']);

	it('lets the helpdesks own subdomains through on the web ports, but not the bare domain or a look-alike', () => {
		expect(list.match('acme.kayako.com', 443)?.entry).toBe('*.kayako.com');
		expect(list.match('acme.kayako.com', 80)?.entry).toBe('*.kayako.com');
		expect(list.match('ACME.Zendesk.com.', 443)?.entry).toBe('*.zendesk.com');
		expect(list.match('eu.acme.freshdesk.com', 443)?.entry).toBe('*.freshdesk.com');
		expect(list.match('api.helpscout.net', 443)?.entry).toBe('api.helpscout.net');
		expect(list.match('acme.zdusercontent.com', 443)?.entry).toBe('*.zdusercontent.com');
		expect(list.match('s3.eu-central-1.amazonaws.com', 443)).toBeUndefined();
		expect(list.match('kayako.com', 443)).toBeUndefined();
		expect(list.match('evilkayako.com', 443)).toBeUndefined();
		expect(list.match('acme.kayako.com.evil.net', 443)).toBeUndefined();
		expect(list.match('docs.helpscout.net', 443)).toBeUndefined();
	});

	it('opens only ports 443 and 80 of a wildcard or default entry, unless the entry names a port', () => {
		const withPort = createAllowList(['*.example.com:8443']);
		for (const port of [22, 25, 6379, 8080, 8443, 9200]) {
			expect(list.match('acme.kayako.com', port), `acme.kayako.com:${port}`).toBeUndefined();
			expect(list.match('intranet.example.org', port), `intranet.example.org:${port}`).toBeUndefined();
			expect(list.match('api.helpscout.net', port), `api.helpscout.net:${port}`).toBeUndefined();
		}
		expect(list.match('intranet.example.org', 443)?.entry).toBe('*.example.org');
		expect(withPort.match('a.example.com', 8443)?.entry).toBe('*.example.com:8443');
		expect(withPort.match('a.example.com', 443)).toBeUndefined();
		// The operator's exact host without a port is their own machine: any port, as they wrote it.
		expect(list.match('helpdesk.intranet.example', 8080)?.entry).toBe('helpdesk.intranet.example');
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

	it('covers the rest of IANA special-purpose ranges: reserved, documentation, benchmarking, transition mechanisms', () => {
		const reserved = [
			'192.0.0.8', // IETF protocol assignments
			'192.0.2.10', // TEST-NET-1
			'198.18.0.1', // benchmarking
			'198.19.255.254',
			'198.51.100.7', // TEST-NET-2
			'203.0.113.9', // TEST-NET-3
			'192.88.99.1', // 6to4 relay anycast
			'240.0.0.1', // reserved
			'255.255.255.255', // broadcast
			'64:ff9b::7f00:1', // NAT64 of 127.0.0.1
			'64:ff9b::10.0.0.1', // NAT64 of a private address
			'64:ff9b::a9fe:a9fe', // NAT64 of the cloud metadata address
			'64:ff9b:1::1', // local-use NAT64
			'2002:7f00:1::1', // 6to4 of 127.0.0.1
			'2002:c0a8:101::1', // 6to4 of 192.168.1.1
			'2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
			'2001:db8::1', // documentation
			'3fff::1', // documentation
			'100::1', // discard-only
			'fec0::1', // site-local
			'ff02::1' // multicast
		];
		for (const address of reserved) expect(isPrivateAddress(address), address).toBe(true);
	});

	it('leaves public addresses alone, a public IPv4 address behind NAT64 included', () => {
		for (const address of ['8.8.8.8', '172.32.0.1', '104.16.51.111', '2606:4700::6810:3e6f', '64:ff9b::808:808', '64:ff9b::104.16.51.111']) {
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
});
