// The browser bench's view of JavaScript heaps through the DevTools protocol: the page's own, and each dedicated
// worker's (the engine's), which no page API reports (`performance.memory` exists in windows only).
import type { Browser, CDPSession, Page } from '@playwright/test';

const MB = 2 ** 20;

interface HeapUsage {
	usedSize: number;
	totalSize: number;
}

type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

/**
 * A worker's target, reached through the browser's session. Playwright already holds the flat session it drives
 * workers with, so this one attaches a second, message-wrapped session (`Target.sendMessageToTarget`).
 */
async function attachToWorker(browserSession: CDPSession, targetId: string): Promise<Send> {
	const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
	const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	let lastId = 0;
	browserSession.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
		if (event.sessionId !== sessionId) return;
		const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
		const waiter = message.id === undefined ? undefined : waiting.get(message.id);
		if (!waiter) return;
		waiting.delete(message.id!);
		if (message.error) waiter.reject(new Error(message.error.message));
		else waiter.resolve(message.result);
	});
	return (method, params = {}) =>
		new Promise((resolve, reject) => {
			const id = ++lastId;
			waiting.set(id, { resolve, reject });
			browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
		});
}

export interface HeapReading {
	/** Used heap, MB; after a forced collection when `afterGc`. */
	pageMb: number;
	workerMb: number | undefined;
}

export class BrowserHeaps {
	#browserSession: CDPSession | undefined;
	#pageSession: CDPSession | undefined;
	#worker: { targetId: string; send: Send } | undefined;

	constructor(
		private readonly browser: Browser,
		private readonly page: Page
	) {}

	async open(): Promise<void> {
		this.#browserSession = await this.browser.newBrowserCDPSession();
		this.#pageSession = await this.page.context().newCDPSession(this.page);
	}

	/** The page's dedicated worker (the engine); attached again if the page made a new one. */
	async #engine(): Promise<Send | undefined> {
		const { targetInfos } = (await this.#browserSession!.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
		const origin = new URL(this.page.url()).origin;
		const workers = targetInfos.filter((target) => target.type === 'worker' && target.url.startsWith(origin));
		if (workers.length === 0) return undefined;
		const target = workers[workers.length - 1]!;
		if (this.#worker?.targetId !== target.targetId) this.#worker = { targetId: target.targetId, send: await attachToWorker(this.#browserSession!, target.targetId) };
		return this.#worker.send;
	}

	/** Used heap of the page and the engine worker; with `afterGc`, each collected first (the live heap). */
	async read(afterGc: boolean): Promise<HeapReading> {
		const engine = await this.#engine();
		if (afterGc) {
			await this.#pageSession!.send('HeapProfiler.collectGarbage');
			await engine?.('HeapProfiler.collectGarbage');
		}
		const page = (await this.#pageSession!.send('Runtime.getHeapUsage')) as HeapUsage;
		const worker = (await engine?.('Runtime.getHeapUsage')) as HeapUsage | undefined;
		return { pageMb: round(page.usedSize / MB), workerMb: worker && round(worker.usedSize / MB) };
	}
}

const round = (mb: number) => Math.round(mb * 10) / 10;
