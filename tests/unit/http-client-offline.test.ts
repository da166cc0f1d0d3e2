// A browser that goes offline mid-run: requests wait for the network instead of using up their retries, and nothing that may have run is sent twice.
import { describe, expect, it } from 'vitest';
import { MigrationError } from '../../src/lib/engine/errors';
import { HttpClient } from '../../src/lib/engine/http';
import { ManualClock, settle } from './http-manual-clock';

/** A browser's network as the HTTP client sees it: fetch fails like Chromium's offline fetch, and `online` is navigator.onLine. */
function browserNetwork() {
	const network = {
		online: true,
		/** Methods of the requests that reached the helpdesk. */
		reached: [] as string[],
		/** When set, the next request reaches the helpdesk, then the network goes away before its answer comes back. */
		loseNextAnswer: false,
		fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
			const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
			if (!network.online) throw new TypeError('Failed to fetch');
			network.reached.push(method);
			if (network.loseNextAnswer) {
				network.loseNextAnswer = false;
				network.online = false;
				throw new TypeError('Failed to fetch');
			}
			return new Response(JSON.stringify({ data: { id: network.reached.length } }), { status: method === 'POST' ? 201 : 200, headers: { 'content-type': 'application/json' } });
		}) as typeof fetch
	};
	return network;
}

function client(clock: ManualClock, network: ReturnType<typeof browserNetwork>): HttpClient {
	return new HttpClient({ clock, random: () => 0.5, fetch: network.fetch, online: () => network.online });
}

/** Two minutes offline, in the client's own clock: far longer than its five retries with backoff would last. */
async function offlineForTwoMinutes(clock: ManualClock, network: ReturnType<typeof browserNetwork>): Promise<void> {
	for (let second = 0; second < 120; second++) await clock.advance(1_000);
	network.online = true;
	await clock.advance(1_000);
	await settle();
}

describe('the HTTP client while the browser is offline', () => {
	it('keeps a GET waiting through two minutes offline and sends it once the network is back', async () => {
		const clock = new ManualClock();
		const network = browserNetwork();
		network.online = false;
		const outcome = client(clock, network)
			.send<{ data: { id: number } }>({ method: 'GET', url: 'https://acme.kayako.com/api/v1/cases.json' })
			.then((answer) => answer.body.data.id, (error: unknown) => error);
		await offlineForTwoMinutes(clock, network);
		expect(await outcome).toBe(1);
		expect(network.reached).toEqual(['GET']);
	});

	it('sends a create that could not leave the computer once the network is back, exactly once', async () => {
		const clock = new ManualClock();
		const network = browserNetwork();
		network.online = false;
		const outcome = client(clock, network)
			.send<{ data: { id: number } }>({ method: 'POST', url: 'https://acme.kayako.com/api/v1/cases.json', json: { subject: 'Printer on fire' } })
			.then((answer) => answer.body.data.id, (error: unknown) => error);
		await offlineForTwoMinutes(clock, network);
		expect(await outcome).toBe(1);
		expect(network.reached).toEqual(['POST']);
	});

	it('does not resend a create whose connection was lost on its way: its outcome is unknown, for the engine to look up', async () => {
		const clock = new ManualClock();
		const network = browserNetwork();
		network.loseNextAnswer = true;
		const error = await client(clock, network)
			.send({ method: 'POST', url: 'https://acme.kayako.com/api/v1/cases.json', json: { subject: 'Printer on fire' } })
			.then(() => undefined, (thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(MigrationError);
		expect((error as MigrationError).kind).toBe('unknown-outcome');
		expect(network.reached).toEqual(['POST']);
	});

	it('keeps a GET whose connection was lost on its way waiting for the network, and reads it again then', async () => {
		const clock = new ManualClock();
		const network = browserNetwork();
		network.loseNextAnswer = true;
		const outcome = client(clock, network)
			.send<{ data: { id: number } }>({ method: 'GET', url: 'https://acme.kayako.com/api/v1/cases.json' })
			.then((answer) => answer.body.data.id, (error: unknown) => error);
		await offlineForTwoMinutes(clock, network);
		expect(await outcome).toBe(2);
		expect(network.reached).toEqual(['GET', 'GET']);
	});
});
