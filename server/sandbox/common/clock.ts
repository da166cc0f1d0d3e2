// A clock a test can move forward: the real (or injected) time plus an offset.
export interface OffsetClock {
	now(): number;
	advance(ms: number): void;
	reset(): void;
}

export function createOffsetClock(base: () => number = Date.now): OffsetClock {
	let offset = 0;
	return {
		now: () => base() + offset,
		advance(ms) {
			if (!Number.isFinite(ms) || ms < 0) throw new Error(`The clock only moves forward: ${ms} ms is not a positive number.`);
			offset += ms;
		},
		reset() {
			offset = 0;
		}
	};
}
