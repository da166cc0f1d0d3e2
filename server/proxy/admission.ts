// Decides before any connection whether a request may go to its target: a readable URL, an allowed host, a public address.
import { isIP } from 'node:net';
import type { AllowList } from './allow-list';
import type { ResolveHost } from './pinned-agent';
import { isLocalhostName, isPrivateAddress } from './private-address';
import { proxyErrors, type ProxyError } from './proxy-errors';
import { parseTarget, type ProxyTarget } from './target';

export type Admission = { ok: true; target: ProxyTarget; addresses: string[] } | { ok: false; error: ProxyError; target?: ProxyTarget };

export async function admitTarget(requestPath: string, allowList: AllowList, resolveHost: ResolveHost): Promise<Admission> {
	const target = parseTarget(requestPath);
	if (!target) return { ok: false, error: proxyErrors.badTarget() };
	if (!allowList.match(target.hostname, target.port)) {
		return { ok: false, target, error: proxyErrors.hostNotAllowed(target.display) };
	}
	// The operator's exact entries are how local sandboxes and intranet helpdesks get through.
	const privateAllowed = allowList.allowsPrivateAddress(target.hostname, target.port);
	if (!privateAllowed && isLocalhostName(target.hostname)) {
		return { ok: false, target, error: proxyErrors.privateAddress(target.display, target.hostname) };
	}
	let addresses: string[];
	if (isIP(target.hostname) !== 0) {
		addresses = [target.hostname];
	} else {
		try {
			addresses = await resolveHost(target.hostname);
		} catch {
			addresses = [];
		}
		if (addresses.length === 0) return { ok: false, target, error: proxyErrors.unresolvable(target.display) };
	}
	const privateAddress = privateAllowed ? undefined : addresses.find(isPrivateAddress);
	if (privateAddress !== undefined) {
		return { ok: false, target, error: proxyErrors.privateAddress(target.display, privateAddress) };
	}
	return { ok: true, target, addresses };
}
