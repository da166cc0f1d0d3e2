// The Kayako writer behind the pipeline's TargetWriter port: canonical records in, Kayako ids out, references resolved by the pipeline.
import { MigrationError } from '../../errors';
import { sanitizeBody } from '../../html/sanitize';
import type { Attachment, Article, Comment, FieldDefinition, KbCategory, KbSection, Organization, RecordKind, Team, TicketBundle, User } from '../../model';
import type { BatchOutcome, PeopleOutcome, References, TargetWriter, Written } from '../../pipeline/target';
import type { WriterSettings } from '../../pipeline/settings';
import type { KayakoId } from '../../store';
import type { KayakoSession } from './session';
import { caseHoldsPosts, findReplacements, restoreCase, trashCase, type OpenReimport } from './writer/reimport';
import {
	articleAddresses,
	createArticle,
	createCategory,
	createOrganization,
	createSection,
	createTeam,
	createUser,
	deleteRecord,
	disableUser,
	ensureField,
	findCasesByLegacyIds,
	findHelpCenterByLegacyIds,
	findHelpCenterMadeBefore,
	findOrganizationsByLegacyIds,
	findTeamsByLegacyIds,
	findUsersByLegacyIds,
	finishUser,
	helpCenterArticleUrl,
	importCases,
	listFields,
	listTeams,
	loadKnownUsers,
	matchedFieldTarget,
	noteOfWarnings,
	organizationsByLegacyId,
	relinkArticle,
	updateArticleContents,
	type FieldTarget,
	type KayakoField,
	type KayakoTeam,
	type KnownUsers,
	type WriteContext,
	type WriteWarning
} from './writer';
import { createCustomersInBulk } from './writer/bulk-users';
import { createOrganizationsInBulk } from './writer/bulk-organizations';
import { appendPosts, updateCaseProperties, updateOrganization, updateUser } from './writer-updates';
import { decodeFieldId, encodeFieldId, FIELD_FAMILY } from './field-ids';
import { personLabel, wordsFor } from '../../words';

export interface KayakoTargetOptions {
	session: KayakoSession;
	settings: WriterSettings;
	download(attachment: Attachment): Promise<Blob>;
}

/** Lists read once per run (Kayako's fields, teams, users, organizations): matching against them needs no request per record. */
interface Cache {
	fields: Partial<Record<FieldTarget['family'], Promise<KayakoField[]>>>;
	teams?: Promise<KayakoTeam[]>;
	users?: Promise<KnownUsers>;
	organizations?: Promise<Map<string, number>>;
}

export function createKayakoTarget(options: KayakoTargetOptions): TargetWriter {
	const { session, settings } = options;
	const fieldTargets = new Map<string, FieldTarget>();
	// Where the articles migrated by this writer came from and went to, for the links in the articles after them.
	const articleLinks = articleAddresses([]);
	const cache: Cache = { fields: {} };
	const words = wordsFor(settings.language);

	const context = (refs: References): WriteContext => ({
		session,
		resolve: (kind, sourceId) => {
			const id = refs.kayakoId(kind, sourceId);
			if (id === undefined) return undefined;
			return kind === 'fields' ? decodeFieldId(id).id : Number(id);
		},
		fieldTarget: (sourceFieldId) => fieldTargets.get(sourceFieldId),
		options: {
			tagMigrated: settings.tagMigrated,
			oldIdInSubject: settings.oldIdInSubject,
			ccField: settings.ccField,
			inlineImages: settings.inlineImages,
			skipAttachments: settings.skipAttachments,
			defaultAgentId: refs.defaultAgentId === undefined ? undefined : Number(refs.defaultAgentId),
			defaultRequesterId: refs.defaultAgentId === undefined ? undefined : Number(refs.defaultAgentId),
			words,
			...(settings.timeZone && { timeZone: settings.timeZone })
		},
		download: options.download,
		userName: (sourceUserId) => {
			const person = refs.person?.(sourceUserId);
			return person?.name || person?.email ? personLabel(words, person) : undefined;
		}
	});

	const fieldsOf = (family: FieldTarget['family']) => (cache.fields[family] ??= listFields(session, family));

	async function learnField(field: FieldDefinition): Promise<{ target: FieldTarget; created: boolean; warnings: WriteWarning[] }> {
		const family = FIELD_FAMILY[field.entity];
		const fields = await fieldsOf(family);
		const ensured = await ensureField({ session }, field, fields);
		// A field created or given new options is read back by ensureField: put it in the list rather than read the whole list again.
		cache.fields[family] = (cache.fields[family] ?? Promise.resolve(fields)).then((list) => [...list.filter((each) => each.id !== ensured.field.id), ensured.field]);
		fieldTargets.set(field.id, ensured.target);
		return ensured;
	}

	// A list read that failed is forgotten, so the next record reads it again instead of failing on the same error.
	const teams = () => (cache.teams ??= unlessFailed(listTeams(session), () => (cache.teams = undefined)));
	const knownUsers = () => (cache.users ??= unlessFailed(loadKnownUsers(session), () => (cache.users = undefined)));
	const organizations = () => (cache.organizations ??= unlessFailed(organizationsByLegacyId(session), () => (cache.organizations = undefined)));

	return {
		async team(team: Team) {
			const written = await createTeam({ session }, team, await teams());
			if (!written.matched) cache.teams = undefined;
			return toWritten(written);
		},

		async field(field: FieldDefinition) {
			const ensured = await learnField(field);
			return { kayakoId: encodeFieldId(ensured.target.family, ensured.target.id), matched: !ensured.created, note: notes(ensured.warnings) };
		},

		async adopt(_kind, field) {
			await learnField(field);
		},

		async matchField(field, kayakoId, options) {
			const { family, id } = decodeFieldId(kayakoId);
			if (family !== FIELD_FAMILY[field.entity]) throw new MigrationError({ kind: 'invalid-input', message: `Field "${field.title}" belongs to ${field.entity}s, but ${kayakoId} is a Kayako ${family} field; choose one of the ${FIELD_FAMILY[field.entity]} fields.` });
			const chosen = (await fieldsOf(family)).find((each) => each.id === id && !each.is_system);
			if (!chosen) throw new MigrationError({ kind: 'not-found', message: `Kayako has no ${family} field ${id} any more (deleted?); choose another one on the fields step.` });
			fieldTargets.set(field.id, matchedFieldTarget(field, chosen, family, options));
		},

		async organization(organization: Organization, refs: References) {
			return toWritten(await createOrganization(context(refs), organization));
		},

		async user(user: User, refs: References) {
			return toWritten(await createUser(context(refs), user, (await knownUsers()).byEmail));
		},

		async customers(users: User[], refs: References, jobs) {
			const known = await knownUsers();
			const ends = await createCustomersInBulk(context(refs), users, known.byEmail, jobs);
			const result = new Map<string, PeopleOutcome>();
			for (const [sourceId, end] of ends) {
				if (end.ok) result.set(sourceId, { ok: true, kayakoId: end.id, matched: end.matched, note: notes(end.warnings) });
				else result.set(sourceId, end.made !== undefined ? { ok: false, error: end.error, made: end.made } : { ok: false, error: end.error });
			}
			return result;
		},

		async organizations(organizations: Organization[], refs: References, jobs) {
			const ends = await createOrganizationsInBulk(context(refs), organizations, jobs);
			return new Map<string, PeopleOutcome>([...ends].map(([sourceId, end]) => [sourceId, end.ok ? { ok: true, kayakoId: end.id, note: notes(end.warnings) } : { ok: false, error: end.error }]));
		},

		async finish(_kind, kayakoId, user, refs) {
			return { kayakoId, note: notes(await finishUser(context(refs), user, Number(kayakoId))) };
		},

		async tickets(bundles: TicketBundle[], refs: References, jobs) {
			const outcomes = await importCases(context(refs), bundles.map(sanitizeBundle), jobs);
			const result = new Map<string, BatchOutcome>();
			for (const [sourceId, outcome] of outcomes) {
				const note = notes(outcome.warnings);
				// A case found by its legacy id is one this tool made before (a lost answer): ours, so not "matched".
				if (outcome.ok) result.set(sourceId, { ok: true, kayakoId: outcome.id, note });
				else result.set(sourceId, { ok: false, error: outcome.unknown ? { ...outcome.error, kind: 'unknown-outcome' } : outcome.error });
			}
			return result;
		},

		async kbCategory(category: KbCategory) {
			return toWritten(await createCategory({ session }, category));
		},

		async kbSection(section: KbSection, refs: References) {
			const categoryId = refs.kayakoId('kb-categories', section.categoryId);
			if (categoryId === undefined) throw missing('category', section.categoryId, `section ${section.id}`);
			return toWritten(await createSection({ session }, section, Number(categoryId)));
		},

		async article(article: Article, refs: References) {
			const sectionId = refs.kayakoId('kb-sections', article.sectionId);
			if (sectionId === undefined) throw missing('section', article.sectionId, `article ${article.id}`);
			const clean = { ...article, html: sanitizeBody(article.html).html };
			const written = await createArticle(context(refs), clean, Number(sectionId), articleLinks);
			if (article.url) articleLinks.add(article.url, helpCenterArticleUrl(session.baseUrl, written.id));
			return toWritten(written);
		},

		async relinkArticle(kayakoId, links) {
			const addresses = articleAddresses([...links].map(([oldUrl, articleId]) => [oldUrl, helpCenterArticleUrl(session.baseUrl, Number(articleId))] as const));
			return relinkArticle(session, Number(kayakoId), addresses);
		},

		async disableUser(kayakoId) {
			await disableUser(session, Number(kayakoId));
		},

		async update(kind, kayakoId, record, refs) {
			const ctx = context(refs);
			if (kind === 'users') return { kayakoId, note: notes(await updateUser(ctx, Number(kayakoId), record as User)) };
			if (kind === 'organizations') return { kayakoId, note: notes(await updateOrganization(ctx, Number(kayakoId), record as Organization)) };
			const article = record as Article;
			await updateArticleContents(session, Number(kayakoId), sanitizeBody(article.html).html, article.locale);
			return { kayakoId };
		},

		async updateTicket(kayakoId, bundle, newComments, refs) {
			const ctx = context(refs);
			const warnings = await updateCaseProperties(ctx, Number(kayakoId), bundle);
			warnings.push(...(await appendPosts(ctx, Number(kayakoId), bundle.ticket.id, newComments.map(sanitizeComment))));
			return { kayakoId, note: notes(warnings) };
		},

		reimport: {
			async find(open) {
				const asked = new Map<string, OpenReimport>([...open].map(([sourceId, each]) => [sourceId, { oldCaseId: Number(each.oldKayakoId), jobId: each.jobId, agoMs: each.agoMs }]));
				const { found, unfinished } = await findReplacements(context(NO_REFS), asked);
				return { found: new Map<string, KayakoId>(found), unfinished };
			},
			complete: (kayakoId, posts) => caseHoldsPosts(context(NO_REFS), Number(kayakoId), posts),
			trash: (kayakoId) => trashCase(context(NO_REFS), Number(kayakoId)),
			restore: (kayakoId) => restoreCase(context(NO_REFS), Number(kayakoId))
		},

		async findExisting(kind: RecordKind, records: { sourceId: string }[]) {
			const ids = records.map((record) => record.sourceId);
			const found = await lookup(session, kind, ids);
			return new Map<string, KayakoId>(found);
		},

		async findMadeBefore(kind, sourceId) {
			switch (kind) {
				case 'organizations':
					return (await organizations()).get(sourceId);
				case 'users':
					return (await knownUsers()).byLegacyId.get(sourceId);
				case 'teams':
					return (await teams()).find((team) => team.legacy_id === sourceId)?.id;
				case 'kb-categories':
					return findHelpCenterMadeBefore(session, 'categories', sourceId);
				case 'kb-sections':
					return findHelpCenterMadeBefore(session, 'sections', sourceId);
				case 'articles':
					return findHelpCenterMadeBefore(session, 'articles', sourceId);
				default:
					// Fields are matched by title when created; cases are looked up by the ticket pipeline.
					return undefined;
			}
		},

		async remove(kind: RecordKind, kayakoId: KayakoId) {
			if (kind === 'fields') {
				const { family, id } = decodeFieldId(kayakoId);
				await deleteRecord(session, `${family}-fields`, id);
				return;
			}
			const deletable = { tickets: 'cases', users: 'users', organizations: 'organizations', teams: 'teams', 'kb-categories': 'categories', 'kb-sections': 'sections', articles: 'articles' } as const;
			await deleteRecord(session, deletable[kind], Number(kayakoId));
		}
	};
}

async function lookup(session: KayakoSession, kind: RecordKind, ids: string[]): Promise<Map<string, number>> {
	switch (kind) {
		case 'tickets':
			return findCasesByLegacyIds(session, ids);
		case 'users':
			return findUsersByLegacyIds(session, ids);
		case 'organizations':
			return findOrganizationsByLegacyIds(session, ids);
		case 'teams':
			return findTeamsByLegacyIds(session, ids);
		case 'kb-categories':
			return findHelpCenterByLegacyIds(session, 'categories', ids);
		case 'kb-sections':
			return findHelpCenterByLegacyIds(session, 'sections', ids);
		case 'articles':
			return findHelpCenterByLegacyIds(session, 'articles', ids);
		case 'fields':
			// Fields are matched by title when created again: a lost answer cannot make a second one.
			return new Map();
	}
}

function unlessFailed<T>(read: Promise<T>, forget: () => void): Promise<T> {
	read.catch(forget);
	return read;
}

/** Kayako gets the sanitizer's output, always: an "unchanged" verdict is the sanitizer's opinion, not a licence to send the original. */
function sanitizeComment(comment: Comment): Comment {
	return { ...comment, html: sanitizeBody(comment.html).html };
}

/** For writer steps that resolve no references (looking cases up, trashing one). */
const NO_REFS: References = { kayakoId: () => undefined };

function sanitizeBundle(bundle: TicketBundle): TicketBundle {
	return { ...bundle, comments: bundle.comments.map(sanitizeComment) };
}

function toWritten(written: { id: number; warnings: WriteWarning[]; matched?: boolean }): Written {
	return { kayakoId: written.id, matched: written.matched, note: notes(written.warnings) };
}

const notes = noteOfWarnings;

function missing(what: string, sourceId: string, of: string): Error {
	return new MigrationError({ kind: 'invalid-request', message: `The ${what} ${sourceId} of ${of} was not migrated, so there is nowhere to put it.` });
}
