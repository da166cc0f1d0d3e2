// Reads the target of a proxied request: the full http(s) URL written after the proxy's own address.
import { normaliseHostname } from './allow-list';

export interface ProxyTarget {
	url: URL;
	protocol: 'http:' | 'https:';
	/** Lower case, IPv6 without brackets. */
	hostname: string;
	/** The port connected to, the scheme's default filled in. */
	port: number;
	/** host[:port] as a person would write it, for messages and the log. */
	display: string;
}

/** null when the path is not "/" followed by an absolute http or https URL. */
export function parseTarget(requestPath: string): ProxyTarget | null {
	const raw = requestPath.slice(1);
	if (!/^https?:\/\/[^/?#]/i.test(raw)) return null;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	const hostname = normaliseHostname(url.hostname);
	if (!hostname) return null;
	const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
	return { url, protocol: url.protocol, hostname, port, display: url.host };
}
