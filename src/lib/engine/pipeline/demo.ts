// The demo's tickets: a seeded random pick from the first tickets of the source, so the same seed picks the same tickets.
import type { SourceConnector } from '../connectors/source';
import type { Ticket } from '../model';

/** mulberry32: small, fast and good enough to pick tickets. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Picks `size` tickets out of the first `candidates` the source lists (reading every ticket would take hours on a big account). */
export async function sampleTickets(source: SourceConnector, options: { size: number; seed: number; candidates: number; signal?: AbortSignal; accept?: (ticket: Ticket) => boolean }): Promise<Ticket[]> {
	const pool: Ticket[] = [];
	for await (const page of source.tickets({ signal: options.signal })) {
		pool.push(...page.records.filter((ticket) => !ticket.deleted && (options.accept?.(ticket) ?? true)));
		if (pool.length >= options.candidates) break;
	}
	const random = seededRandom(options.seed);
	// Fisher–Yates on the first `size` places only.
	const picked = pool.slice(0, options.candidates);
	for (let index = 0; index < Math.min(options.size, picked.length); index++) {
		const other = index + Math.floor(random() * (picked.length - index));
		const chosen = picked[other]!;
		picked[other] = picked[index]!;
		picked[index] = chosen;
	}
	return picked.slice(0, options.size);
}
