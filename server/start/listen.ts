// Starting and stopping a node:http server as promises, the way every server of `npm start` does it.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
	port: number;
	url: string;
	/** Further ports the service answers on (the Zendesk sandbox's file host): the proxy forwards to them too. */
	alsoPorts?: number[];
}

/** Port 0 picks a free port; the URL uses the host as given (brackets added for IPv6). */
export function listen(server: Server, port: number, host: string): Promise<Listening> {
	return new Promise((resolve, reject) => {
		const onError = (error: Error) => reject(error);
		server.once('error', onError);
		server.listen(port, host, () => {
			server.off('error', onError);
			const address = server.address() as AddressInfo;
			const urlHost = host.includes(':') ? `[${host}]` : host;
			resolve({ port: address.port, url: `http://${urlHost}:${address.port}` });
		});
	});
}

/** Stops accepting, then drops kept-alive and in-flight connections so shutdown never hangs. */
export function closeServer(server: Server): Promise<void> {
	if (!server.listening) return Promise.resolve();
	return new Promise((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		server.closeAllConnections();
	});
}
