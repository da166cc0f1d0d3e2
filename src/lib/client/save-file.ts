// Hands text to the browser as a file download (reports, settings, archives); nothing leaves the computer.
export function saveFile(fileName: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
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
