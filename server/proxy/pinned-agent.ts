// Name resolution for the proxy: resolve once, judge the addresses, then connect to exactly those (no DNS rebinding in between).
import { lookup } from 'node:dns/promises';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

/** Every address a host name resolves to; rejects when it resolves to none. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveWithSystemDns: ResolveHost = async (hostname) => {
	const answers = await lookup(hostname, { all: true, verbatim: true });
	return answers.map((answer) => answer.address);
};

function pinnedLookup(addresses: readonly string[]): LookupFunction {
	return (_hostname, options, callback) => {
		const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
		const entries = addresses
			.map((address) => ({ address, family: isIP(address) }))
			.filter((entry) => wanted === 0 || entry.family === wanted);
		const first = entries[0];
		if (!first) {
			const error: NodeJS.ErrnoException = new Error(`no IPv${wanted} address among the resolved ones`);
			error.code = 'ENOTFOUND';
			callback(error, '', 0);
			return;
		}
		if (options.all) callback(null, entries);
		else callback(null, first.address, first.family);
	};
}

/** A one-request agent that connects only to the addresses already judged; TLS still checks the certificate against the name. */
export function createPinnedAgent(protocol: 'http:' | 'https:', addresses: readonly string[]): HttpAgent {
	const lookup = pinnedLookup(addresses);
	return protocol === 'https:' ? new HttpsAgent({ lookup, keepAlive: false }) : new HttpAgent({ lookup, keepAlive: false });
}
