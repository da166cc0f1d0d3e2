// Addresses the proxy must not reach on its own: loopback, private networks, link-local, and their IPv6 forms.
import { BlockList, isIP } from 'node:net';

// Two lists: a BlockList also matches IPv4 addresses against IPv6 rules (as ::ffff:a.b.c.d), which would block them all.
const privateIpv4 = new BlockList();
const privateIpv6 = new BlockList();
privateIpv4.addSubnet('0.0.0.0', 8, 'ipv4');
privateIpv4.addSubnet('10.0.0.0', 8, 'ipv4');
privateIpv4.addSubnet('100.64.0.0', 10, 'ipv4');
privateIpv4.addSubnet('127.0.0.0', 8, 'ipv4');
privateIpv4.addSubnet('169.254.0.0', 16, 'ipv4');
privateIpv4.addSubnet('172.16.0.0', 12, 'ipv4');
privateIpv4.addSubnet('192.168.0.0', 16, 'ipv4');
privateIpv4.addSubnet('224.0.0.0', 3, 'ipv4');
// ::/96 holds :: and ::1; ::ffff:0:0/96 is an IPv4 address in IPv6 clothing, which could hide 127.0.0.1.
privateIpv6.addSubnet('::', 96, 'ipv6');
privateIpv6.addSubnet('::ffff:0:0', 96, 'ipv6');
privateIpv6.addSubnet('fc00::', 7, 'ipv6');
privateIpv6.addSubnet('fe80::', 10, 'ipv6');
privateIpv6.addSubnet('ff00::', 8, 'ipv6');

/** True for an IP address a public helpdesk never has. Not an IP at all counts as private: refuse what we cannot judge. */
export function isPrivateAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 4) return privateIpv4.check(address, 'ipv4');
	if (family === 6) return privateIpv6.check(address, 'ipv6');
	return true;
}

/** Names that mean this machine whatever DNS says (RFC 6761). */
export function isLocalhostName(hostname: string): boolean {
	return hostname === 'localhost' || hostname.endsWith('.localhost');
}
