// What the installation suggests to the wizard: `npm start` serves app-config.json; a plain static host has none.
import { base } from '$app/paths';

export interface AppConfig {
	/** The CORS proxy that was started with the app. */
	proxyUrl?: string;
	/** Sandbox helpdesks to try the tool on, when `npm start` runs them. */
	sandboxes?: Partial<Record<'kayako' | 'zendesk', { url: string; email: string }>>;
}

let loaded: Promise<AppConfig> | undefined;

export function appConfig(): Promise<AppConfig> {
	loaded ??= fetch(`${base}/app-config.json`, { cache: 'no-store' })
		.then((response) => (response.ok && response.headers.get('content-type')?.includes('json') ? (response.json() as Promise<AppConfig>) : {}))
		.catch(() => ({}));
	return loaded;
}

/** The proxy to suggest: the installation's own, else port 8090 on this page's host (where `npm run proxy` listens). */
export async function defaultProxyUrl(): Promise<string> {
	const config = await appConfig();
	return config.proxyUrl ?? `${location.protocol}//${location.hostname}:8090`;
}
