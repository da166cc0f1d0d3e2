// Kayako's timestamps: ISO 8601 to the second with an explicit +00:00 offset; requests may send ISO or Unix seconds.
export function iso(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

/** Undefined when the value is neither an ISO 8601 date nor Unix seconds. */
export function parseTimestamp(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
	if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}
