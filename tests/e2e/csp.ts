// Watches a browser context for Content-Security-Policy violations, in pages and in their Web Workers.
import type { BrowserContext, ConsoleMessage, Worker } from '@playwright/test';

const MARK = 'CSP violation:';

/**
 * Collects every CSP violation the context's pages and workers report: the `securitypolicyviolation` event (turned
 * into a console line by an init script) and Chromium's own "Refused to …" console errors. Call before opening pages.
 */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
	const violations: string[] = [];
	const onConsole = (message: ConsoleMessage) => {
		const text = message.text();
		if (text.startsWith(MARK) || (message.type() === 'error' && /Content Security Policy/i.test(text))) violations.push(text);
	};
	const watchWorker = (worker: Worker) => {
		worker.on('console', onConsole);
		void worker
			.evaluate((mark) => {
				self.addEventListener('securitypolicyviolation', (event) => console.error(`${mark} ${event.violatedDirective} blocked ${event.blockedURI} in a worker`));
			}, MARK)
			.catch(() => undefined);
	};
	await context.addInitScript((mark) => {
		document.addEventListener('securitypolicyviolation', (event) => console.error(`${mark} ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
	}, MARK);
	context.on('console', onConsole);
	context.on('page', (page) => page.on('worker', watchWorker));
	for (const page of context.pages()) page.on('worker', watchWorker);
	return violations;
}
