// Zendesk's timestamp format: ISO 8601 in UTC to the second, e.g. "2009-07-20T22:55:29Z".
export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function unixSeconds(ms: number): number {
	return Math.floor(ms / 1000);
}
