// The accessibility check of a page: axe-core in the real browser; serious and critical violations fail the test.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page as it is now and fails with each blocking violation named, with the elements it found. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const blocking = violations
		.filter((violation) => BLOCKING.has(violation.impact ?? ''))
		.map((violation) => `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
	expect(blocking, `serious or critical accessibility violations on ${what}`).toEqual([]);
}
