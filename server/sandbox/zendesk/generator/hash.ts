// Stateless seeded hashing: every generated value is a pure function of (seed, what, index), so nothing needs storing.
export function mix(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const part of parts) {
		// Split each part into two 32-bit halves so ids above 2^32 still change the hash.
		const low = part >>> 0;
		const high = Math.floor(part / 4294967296) >>> 0;
		for (const word of [low, high]) {
			h = Math.imul(h ^ word, 0x85ebca6b);
			h ^= h >>> 13;
			h = Math.imul(h, 0xc2b2ae35);
			h ^= h >>> 16;
		}
	}
	return h >>> 0;
}

/** A stable number for a label, so hashes can be namespaced by words instead of magic numbers. */
export function labelCode(label: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < label.length; i += 1) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** A float in [0, 1) for (seed, label, ...indexes). */
export function unit(seed: number, label: string, ...indexes: number[]): number {
	return mix(seed, labelCode(label), ...indexes) / 4294967296;
}

/** A whole number in [min, max] for (seed, label, ...indexes). */
export function between(seed: number, label: string, min: number, max: number, ...indexes: number[]): number {
	return min + Math.floor(unit(seed, label, ...indexes) * (max - min + 1));
}

export function pick<T>(items: readonly T[], seed: number, label: string, ...indexes: number[]): T {
	const item = items[Math.floor(unit(seed, label, ...indexes) * items.length)];
	if (item === undefined) throw new Error(`Cannot pick "${label}" from an empty list.`);
	return item;
}
