// A full-page screenshot per wizard step, kept in test-results/screenshots/<step>.png for people to look at.
import type { Page } from '@playwright/test';

export async function saveStepScreenshot(page: Page, step: string): Promise<void> {
	// Fonts and images first, so the picture shows what a person would see.
	await page.evaluate(() => document.fonts.ready);
	await page.screenshot({ path: `test-results/screenshots/${step}.png`, fullPage: true });
}
