// Hands text or a file's bytes to the browser as a download (reports, settings, archives); nothing leaves the computer.
export function saveFile(fileName: string, content: string | Blob, type: string): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : new Blob([content], { type });
	const url = URL.createObjectURL(blob);
	const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked later: some browsers read the blob after click() returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** German letters spelled the way German writes them without umlauts: "Frühjahr" is "Fruehjahr", not "Fruhjahr". */
const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' };

/** A file name from a migration's name: letters, digits and dashes only; accents dropped (é is e), umlauts spelled out. */
export function fileSafe(name: string): string {
	return (
		name
			.replace(/[äöüÄÖÜßẞ]/g, (letter) => SPELLED_OUT[letter] ?? letter)
			.normalize('NFKD')
			// The accents NFKD splits off ("é" is "e" and a combining mark) go, so they do not become dashes mid-word.
			.replace(/\p{M}+/gu, '')
			.replace(/[^\w-]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.toLowerCase() || 'migration'
	);
}
