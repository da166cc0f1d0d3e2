// The highest RSS in each phase of a bench run (start-up, each entity, the results read after it), sampled every
// second: the process's one peak figure does not say where it came from, and a sample at a tenth of the tickets, taken
// after a forced GC, misses garbage piling up between collections.
const MB = 2 ** 20;

export class PhasePeaks {
	readonly #peaks = new Map<string, number>();
	#phase = 'start-up';
	readonly #timer: ReturnType<typeof setInterval>;

	constructor(intervalMs = 1_000) {
		// The process's own peak so far is start-up's: loading the code, opening the store.
		this.#peaks.set(this.#phase, process.resourceUsage().maxRSS / 1024);
		this.#timer = setInterval(() => this.#sample(), intervalMs);
		this.#timer.unref();
	}

	/** Moves to the phase a progress report names (or one the bench names: "results"). */
	readonly phase = (name: string): void => {
		if (name === this.#phase) return;
		this.#sample();
		// Printed as each phase ends: a run stopped early still tells what it saw.
		console.log(`peak RSS in ${this.#phase}: ${(this.#peaks.get(this.#phase) ?? 0).toFixed(0)} MB`);
		this.#phase = name;
		this.#sample();
	};

	/** Stops sampling; the highest RSS of each phase in MB, in the order the phases came. */
	stop(): Record<string, number> {
		this.#sample();
		clearInterval(this.#timer);
		return Object.fromEntries(this.#peaks);
	}

	#sample(): void {
		const rss = process.memoryUsage.rss() / MB;
		this.#peaks.set(this.#phase, Math.max(this.#peaks.get(this.#phase) ?? 0, rss));
	}
}

export function phasePeaksLine(peaks: Record<string, number> | undefined): string[] {
	if (!peaks) return [];
	return [`peak RSS by phase (MB): ${Object.entries(peaks).map(([phase, mb]) => `${phase} ${mb.toFixed(0)}`).join(', ')}`];
}
