// Addresses the proxy must not reach on its own: IANA's special-purpose ranges (loopback, private, reserved, documentation,
// transition mechanisms), judged by the address itself or, for NAT64, by the IPv4 address it carries.
import { BlockList, isIP } from 'node:net';

// Two lists: a BlockList also matches IPv4 addresses against IPv6 rules (as ::ffff:a.b.c.d), which would block them all.
const privateIpv4 = new BlockList();
const privateIpv6 = new BlockList();

/** IANA IPv4 Special-Purpose Address Registry, every entry; none of them holds a public helpdesk. */
const IPV4_RANGES: readonly [string, number][] = [
	['0.0.0.0', 8], // "this network"
	['10.0.0.0', 8], // private
	['100.64.0.0', 10], // carrier-grade NAT
	['127.0.0.0', 8], // loopback
	['169.254.0.0', 16], // link-local, cloud metadata
	['172.16.0.0', 12], // private
	['192.0.0.0', 24], // IETF protocol assignments
	['192.0.2.0', 24], // documentation (TEST-NET-1)
	['192.31.196.0', 24], // AS112
	['192.52.193.0', 24], // AMT
	['192.88.99.0', 24], // deprecated 6to4 relay anycast
	['192.168.0.0', 16], // private
	['192.175.48.0', 24], // AS112 direct delegation
	['198.18.0.0', 15], // benchmarking
	['198.51.100.0', 24], // documentation (TEST-NET-2)
	['203.0.113.0', 24], // documentation (TEST-NET-3)
	['224.0.0.0', 3] // multicast, reserved (240/4) and broadcast
];

/** IANA IPv6 Special-Purpose Address Registry, every entry except NAT64's well-known prefix (judged by its IPv4 part). */
const IPV6_RANGES: readonly [string, number][] = [
	['::', 96], // unspecified, loopback, IPv4-compatible
	['::ffff:0:0', 96], // IPv4-mapped: could hide 127.0.0.1
	['64:ff9b:1::', 48], // local-use NAT64
	['100::', 64], // discard-only
	['2001::', 23], // IETF protocol assignments: Teredo (2001::/32), benchmarking, ORCHID
	['2001:db8::', 32], // documentation
	['2002::', 16], // 6to4: carries any IPv4 address, private ones included
	['3fff::', 20], // documentation
	['5f00::', 16], // segment routing
	['fc00::', 7], // unique local
	['fe80::', 10], // link-local
	['fec0::', 10], // site-local (deprecated, still routed inside some networks)
	['ff00::', 8] // multicast
];

for (const [address, prefix] of IPV4_RANGES) privateIpv4.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of IPV6_RANGES) privateIpv6.addSubnet(address, prefix, 'ipv6');

const nat64 = new BlockList();
nat64.addSubnet('64:ff9b::', 96, 'ipv6');

/** The IPv4 address in the last 32 bits of a NAT64 address (64:ff9b::a.b.c.d). */
function embeddedIpv4(address: string): string | undefined {
	const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (dotted) return dotted[1];
	const groups = /:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
	if (!groups) return undefined;
	const high = parseInt(groups[1] ?? '0', 16);
	const low = parseInt(groups[2] ?? '0', 16);
	return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an IP address a public helpdesk never has. Not an IP at all counts as private: refuse what we cannot judge. */
export function isPrivateAddress(address: string): boolean {
	const family = isIP(address);
	if (family === 4) return privateIpv4.check(address, 'ipv4');
	if (family !== 6) return true;
	// On an IPv6-only network DNS64 hands out 64:ff9b::/96 for every IPv4-only helpdesk; the NAT64 gateway reaches the IPv4 inside.
	if (nat64.check(address, 'ipv6')) {
		const inside = embeddedIpv4(address);
		return inside === undefined || isIP(inside) !== 4 || privateIpv4.check(inside, 'ipv4');
	}
	return privateIpv6.check(address, 'ipv6');
}

/** Names that mean this machine whatever DNS says (RFC 6761). */
export function isLocalhostName(hostname: string): boolean {
	return hostname === 'localhost' || hostname.endsWith('.localhost');
}
