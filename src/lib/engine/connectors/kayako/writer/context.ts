// What every writer step receives: the session, how to resolve references to migrated records, the options, the downloader.
import type { Attachment } from '../../../model';
import type { Words } from '../../../words';
import type { KayakoSession } from '../session';

/** The record kinds whose Kayako ids a writer step may ask for. */
export type ReferenceKind = 'users' | 'organizations' | 'teams' | 'fields';

/** Kayako's side of one migrated custom field, as `ensureField` found or created it. */
export interface FieldTarget {
	id: number;
	/** `field_values` is keyed by this, not by the id. */
	key: string;
	/** The Kayako field type (TEXT, SELECT, CHECKBOX, ...). */
	type: string;
	family: 'case' | 'user' | 'organization';
	/** The source's option value -> Kayako option id. */
	optionIds: Map<string, number>;
}

export interface WriterOptions {
	/** A tag added to every migrated case, e.g. "migrated-from-zendesk". */
	tagMigrated?: string;
	/** Puts "[#123]" before every subject, so people find a ticket by its old number. */
	oldIdInSubject?: boolean;
	/** The key of a Kayako case field (TEXT) that receives the ticket's CC addresses. */
	ccField?: string;
	/** Inline images: point `<img src>` at the uploaded file, or attach them to the post instead. */
	inlineImages: 'rewrite' | 'attach';
	skipAttachments?: boolean;
	/** Author of posts whose source author was not migrated. */
	defaultAgentId?: number;
	/** Requester of tickets whose source requester was not migrated. */
	defaultRequesterId?: number;
	/** The words of the migration's language, for everything the tool itself writes into Kayako; English when absent. */
	words?: Words;
	/** The time zone dates are written in; the machine's when absent. */
	timeZone?: string;
	/** Sleeps between job polls; tests shorten it. */
	sleep?: (ms: number) => Promise<void>;
}

export interface WriteContext {
	session: KayakoSession;
	/** Kayako id of an already migrated source record, or undefined. */
	resolve(kind: ReferenceKind, sourceId: string): number | undefined;
	/** Kayako field ids/keys and option ids per source field id, prepared by `ensureField`. */
	fieldTarget(sourceFieldId: string): FieldTarget | undefined;
	options: WriterOptions;
	download(attachment: Attachment): Promise<Blob>;
	/** The source user's name and e-mail ("Ann Lee (ann@example.com)"), for bylines and event notes; undefined when unknown. */
	userName?(sourceUserId: string): string | undefined;
}

/** Something the report should tell the user about one record, without failing it. */
export interface WriteWarning {
	sourceId: string;
	message: string;
}

/** A record's warnings as the one note its report row carries; undefined when there are none. */
export function noteOfWarnings(warnings: readonly WriteWarning[]): string | undefined {
	return warnings.length > 0 ? warnings.map((warning) => warning.message).join(' ') : undefined;
}

export interface Written {
	id: number;
	warnings: WriteWarning[];
	/** True when an existing Kayako record was matched instead of creating one. */
	matched?: boolean;
}

let sleepScale = 1;

/**
 * For tests only (the product never calls it, so its waits stay as written): real waits between job polls and lost-send
 * lookups last `scale` times as long, for a sandbox whose jobs run that much faster. The waits still count as written
 * (settle period, longest job), so each scenario plays out the same, only sooner. Holds for one test file's modules.
 */
export function scaleWriterWaitsForTests(scale: number): void {
	sleepScale = scale;
}

export function defaultSleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms * sleepScale));
}

const PAGE = 100;

/** Every row of an offset-paginated collection; Kayako clamps `limit` at 100, so always follow the next page. */
export async function listAll<T>(session: KayakoSession, path: string, searchParams: Record<string, string | number> = {}): Promise<T[]> {
	const rows: T[] = [];
	for (let offset = 0; ; offset += PAGE) {
		const envelope = await session.request<T[]>({ method: 'GET', path, searchParams: { ...searchParams, offset, limit: PAGE } });
		rows.push(...envelope.data);
		const total = envelope.total_count;
		if (envelope.data.length === 0 || (total !== undefined ? rows.length >= total : envelope.data.length < PAGE)) return rows;
	}
}

/** Splits a list into chunks (100 legacy ids per lookup, 200 cases per bulk call). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
	return out;
}

/** Kayako's localized string arrays. */
export function localized(text: string, locale = 'en-us'): { locale: string; translation: string }[] {
	return [{ locale: locale.toLowerCase(), translation: text }];
}
