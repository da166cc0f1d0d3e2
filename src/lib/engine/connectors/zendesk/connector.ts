// The Zendesk source: Support and Help Center read page by page through the engine's HTTP client, mapped into the canonical model.
import type { Credentials } from '../../credentials';
import { MigrationError } from '../../errors';
import type { HttpClient } from '../../http';
import type { Article, Attachment, Comment, FieldDefinition, KbCategory, KbSection, Organization, SourceId, Team, Ticket, User } from '../../model';
import type { CountedEntity, OrganizationMatches, Page, ReadOptions, SourceAccount, SourceConnector } from '../source';
import { ZendeskClient } from './client';
import { ExportedComments } from './export-comments';
import { countOf } from './count';
import { ZendeskLookups } from './lookups';
import { mapProfileField, mapTicketField } from './map-fields';
import { inTimeOrder, mapAuditEvent } from './map-events';
import { mapArticle, mapCategory, mapSection } from './map-help-center';
import { mapOrganization, mapTeam, mapUser } from './map-people';
import { mapComment, mapTicket } from './map-ticket';
import { mapAttachment } from './map-values';
import { autocompleteOrganizations } from './organization-search';
import { readStaff } from './staff';
import { chained, cursorExport, cursorList, type RawPage } from './pages';
import type { ZendeskArticle, ZendeskArticleAttachment, ZendeskAudit, ZendeskCategory, ZendeskComment, ZendeskGroup, ZendeskIdentity, ZendeskOrganization, ZendeskProfileField, ZendeskSection, ZendeskTicket, ZendeskTicketField, ZendeskTicketMetricSet, ZendeskUser } from './types';
import { webLink, zendeskBaseUrl, type LinkedKind } from './url';

export interface ZendeskSourceSettings {
	/** What the user typed: `acme`, `acme.zendesk.com` or a full address. */
	subdomainUrl: string;
	/** Read each user's identities too (secondary addresses, phone numbers): one more request per user. Default false. */
	readIdentities?: boolean;
	/** `per_page` of the incremental exports; Zendesk's default (1000) when absent. */
	exportPageSize?: number;
	/** Add a private event comment for each audit that changed status, assignee, group or a custom field: one more request per ticket. Default false. */
	eventsAsComments?: boolean;
	/**
	 * Read comments in bulk from the ticket-events export (`include=comment_events`), each ticket's comments held until
	 * the ticket comes; a ticket the export cannot vouch for is read alone as before. Default false: not yet checked
	 * against a real account (docs/zendesk-comments-export.md lists what is open).
	 */
	commentsFromExport?: boolean;
	/** How many comments the export's spool holds for tickets still to come; default 5,000. */
	exportCommentSpool?: number;
}

const TICKET_EXPORT = '/api/v2/incremental/tickets/cursor.json';
const USER_EXPORT = '/api/v2/incremental/users/cursor.json';
/** Ids per `users/show_many` request: Zendesk's documented maximum. */
const SHOW_MANY = 100;

/** The common source port, with the search of organizations by name that Zendesk offers. */
export type ZendeskSourceConnector = SourceConnector & Required<Pick<SourceConnector, 'searchOrganizations'>>;

export function createZendeskSource(http: HttpClient, settings: ZendeskSourceSettings, credentials: Credentials): ZendeskSourceConnector {
	return new ZendeskSource(new ZendeskClient(http, zendeskBaseUrl(settings.subdomainUrl), credentials), settings);
}

class ZendeskSource implements ZendeskSourceConnector {
	readonly platform = 'zendesk';
	readonly host: string;
	readonly #lookups: ZendeskLookups;
	readonly #exported: ExportedComments | undefined;

	constructor(
		private readonly client: ZendeskClient,
		private readonly settings: ZendeskSourceSettings
	) {
		this.host = client.host;
		this.#lookups = new ZendeskLookups(client);
		if (settings.commentsFromExport) {
			const options = { ...(settings.exportCommentSpool !== undefined && { maxComments: settings.exportCommentSpool }), ...(settings.exportPageSize !== undefined && { perPage: settings.exportPageSize }) };
			this.#exported = new ExportedComments(client, options);
		}
	}

	async testConnection(): Promise<SourceAccount> {
		const { user } = await this.client.get<{ user?: ZendeskUser & { id: number | null } }>('/api/v2/users/me.json');
		// Zendesk answers a wrong password on /users/me with 200 and its anonymous user rather than a 401.
		if (!user || user.id === null) {
			throw new MigrationError({ kind: 'auth-failed', host: this.host, message: `Zendesk at ${this.host} did not recognise the login. Check the e-mail address and the password or API token.` });
		}
		const account = { host: this.host, userName: user.name ?? '', email: user.email ?? '', role: user.role ?? 'unknown' };
		if (user.role !== 'admin') {
			throw new MigrationError({
				kind: 'not-admin',
				host: this.host,
				message: `${account.email} is logged in to ${this.host} as ${account.role}, but Zendesk's exports are for administrators only. Use an admin account or an admin's API token.`
			});
		}
		return account;
	}

	count(entity: CountedEntity, signal?: AbortSignal): Promise<number | undefined> {
		return countOf(this.client, entity, signal, () => this.fields({ signal }));
	}

	staff(signal?: AbortSignal): Promise<User[]> {
		return readStaff(this.client, this.#lookups, signal);
	}

	async *teams(options: ReadOptions = {}): AsyncIterable<Page<Team>> {
		// Deleted groups are left out: old tickets may still name them, and the writer decides what such a ticket gets.
		for await (const page of cursorList<ZendeskGroup>(this.client, { path: '/api/v2/groups.json', key: 'groups' }, options)) {
			yield pageOf(page, page.records.filter((group) => group.deleted !== true).map(mapTeam));
		}
	}

	async *fields(options: ReadOptions = {}): AsyncIterable<Page<FieldDefinition>> {
		const part = <R>(key: string, map: (record: R) => FieldDefinition) => ({
			name: key,
			read: (after: string | undefined) => mapPages(cursorList<R>(this.client, { path: `/api/v2/${key}.json`, key }, { ...options, after: after ?? null }), map)
		});
		const parts = [
			part<ZendeskTicketField>('ticket_fields', mapTicketField),
			part<ZendeskProfileField>('user_fields', (field) => mapProfileField(field, 'user')),
			part<ZendeskProfileField>('organization_fields', (field) => mapProfileField(field, 'organization'))
		];
		for await (const page of chained<FieldDefinition>(parts, options.after)) yield pageOf(page, page.records);
	}

	async *organizations(options: ReadOptions = {}): AsyncIterable<Page<Organization>> {
		// Zendesk exports organizations only by time (whole seconds, with repeats), so they are listed by cursor and filtered here.
		const fieldIds = await this.#lookups.organizationFieldIds.get(options.signal);
		for await (const page of cursorList<ZendeskOrganization>(this.client, { path: '/api/v2/organizations.json', key: 'organizations' }, options)) {
			yield pageOf(page, page.records.filter((organization) => changedSince(organization.updated_at, options.since)).map((organization) => mapOrganization(organization, fieldIds)));
		}
	}

	async *users(options: ReadOptions = {}): AsyncIterable<Page<User>> {
		this.#lookups.teamIdsByUser.forget();
		for await (const page of cursorExport<ZendeskUser>(this.client, { path: USER_EXPORT, key: 'users', query: this.#exportQuery() }, options)) {
			yield pageOf(page, await this.#mapUsers(page.records, options.signal));
		}
	}

	async *tickets(options: ReadOptions = {}): AsyncIterable<Page<Ticket>> {
		// `support_type_scope=all` brings the tickets an AI agent handled too; `include=users` gives the CCs' addresses,
		// `metric_sets` the solve times, in the same answer.
		const query = { ...this.#exportQuery(), include: 'users,metric_sets', support_type_scope: 'all' };
		for await (const page of cursorExport<ZendeskTicket>(this.client, { path: TICKET_EXPORT, key: 'tickets', query }, options)) {
			const lookups = await this.#ticketLookups(page.body, options.signal);
			this.#announce(page.records, options);
			// Deleted tickets come too: the pipeline skips them, or closes the case an earlier run made of one.
			yield pageOf(page, page.records.map((ticket) => mapTicket(ticket, lookups)));
		}
	}

	async comments(ticketId: SourceId, signal?: AbortSignal): Promise<Comment[]> {
		const exported = this.#exported && /^\d+$/.test(ticketId) ? await this.#exported.take(Number(ticketId), signal) : undefined;
		if (exported) {
			const comments = exported.map((comment) => mapComment(comment, ticketId));
			return this.settings.eventsAsComments ? inTimeOrder(comments, await this.#eventComments(ticketId, signal)) : comments;
		}
		const comments: Comment[] = [];
		// Zendesk lists comments oldest first; inline images are listed only when asked for.
		const request = { path: `/api/v2/tickets/${encodeURIComponent(ticketId)}/comments.json`, key: 'comments', query: { include_inline_images: true } };
		for await (const page of cursorList<ZendeskComment>(this.client, request, signal ? { signal } : {})) comments.push(...page.records.map((comment) => mapComment(comment, ticketId)));
		return this.settings.eventsAsComments ? inTimeOrder(comments, await this.#eventComments(ticketId, signal)) : comments;
	}

	async *kbCategories(options: ReadOptions = {}): AsyncIterable<Page<KbCategory>> {
		for await (const page of cursorList<ZendeskCategory>(this.client, { path: '/api/v2/help_center/categories.json', key: 'categories' }, options)) yield pageOf(page, page.records.map(mapCategory));
	}

	async *kbSections(options: ReadOptions = {}): AsyncIterable<Page<KbSection>> {
		for await (const page of cursorList<ZendeskSection>(this.client, { path: '/api/v2/help_center/sections.json', key: 'sections' }, options)) yield pageOf(page, page.records.map(mapSection));
	}

	async *articles(options: ReadOptions = {}): AsyncIterable<Page<Article>> {
		for await (const page of cursorList<ZendeskArticle>(this.client, { path: '/api/v2/help_center/articles.json', key: 'articles' }, options)) {
			const articles: Article[] = [];
			for (const article of page.records.filter((candidate) => changedSince(candidate.updated_at, options.since))) {
				articles.push(mapArticle(article, await this.#articleAttachments(article.id, options.signal)));
			}
			yield pageOf(page, articles);
		}
	}

	async user(id: SourceId, signal?: AbortSignal): Promise<User | undefined> {
		const body = await this.client.find<{ user: ZendeskUser }>(`/api/v2/users/${encodeURIComponent(id)}.json`, {}, signal);
		// A deleted requester still owns its tickets; Zendesk keeps it under /deleted_users until it is deleted permanently.
		const deleted = body ? undefined : await this.client.find<{ deleted_user: ZendeskUser }>(`/api/v2/deleted_users/${encodeURIComponent(id)}.json`, {}, signal);
		const user = body?.user ?? (deleted && { ...deleted.deleted_user, active: false });
		if (!user) return undefined;
		// A deleted user has no identities left to read.
		const [mapped] = await this.#mapUsers([user], signal, body !== undefined);
		return mapped;
	}

	/** `GET /users/show_many` takes up to 100 ids; a deleted user it leaves out is read alone (`user` looks under /deleted_users). */
	async usersById(ids: readonly SourceId[], signal?: AbortSignal): Promise<User[]> {
		const users: User[] = [];
		for (let start = 0; start < ids.length; start += SHOW_MANY) {
			const chunk = ids.slice(start, start + SHOW_MANY);
			const body = await this.client.get<{ users?: ZendeskUser[] }>('/api/v2/users/show_many.json', { ids: chunk.join(',') }, signal);
			users.push(...(await this.#mapUsers(body.users ?? [], signal)));
		}
		return users;
	}

	/** Zendesk's users as ours, with their fields and teams; the identities read for those that need them (`readIdentities`). */
	async #mapUsers(users: readonly ZendeskUser[], signal?: AbortSignal, readIdentities = true): Promise<User[]> {
		const [userFieldIds, teamIdsByUser] = await Promise.all([this.#lookups.userFieldIds.get(signal), this.#lookups.teamIdsByUser.get(signal)]);
		const mapped: User[] = [];
		for (const user of users) {
			const identities = readIdentities && this.#wantsIdentities(user) ? await this.#identities(user.id, signal) : undefined;
			mapped.push(mapUser(user, { userFieldIds, teamIdsByUser, ...(identities && { identities }) }));
		}
		return mapped;
	}

	async organization(id: SourceId, signal?: AbortSignal): Promise<Organization | undefined> {
		const body = await this.client.find<{ organization: ZendeskOrganization }>(`/api/v2/organizations/${encodeURIComponent(id)}.json`, {}, signal);
		return body && mapOrganization(body.organization, await this.#lookups.organizationFieldIds.get(signal));
	}

	/** Organizations whose name starts with these letters, for picking one by name (Zendesk accounts can hold thousands). */
	searchOrganizations(prefix: string, signal?: AbortSignal): Promise<OrganizationMatches> {
		return autocompleteOrganizations(this.client, prefix, signal);
	}

	async ticket(id: SourceId, signal?: AbortSignal): Promise<Ticket | undefined> {
		const body = await this.client.find<{ ticket: ZendeskTicket; users?: ZendeskUser[] }>(`/api/v2/tickets/${encodeURIComponent(id)}.json`, { include: 'users,metric_sets' }, signal);
		return body && mapTicket(body.ticket, await this.#ticketLookups(body, signal));
	}

	download(attachment: Attachment, signal?: AbortSignal): Promise<Blob> {
		return this.client.download(attachment.url, attachment.size, signal);
	}

	link(kind: LinkedKind, id: SourceId): string {
		return webLink(this.client.baseUrl, kind, id);
	}

	/**
	 * Tells the export's comment reader which tickets will be asked for, and where to read from: a fresh run from the
	 * tickets' own start, a resumed one from the first ticket it sees (older tickets are read alone, not the whole history again).
	 */
	#announce(tickets: ZendeskTicket[], options: ReadOptions): void {
		const exported = this.#exported;
		if (!exported) return;
		const spans = tickets
			.map((ticket) => {
				const updated = unixSeconds(ticket.updated_at);
				return { id: ticket.id, createdAt: unixSeconds(ticket.created_at), changedAt: Math.max(updated, typeof ticket.generated_timestamp === 'number' ? ticket.generated_timestamp : updated) };
			})
			.filter((span) => Number.isFinite(span.createdAt) && Number.isFinite(span.changedAt));
		if (spans.length === 0) return;
		if (options.after) exported.startAt(Math.min(...spans.map((span) => span.changedAt)));
		else exported.startAt(options.since === undefined ? 0 : unixSeconds(options.since));
		for (const span of spans) exported.expect(span.id, span);
	}

	#exportQuery(): { per_page?: number } {
		return this.settings.exportPageSize ? { per_page: this.settings.exportPageSize } : {};
	}

	async #ticketLookups(body: { users?: unknown; metric_sets?: unknown }, signal?: AbortSignal) {
		const [brandNames, statusLabels, defaultRecipients] = await Promise.all([this.#lookups.brandNames.get(signal), this.#lookups.statusLabels.get(signal), this.#lookups.defaultRecipients.get(signal)]);
		const sideloaded = Array.isArray(body.users) ? (body.users as ZendeskUser[]) : [];
		const userEmails = new Map(sideloaded.filter((user) => user.email).map((user): [number, string] => [user.id, user.email ?? '']));
		const metricSets = Array.isArray(body.metric_sets) ? (body.metric_sets as ZendeskTicketMetricSet[]) : [];
		const solvedAt = new Map(metricSets.filter((set) => typeof set.ticket_id === 'number' && typeof set.solved_at === 'string').map((set): [number, string] => [set.ticket_id!, set.solved_at!]));
		return { baseUrl: this.client.baseUrl, userEmails, brandNames, statusLabels, solvedAt, ...(defaultRecipients && { defaultRecipients }) };
	}

	/** Identities are read when asked for, and always for a user with neither e-mail nor phone: a Twitter or Facebook user, known only by a handle there. */
	#wantsIdentities(user: ZendeskUser): boolean {
		return this.settings.readIdentities === true || (user.active !== false && !user.email && !user.phone);
	}

	/** A user gone between the export and this read has no identities to give (404): none, rather than a failed page. */
	async #identities(userId: number, signal?: AbortSignal): Promise<ZendeskIdentity[]> {
		const identities: ZendeskIdentity[] = [];
		try {
			for await (const page of cursorList<ZendeskIdentity>(this.client, { path: `/api/v2/users/${userId}/identities.json`, key: 'identities' }, signal ? { signal } : {})) identities.push(...page.records);
		} catch (error) {
			if (error instanceof MigrationError && error.info.status === 404) return identities;
			throw error;
		}
		return identities;
	}

	async #eventComments(ticketId: SourceId, signal?: AbortSignal): Promise<Comment[]> {
		const [fields, groupNames] = await Promise.all([this.#lookups.eventFieldNames.get(signal), this.#lookups.groupNames.get(signal)]);
		const events: Comment[] = [];
		const request = { path: `/api/v2/tickets/${encodeURIComponent(ticketId)}/audits.json`, key: 'audits' };
		for await (const page of cursorList<ZendeskAudit>(this.client, request, signal ? { signal } : {})) {
			for (const audit of page.records) {
				const event = mapAuditEvent(audit, ticketId, fields, groupNames);
				if (event) events.push(event);
			}
		}
		return events;
	}

	async #articleAttachments(articleId: number, signal?: AbortSignal): Promise<Attachment[]> {
		const attachments: Attachment[] = [];
		const request = { path: `/api/v2/help_center/articles/${articleId}/attachments.json`, key: 'article_attachments' };
		for await (const page of cursorList<ZendeskArticleAttachment>(this.client, request, signal ? { signal } : {})) attachments.push(...page.records.map(mapAttachment));
		return attachments;
	}
}

async function* mapPages<R, T>(pages: AsyncIterable<RawPage<R>>, map: (record: R) => T): AsyncGenerator<RawPage<T>> {
	for await (const page of pages) yield { ...page, records: page.records.map(map) };
}

/** Unix seconds of an ISO time; NaN when it is not one (the ticket is then read alone). */
function unixSeconds(iso: string | null | undefined): number {
	return Math.floor(Date.parse(iso ?? '') / 1000);
}

function pageOf<T>(page: RawPage<unknown>, records: T[]): Page<T> {
	return { records, checkpoint: page.checkpoint, done: page.done };
}

/** Records without an update time are kept: better read twice than missed. */
function changedSince(updatedAt: string | null | undefined, since: string | undefined): boolean {
	if (!since || !updatedAt) return true;
	return Date.parse(updatedAt) >= Date.parse(since);
}
