// The sandbox's own URLs that generated records point at: attachment and user photo downloads, API self links.
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

/** A user's picture on the account's host, as Zendesk's `https://<account>.zendesk.com/system/photos/<id>/<name>`. */
export function photoContentUrl(baseUrl: string, photo: { id: number; file_name: string }): string {
	return `${baseUrl}/system/photos/${photo.id}/${encodeURIComponent(photo.file_name)}`;
}

/** Where the account's host redirects a photo download: the file host, same path, signed like an attachment. */
export function signedPhotoUrl(filesUrl: string, seed: number, photo: { id: number; file_name: string }, expires: number): string {
	return `${photoContentUrl(filesUrl, photo)}?expires=${expires}&signature=${signatureOf(seed, photo.id, expires)}`;
}
