// Stateless seeded hashing: every generated value is a pure function of (seed, what, index), so nothing needs storing.
export function mix(...parts: number[]): number {
	let h = MIX_START;
	for (const part of parts) h = mixPart(h, part);
	return h >>> 0;
}

export const MIX_START = 0x9e3779b9;

/** One step of `mix`: `mix(a, b)` is `mixPart(mixPart(MIX_START, a), b) >>> 0`, so a hot loop can hash a shared prefix once. */
export function mixPart(state: number, part: number): number {
	// Split each part into two 32-bit halves so ids above 2^32 still change the hash.
	let h = mixWord(state, part >>> 0);
	h = mixWord(h, Math.floor(part / 4294967296) >>> 0);
	return h;
}

function mixWord(state: number, word: number): number {
	let h = Math.imul(state ^ word, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
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
