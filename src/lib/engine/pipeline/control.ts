// Pause, resume and cancel for a running migration: checked between records, never in the middle of a write.
import { MigrationError } from '../errors';

export class RunControl {
	readonly #abort = new AbortController();
	#paused: { promise: Promise<void>; release: () => void } | undefined;

	get signal(): AbortSignal {
		return this.#abort.signal;
	}

	get paused(): boolean {
		return this.#paused !== undefined;
	}

	get cancelled(): boolean {
		return this.#abort.signal.aborted;
	}

	pause(): void {
		if (this.#paused || this.cancelled) return;
		let release = () => {};
		const promise = new Promise<void>((resolve) => (release = resolve));
		this.#paused = { promise, release };
	}

	resume(): void {
		const paused = this.#paused;
		this.#paused = undefined;
		paused?.release();
	}

	cancel(): void {
		this.#abort.abort();
		this.resume();
	}

	/** Waits while paused; throws `cancelled` once cancelled. Called before each record. */
	async checkpoint(): Promise<void> {
		while (this.#paused) await this.#paused.promise;
		if (this.cancelled) throw new MigrationError({ kind: 'cancelled', message: 'The run was cancelled.' });
	}
}
