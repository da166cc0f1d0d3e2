// Where the runner will send the passwords: said out loud before anything is sent, and a proxy only when the user named it.
// A settings file is data anyone can hand over; its proxyUrl must not decide on its own who sees the Kayako
// admin password. So a proxy from the config is used only when --allow-proxy (or MIGRATE_ALLOW_PROXY) names
// it too, loopback included: a proxy on this machine may still be someone else's.
import { MigrationError } from '../../src/lib/engine/errors';
import { proxyDisplay, proxyPrefix } from '../../src/lib/engine/http/proxy';
import type { MigrationSettings } from '../../src/lib/engine/store';
import { ALLOW_PROXY_ENV, splitList } from './args';

type Env = Readonly<Record<string, string | undefined>>;

/** The lines to print: the Kayako and source hosts, and the proxy between, once the proxy is allowed. Throws when it is not. */
export function credentialDestinations(settings: MigrationSettings, allowProxy: readonly string[], env: Env): string[] {
	const kayako = new URL(settings.target.url);
	const source = new URL(settings.source.url);
	const lines = [
		'The credentials go to:',
		`  Kayako  ${kayako.host} (administrator ${settings.target.email}, password from KAYAKO_PASSWORD)`,
		`  source  ${source.host} (${settings.source.platform})`
	];
	const proxy = settings.proxyUrl.trim();
	if (!proxy) return [...lines, '  directly, through no proxy.'];

	const trusted = [...allowProxy, ...splitList([env[ALLOW_PROXY_ENV] ?? ''])];
	const wanted = proxyPrefix(proxy);
	if (!trusted.some((each) => sameProxy(each, wanted))) {
		throw new MigrationError({
			kind: 'invalid-input',
			message:
				`The config sends every request, with the Kayako and source passwords, through the proxy ${proxyDisplay(proxy)}, which you have not allowed. Nothing was sent. ` +
				`If you run that proxy yourself or trust it, run again with --allow-proxy ${proxyDisplay(proxy)}` +
				`${trusted.length ? ` (allowed now: ${trusted.join(', ')})` : ''}; otherwise remove "proxyUrl" from the config: the runner does not need a proxy.`
		});
	}
	return [...lines, `  through the proxy ${proxyDisplay(proxy)} (allowed by --allow-proxy or ${ALLOW_PROXY_ENV}).`];
}

function sameProxy(allowed: string, wanted: string): boolean {
	let prefix: string;
	try {
		prefix = proxyPrefix(allowed);
	} catch {
		throw new MigrationError({ kind: 'invalid-input', message: `--allow-proxy "${allowed}" is not a proxy address: write it like http://127.0.0.1:8090.` });
	}
	return prefix === wanted;
}
