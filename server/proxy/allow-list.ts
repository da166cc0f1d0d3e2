// Which target hosts the CORS proxy forwards to: the helpdesks' own domains plus what the operator adds.
import { isIP } from 'node:net';

/**
 * The public helpdesk APIs the tool talks to, and Zendesk's attachment host; ports 443 and 80 only,
 * never a private address. Freshdesk's S3 attachment hosts are left to the operator: allowing S3 would
 * open every bucket.
 */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['*.kayako.com', '*.zendesk.com', '*.zdusercontent.com', '*.freshdesk.com', 'api.helpscout.net'];

/** The environment variable through which the operator adds hosts, comma separated. */
export const ALLOW_HOSTS_VARIABLE = 'PROXY_ALLOW_HOSTS';

export interface HostRule {
	/** The entry as written, for messages. */
	entry: string;
	/** Lower case, without brackets; for a wildcard, the domain after "*.". */
	hostname: string;
	wildcard: boolean;
	/** null: the web's ports (443, 80) for a wildcard or default entry, any port for the operator's exact host. */
	port: number | null;
	/** Only the operator's exact entries may point at private or loopback addresses. */
	fromOperator: boolean;
}

export interface AllowList {
	/** The rule that lets this host through, if any. */
	match(hostname: string, port: number): HostRule | undefined;
	/** True when the operator listed exactly this host (and port, if the entry has one). */
	allowsPrivateAddress(hostname: string, port: number): boolean;
	/** The entries, for messages and the start-up banner. */
	entries(): string[];
}

export function normaliseHostname(hostname: string): string {
	return hostname.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

export function parseHostRule(entry: string, fromOperator: boolean): HostRule {
	const text = entry.trim();
	let host = text;
	let port: number | null = null;
	const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
	const hostAndPort = /^([^:]+):(\d+)$/.exec(text);
	if (bracketed) {
		host = bracketed[1] ?? '';
		port = bracketed[2] === undefined ? null : Number(bracketed[2]);
	} else if (hostAndPort) {
		host = hostAndPort[1] ?? '';
		port = Number(hostAndPort[2]);
	}
	const wildcard = host.startsWith('*.');
	const hostname = normaliseHostname(wildcard ? host.slice(2) : host);
	const validName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(hostname);
	if (!hostname || (!validName && isIP(hostname) === 0) || (wildcard && isIP(hostname) !== 0)) {
		throw new Error(`"${entry}" is not a host name: write it like acme.example.org, helpdesk.example.org:8443 or *.example.org.`);
	}
	if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535)) {
		throw new Error(`"${entry}" has a port outside 1-65535.`);
	}
	return { entry: text, hostname, wildcard, port, fromOperator };
}

/** Splits PROXY_ALLOW_HOSTS ("host1,host2:port,*.example.org") into entries. */
export function splitHostList(value: string | undefined): string[] {
	return (value ?? '')
		.split(/[,\s]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry.length > 0);
}

/** The ports a wildcard or default entry without a port opens: a whole domain must not expose every service on it. */
export const WEB_PORTS: readonly number[] = [443, 80];

function matchesRule(rule: HostRule, hostname: string, port: number): boolean {
	if (rule.port !== null && rule.port !== port) return false;
	if (rule.port === null && (rule.wildcard || !rule.fromOperator) && !WEB_PORTS.includes(port)) return false;
	return rule.wildcard ? hostname.endsWith(`.${rule.hostname}`) : hostname === rule.hostname;
}

export function createAllowList(operatorEntries: readonly string[]): AllowList {
	const rules = [
		...DEFAULT_ALLOWED_HOSTS.map((entry) => parseHostRule(entry, false)),
		...operatorEntries.map((entry) => parseHostRule(entry, true))
	];
	return {
		match(hostname, port) {
			const name = normaliseHostname(hostname);
			return rules.find((rule) => matchesRule(rule, name, port));
		},
		allowsPrivateAddress(hostname, port) {
			const name = normaliseHostname(hostname);
			return rules.some((rule) => rule.fromOperator && !rule.wildcard && matchesRule(rule, name, port));
		},
		entries() {
			return rules.map((rule) => rule.entry);
		}
	};
}
