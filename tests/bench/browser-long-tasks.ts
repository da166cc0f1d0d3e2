// Main-thread tasks of 50 ms or more (the browser's Long Tasks API), reported from every document the tab loads to the
// bench's process as they happen, so a reload loses none.
import type { BrowserContext } from '@playwright/test';

export interface LongTask {
	/** When it started, ms since the bench began. */
	atMs: number;
	durationMs: number;
}

const BINDING = '__benchLongTask';

export class LongTasks {
	readonly all: LongTask[] = [];

	constructor(private readonly startedAt: number) {}

	async watch(context: BrowserContext): Promise<void> {
		await context.exposeBinding(BINDING, (_source, startedAt: number, durationMs: number) => {
			this.all.push({ atMs: Math.round(startedAt - this.startedAt), durationMs: Math.round(durationMs) });
		});
		await context.addInitScript((binding: string) => {
			const report = (globalThis as unknown as Record<string, (startedAt: number, durationMs: number) => void>)[binding]!;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) void report(performance.timeOrigin + entry.startTime, entry.duration);
			}).observe({ type: 'longtask', buffered: true });
		}, BINDING);
	}

	/** The tasks that began at or after `fromMs` (bench time) and before `toMs`. */
	between(fromMs: number, toMs: number): LongTask[] {
		return this.all.filter((task) => task.atMs >= fromMs && task.atMs < toMs);
	}
}

export function longTaskFigures(tasks: LongTask[]): { count: number; longestMs: number; totalMs: number } {
	return { count: tasks.length, longestMs: Math.max(0, ...tasks.map((task) => task.durationMs)), totalMs: tasks.reduce((sum, task) => sum + task.durationMs, 0) };
}
