// Starts the app, the sandbox helpdesks and the CORS proxy in order, and stops them all; the servers come in as parameters.
import type { Listening } from './listen';

export interface Service {
	listen(port: number, host: string): Promise<Listening>;
	close(): Promise<void>;
}

export interface SandboxInfo {
	name: string;
	/** What the user types into the wizard as the helpdesk address. */
	url: string;
	credentials: Readonly<Record<string, string>>;
}

export interface SandboxPlan {
	name: string;
	service: Service;
	port: number;
	/** Called once listening: the sandbox's own URL is known only then. */
	describe(listening: Listening): SandboxInfo;
}

export interface StartPlan {
	host: string;
	app: { service: Service; port: number };
	/**
	 * Made after the sandboxes and the app listen, so its allow-list holds their real ports and it
	 * answers only pages of the app's origins. It listens on its own port: another origin than the app's.
	 */
	proxy: { create(allowHosts: string[], appOrigins: string[]): Service; port: number };
	sandboxes: readonly SandboxPlan[];
}

export interface Started {
	app: Listening;
	proxy: Listening;
	sandboxes: SandboxInfo[];
	close(): Promise<void>;
}

/** The host a browser on this machine uses to reach a server bound to `host`. */
export function reachableHost(host: string): string {
	return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

function hostWithPort(host: string, port: number): string {
	return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/** The origins a browser may show the app under: the host it listens on, and every loopback name when that is loopback. */
export function appOrigins(host: string, port: number): string[] {
	const reachable = reachableHost(host);
	const hosts = LOOPBACK.includes(reachable) || reachable !== host ? [reachable, ...LOOPBACK] : [reachable];
	// Through URL: a browser's Origin leaves out port 80.
	return [...new Set(hosts)].map((name) => new URL(`http://${hostWithPort(name, port)}`).origin);
}

async function startOne(label: string, service: Service, port: number, host: string): Promise<Listening> {
	try {
		return await service.listen(port, host);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') throw new Error(`Port ${port} (${label}) is already in use. Stop the program using it, or choose another port with --${label}-port.`, { cause: error });
		if (code === 'EADDRNOTAVAIL') throw new Error(`This machine has no address ${host} to run ${label} on; check --host.`, { cause: error });
		throw error;
	}
}

export async function startServices(plan: StartPlan): Promise<Started> {
	const running: Service[] = [];
	const closeAll = async () => {
		// Reverse order: the proxy goes before the helpdesks it forwards to.
		const results = await Promise.allSettled(running.splice(0).reverse().map((service) => service.close()));
		const failure = results.find((result) => result.status === 'rejected');
		if (failure) throw failure.reason;
	};
	try {
		const host = reachableHost(plan.host);
		const sandboxes: SandboxInfo[] = [];
		const allowHosts = new Set<string>();
		for (const sandbox of plan.sandboxes) {
			const listening = await startOne(sandbox.name.toLowerCase(), sandbox.service, sandbox.port, plan.host);
			running.push(sandbox.service);
			sandboxes.push(sandbox.describe(listening));
			for (const port of [listening.port, ...(listening.alsoPorts ?? [])]) {
				allowHosts.add(hostWithPort('127.0.0.1', port));
				allowHosts.add(hostWithPort(host, port));
			}
		}
		const app = await startOne('app', plan.app.service, plan.app.port, plan.host);
		running.push(plan.app.service);
		const proxyService = plan.proxy.create([...allowHosts], appOrigins(plan.host, app.port));
		const proxy = await startOne('proxy', proxyService, plan.proxy.port, plan.host);
		running.push(proxyService);
		return { app, proxy, sandboxes, close: closeAll };
	} catch (error) {
		await closeAll().catch(() => undefined);
		throw error;
	}
}
