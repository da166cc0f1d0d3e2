// A settings file is data, not trust: the proxy it names is compared with this installation's before it is used.
// A proxy sees every password and token that passes through it, so a file from elsewhere must not choose it silently.

/** The proxy address a settings file names, or '' when it names none (the connect step then suggests the installation's). */
export function proxyOfSettingsFile(json: string): string {
	try {
		const file: unknown = JSON.parse(json);
		const migration = typeof file === 'object' && file !== null ? (file as { migration?: unknown }).migration : undefined;
		const proxyUrl = typeof migration === 'object' && migration !== null ? (migration as { proxyUrl?: unknown }).proxyUrl : undefined;
		return typeof proxyUrl === 'string' ? proxyUrl.trim() : '';
	} catch {
		// Not JSON: the engine's import says so in its own words.
		return '';
	}
}

/** Two proxy addresses are the same when scheme, host, port and path agree (case and a trailing slash aside). */
export function sameProxy(a: string, b: string): boolean {
	const key = (address: string) => {
		try {
			const url = new URL(address.trim());
			return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
		} catch {
			return `invalid:${address.trim()}`;
		}
	};
	return key(a) === key(b);
}

/** Whether importing this file needs the user's word first: it names a proxy other than the installation's. */
export function foreignProxy(json: string, installationProxy: string): string | undefined {
	const named = proxyOfSettingsFile(json);
	return named !== '' && !sameProxy(named, installationProxy) ? named : undefined;
}

/** The file with its proxy left out, so the migration uses the installation's proxy. Other content stays as it was. */
export function withoutProxy(json: string): string {
	const file = JSON.parse(json) as { migration: Record<string, unknown> };
	return JSON.stringify({ ...file, migration: { ...file.migration, proxyUrl: '' } });
}
