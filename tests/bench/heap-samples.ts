// The bench's memory over a run: live heap after a forced GC and RSS at fixed shares of the tickets, so flatness shows
// in the printed figures and the JSON; with --heap-snapshot, a V8 heap snapshot at half the tickets and one at the end.
import { writeHeapSnapshot } from 'node:v8';
import type { ProgressReport } from '../../src/lib/engine/pipeline/progress';

export interface HeapSample {
	/** Tickets handled (migrated, failed, skipped) when the sample was taken. */
	tickets: number;
	/** Live heap after a forced GC, MB. */
	heapMb: number;
	rssMb: number;
	/** V8's heap as reserved (live and garbage), and memory outside it (Buffers, ArrayBuffers), MB: what RSS holds besides. */
	heapTotalMb: number;
	externalMb: number;
}

/** Samples taken over a run; ten by default, each at the next tenth of the tickets. */
const SAMPLES = 10;
const MB = 2 ** 20;

export class HeapSampler {
	readonly samples: HeapSample[] = [];
	readonly snapshots: string[] = [];
	#next: number;
	readonly #step: number;
	#snapshotAt: number | undefined;

	constructor(
		private readonly tickets: number,
		private readonly gc: () => void,
		snapshot: boolean,
		private readonly folder: string
	) {
		this.#step = Math.max(1, Math.ceil(tickets / SAMPLES));
		this.#next = this.#step;
		this.#snapshotAt = snapshot ? Math.ceil(tickets / 2) : undefined;
	}

	/** For the run's onProgress: a sample each time the tickets handled pass the next step. */
	readonly onProgress = (report: ProgressReport): void => {
		const done = report.entities.tickets?.total ?? 0;
		if (done >= this.#next) {
			const sample = this.sample(done);
			// Printed as it is taken too: a run of hours shows whether it stays flat long before it ends.
			console.log(`memory at ${done} tickets: live heap after GC ${sample.heapMb.toFixed(1)} MB, RSS ${sample.rssMb.toFixed(0)} MB, V8 heap reserved ${sample.heapTotalMb.toFixed(0)} MB`);
			while (this.#next <= done) this.#next += this.#step;
		}
		if (this.#snapshotAt !== undefined && done >= this.#snapshotAt) {
			this.#snapshotAt = undefined;
			this.snapshot(`${done}t`);
		}
	};

	sample(tickets: number): HeapSample {
		this.gc();
		const memory = process.memoryUsage();
		const sample = { tickets, heapMb: memory.heapUsed / MB, rssMb: memory.rss / MB, heapTotalMb: memory.heapTotal / MB, externalMb: memory.external / MB };
		this.samples.push(sample);
		return sample;
	}

	snapshot(label: string): string {
		const file = writeHeapSnapshot(`${this.folder}${new Date().toISOString().replace(/[:.]/g, '-')}-${this.tickets}t-at-${label}.heapsnapshot`);
		this.snapshots.push(file);
		return file;
	}
}

/** "heap after GC MB at tickets: 100 → 18.2, 200 → 18.4 …" and the same for RSS, one line each. */
export function sampleLines(samples: readonly HeapSample[]): string[] {
	if (samples.length === 0) return [];
	const line = (what: string, value: (sample: HeapSample) => number) => `${what} at tickets: ${samples.map((each) => `${each.tickets} → ${value(each).toFixed(1)}`).join(', ')}`;
	return [
		line('live heap after GC (MB)', (each) => each.heapMb),
		line('RSS (MB)', (each) => each.rssMb),
		line('V8 heap reserved (MB)', (each) => each.heapTotalMb),
		line('outside the V8 heap: Buffers (MB)', (each) => each.externalMb)
	];
}
