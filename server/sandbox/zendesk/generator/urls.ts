// The sandbox's own URLs that generated records point at: attachment downloads and API self links.
import type { AttachmentRecord } from './attachments';

export function attachmentContentUrl(baseUrl: string, attachment: Pick<AttachmentRecord, 'token' | 'file_name'>): string {
	return `${baseUrl}/attachments/token/${attachment.token}/?name=${encodeURIComponent(attachment.file_name)}`;
}

export function apiUrl(baseUrl: string, path: string): string {
	return `${baseUrl}/api/v2/${path}.json`;
}
