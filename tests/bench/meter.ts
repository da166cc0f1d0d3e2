// The bench's request meter: a fetch that counts requests per host and endpoint, 429s, and requests in flight over time.

export interface EndpointCount {
	requests: number;
	tooMany: number;
}

export interface HostMeter {
	requests: number;
	tooMany: number;
	endpoints: Map<string, EndpointCount>;
	inFlight: number;
	peakInFlight: number;
	/** Integral of requests in flight over time (ms), for the time-weighted mean. */
	inFlightMs: number;
	busySince: number;
	lastChange: number;
	/** Sum of each request's time to its answer's headers (ms). */
	answerMs: number;
}

/** "GET /acme/api/v1/cases/:id/posts.json": path parts holding a digit (ids, tokens; not "v1") become :id, the query is dropped. */
export function endpointName(method: string, url: URL): string {
	const path = url.pathname
		.split('/')
		.map((part) => {
			const [stem = '', ...rest] = part.split('.');
			return /\d/.test(stem) && !/^v\d+$/.test(stem) ? [':id', ...rest].join('.') : part;
		})
		.join('/');
	return `${method.toUpperCase()} ${path}`;
}

export class RequestMeter {
	readonly hosts = new Map<string, HostMeter>();
	readonly #now: () => number;

	constructor(
		private readonly proxyUrl: string,
		now: () => number = () => performance.now()
	) {
		this.#now = now;
	}

	/** A fetch for the engine: forwards to the real one and records what went where. */
	readonly fetch: typeof fetch = async (input, init) => {
		const request = input instanceof Request ? input : undefined;
		const raw = String(request ? request.url : input);
		const target = new URL(raw.startsWith(this.proxyUrl) ? raw.slice(this.proxyUrl.replace(/\/$/, '').length + 1) : raw);
		const host = this.#host(target.host);
		const endpoint = endpointName(init?.method ?? request?.method ?? 'GET', target);
		const count = host.endpoints.get(endpoint) ?? { requests: 0, tooMany: 0 };
		host.endpoints.set(endpoint, count);
		host.requests += 1;
		count.requests += 1;
		const started = this.#now();
		this.#change(host, +1);
		try {
			const response = await fetch(input, init);
			if (response.status === 429) {
				host.tooMany += 1;
				count.tooMany += 1;
			}
			return response;
		} finally {
			host.answerMs += this.#now() - started;
			this.#change(host, -1);
		}
	};

	/** Mean requests in flight from the host's first request to `until`. */
	meanInFlight(host: HostMeter, until = this.#now()): number {
		const span = until - host.busySince;
		return span > 0 ? (host.inFlightMs + host.inFlight * (until - host.lastChange)) / span : 0;
	}

	#host(name: string): HostMeter {
		let host = this.hosts.get(name);
		if (!host) {
			const now = this.#now();
			host = { requests: 0, tooMany: 0, endpoints: new Map(), inFlight: 0, peakInFlight: 0, inFlightMs: 0, busySince: now, lastChange: now, answerMs: 0 };
			this.hosts.set(name, host);
		}
		return host;
	}

	#change(host: HostMeter, by: number): void {
		const now = this.#now();
		host.inFlightMs += host.inFlight * (now - host.lastChange);
		host.lastChange = now;
		host.inFlight += by;
		host.peakInFlight = Math.max(host.peakInFlight, host.inFlight);
	}
}
