// The run control the commands hand the pipeline: it also knows when a paused run has actually stopped between two records.
import { RunControl } from '../pipeline/control';

/**
 * A pause takes hold only at the next checkpoint: the record in flight finishes first. Until then the run is
 * "pausing"; `onHeld` says when it waits, so the page can say "paused" only when nothing moves any more.
 */
export class HeldRunControl extends RunControl {
	#held = false;

	constructor(private readonly onHeld: () => void) {
		super();
	}

	/** Paused, and the pipeline waits at a checkpoint: nothing is being written. */
	get held(): boolean {
		return this.#held && this.paused;
	}

	/** Paused, but the record in flight is still being written. */
	get pausing(): boolean {
		return this.paused && !this.#held;
	}

	override async checkpoint(): Promise<void> {
		if (!this.paused || this.cancelled) return super.checkpoint();
		this.#held = true;
		this.onHeld();
		try {
			await super.checkpoint();
		} finally {
			this.#held = false;
		}
	}
}
