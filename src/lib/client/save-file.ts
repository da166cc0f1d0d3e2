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

/** A file name from a migration's name: letters, digits and dashes only. */
export function fileSafe(name: string): string {
	return name.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'migration';
}
