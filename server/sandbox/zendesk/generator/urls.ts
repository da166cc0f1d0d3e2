// The sandbox's own URLs that generated records point at: attachment downloads and API self links.
import type { AttachmentRecord } from './attachments';
import { labelCode, mix } from './hash';

export function attachmentContentUrl(baseUrl: string, attachment: Pick<AttachmentRecord, 'token' | 'file_name'>): string {
	return `${baseUrl}/attachments/token/${attachment.token}/?name=${encodeURIComponent(attachment.file_name)}`;
}

export function apiUrl(baseUrl: string, path: string): string {
	return `${baseUrl}/api/v2/${path}.json`;
}

/** The signature of a file URL: unguessable without the seed, bound to the file and the expiry. */
export function signatureOf(seed: number, attachmentId: number, expires: number): string {
	return `${mix(seed, labelCode('signed-download'), attachmentId, expires).toString(36)}${mix(expires, attachmentId, seed).toString(36)}`;
}

/** Where the account's host redirects a download: the file host, same path, with an expiry and a signature. */
export function signedAttachmentUrl(filesUrl: string, seed: number, attachment: Pick<AttachmentRecord, 'id' | 'token' | 'file_name'>, expires: number): string {
	return `${filesUrl}/attachments/token/${attachment.token}/?name=${encodeURIComponent(attachment.file_name)}&expires=${expires}&signature=${signatureOf(seed, attachment.id, expires)}`;
}
