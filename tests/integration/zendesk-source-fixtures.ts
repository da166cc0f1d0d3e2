// Shared helpers for the Zendesk source tests: a connector on the sandbox whose HTTP waits move the sandbox's clock, and a recorder of answers.
import type { Credentials } from '../../src/lib/engine/credentials';
import { createZendeskSource, type ZendeskSourceConnector, type ZendeskSourceSettings } from '../../src/lib/engine/connectors/zendesk/connector';
import type { Page } from '../../src/lib/engine/connectors/source';
import { HttpClient, systemClock, type Clock } from '../../src/lib/engine/http';
import type { ZendeskSandbox } from '../../server/sandbox/zendesk/index';
import { CREDENTIALS } from './zendesk-sandbox-fixtures';

export const ADMIN: Credentials = { kind: 'api-token', email: CREDENTIALS.email, token: CREDENTIALS.apiToken };

/** One 200 JSON answer the connector read. */
export interface RecordedAnswer {
	url: string;
	body: unknown;
}

export interface SourceUnderTest {
	source: ZendeskSourceConnector;
	/** Every wait the HTTP client made, in ms. */
	waits: number[];
	recorded: RecordedAnswer[];
}

/** Per-attempt timeout: the one wait that runs on real time, told apart from the others by its length. */
const TIMEOUT_MS = 29_999;

/** Waits happen on the sandbox's clock: a Retry-After of a minute costs no real time, and the sandbox's limits see it pass. */
function sandboxClock(sandbox: ZendeskSandbox, waits: number[]): Clock {
	return {
		now: () => sandbox.now(),
		sleep(ms, signal) {
			if (ms === TIMEOUT_MS) return systemClock.sleep(ms, signal);
			if (signal?.aborted) return Promise.reject(signal.reason);
			waits.push(ms);
			sandbox.advanceClock(Math.max(0, ms));
			return new Promise((resolve) => setImmediate(resolve));
		}
	};
}

function recordingFetch(recorded: RecordedAnswer[]): typeof fetch {
	return async (input, init) => {
		const response = await fetch(input, init);
		const url = input instanceof Request ? input.url : String(input);
		if (response.status === 200 && (response.headers.get('content-type') ?? '').includes('json')) {
			// A cut or garbled answer is recorded as its text: the client under test must meet it as it came, not as a failed fetch.
			const text = await response.clone().text();
			try {
				recorded.push({ url, body: JSON.parse(text) as unknown });
			} catch {
				recorded.push({ url, body: text });
			}
		}
		return response;
	};
}

export function openSource(sandbox: ZendeskSandbox, settings: Partial<ZendeskSourceSettings> = {}, credentials: Credentials = ADMIN): SourceUnderTest {
	const waits: number[] = [];
	const recorded: RecordedAnswer[] = [];
	const http = new HttpClient({ fetch: recordingFetch(recorded), clock: sandboxClock(sandbox, waits), timeoutMs: TIMEOUT_MS, baseBackoffMs: 10, maxBackoffMs: 100 });
	const source = createZendeskSource(http, { subdomainUrl: sandbox.url, ...settings }, credentials);
	return { source, waits, recorded };
}

export async function allPages<T>(pages: AsyncIterable<Page<T>>): Promise<Page<T>[]> {
	const all: Page<T>[] = [];
	for await (const page of pages) all.push(page);
	return all;
}
