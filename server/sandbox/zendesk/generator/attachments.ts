// Attachment metadata (names, types, sizes from 0 bytes to tens of MB) and the download tokens that name them.
import { attachmentId, type AccountPlan } from '../plan';
import { between, mix, pick, unit } from './hash';

export interface AttachmentRecord {
	id: number;
	token: string;
	file_name: string;
	content_type: string;
	size: number;
	inline: boolean;
	/** Null on files that are not images, as real Zendesk lists them (real profile). */
	width?: number | null;
	height?: number | null;
	/** Listed with a thumbnail (real profile's images). */
	thumbnail?: boolean;
}

const FILES: readonly [name: string, type: string][] = [
	['invoice.pdf', 'application/pdf'],
	['Rechnung März 2024.pdf', 'application/pdf'],
	['請求書.pdf', 'application/pdf'],
	['crash.log', 'text/plain'],
	['export.csv', 'text/csv'],
	['contrat signé.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
	['logs.zip', 'application/zip'],
	['photo of damage.jpg', 'image/jpeg'],
	['screenshot 😀.png', 'image/png'],
	['notes.txt', 'text/plain']
];

/** Most files are small, some are megabytes, a few are empty and a rare one is tens of megabytes. */
function sizeOf(plan: AccountPlan, id: number): number {
	return Math.round(unscaledSizeOf(plan, id) * plan.attachmentScale);
}

function unscaledSizeOf(plan: AccountPlan, id: number): number {
	const roll = unit(plan.seed, 'attachment-size', id);
	if (roll < 0.08) return 0;
	if (roll < 0.6) return between(plan.seed, 'size-small', 100, 200_000, id);
	if (roll < 0.95) return between(plan.seed, 'size-medium', 200_001, 3_000_000, id);
	if (roll < 0.995) return between(plan.seed, 'size-large', 3_000_001, 9_000_000, id);
	return between(plan.seed, 'size-huge', 12_000_000, 40_000_000, id);
}

/** A token that carries the id but cannot be guessed without the seed, like Zendesk's opaque ones. */
export function attachmentToken(seed: number, id: number): string {
	return `${mix(seed, id).toString(36).padStart(7, '0')}${id.toString(36)}`;
}

export function attachmentIdFromToken(seed: number, token: string): number | undefined {
	if (!/^[0-9a-z]{8,}$/.test(token)) return undefined;
	const id = parseInt(token.slice(7), 36);
	return Number.isSafeInteger(id) && attachmentToken(seed, id) === token ? id : undefined;
}

export function fileAttachment(plan: AccountPlan, ticketId: number, position: number, slot: number): AttachmentRecord {
	const id = attachmentId(ticketId, position, slot);
	const [fileName, contentType] = pick(FILES, plan.seed, 'attachment-file', id);
	const size = sizeOf(plan, id);
	const image = contentType.startsWith('image/');
	return {
		id,
		token: attachmentToken(plan.seed, id),
		file_name: size === 0 ? `empty-${fileName}` : fileName,
		content_type: contentType,
		size,
		inline: false,
		...(image && { width: between(plan.seed, 'width', 320, 4000, id), height: between(plan.seed, 'height', 240, 3000, id) })
	};
}

/** Inline images live in slots 5 and up, so a comment's files and its pasted images never share an id. */
export function inlineImage(plan: AccountPlan, ticketId: number, position: number, slot: number): AttachmentRecord {
	const id = attachmentId(ticketId, position, 5 + slot);
	const png = unit(plan.seed, 'inline-type', id) < 0.6;
	return {
		id,
		token: attachmentToken(plan.seed, id),
		file_name: png ? `image${slot === 0 ? '' : slot}.png` : `pasted-${slot}.jpg`,
		content_type: png ? 'image/png' : 'image/jpeg',
		size: Math.max(1, Math.round(between(plan.seed, 'inline-size', 2_000, 400_000, id) * plan.attachmentScale)),
		inline: true,
		width: between(plan.seed, 'width', 120, 1600, id),
		height: between(plan.seed, 'height', 80, 1200, id)
	};
}
