// Delta updates of records migrated before: changed properties put again, new comments appended as notes nobody is mailed about.
import { MigrationError } from '../../errors';
import type { Comment, Organization, TicketBundle, User } from '../../model';
import { buildCase, inOrder } from './writer/case-payload';
import type { WriteContext, WriteWarning } from './writer/context';
import { convertFieldValues } from './writer/field-values';
import { uploadAttachments } from './writer/files';
import { postMarker, readCasePosts } from './writer/post-markers';
import { buildPost, inlineAttachedNote } from './writer/posts';
import { bylineOf, worded, wordsOf } from './writer/worded';
import { referenceData } from './writer/reference-data';

export async function updateUser(ctx: WriteContext, id: number, user: User): Promise<WriteWarning[]> {
	const { fieldValues, warnings } = convertFieldValues(user.id, user.fields, ctx.fieldTarget, 'user');
	const organizationId = user.organizationId ? ctx.resolve('organizations', user.organizationId) : undefined;
	await ctx.session.request({
		method: 'PUT',
		path: `users/${id}.json`,
		json: {
			full_name: user.name.trim() || user.emails[0] || `User ${user.id}`,
			...(user.tags.length > 0 && { tags: user.tags.join(',') }),
			...(organizationId !== undefined && { organization_id: organizationId }),
			...(Object.keys(fieldValues).length > 0 && { field_values: fieldValues })
		}
	});
	return warnings;
}

export async function updateOrganization(ctx: WriteContext, id: number, organization: Organization): Promise<WriteWarning[]> {
	const { fieldValues, warnings } = convertFieldValues(organization.id, organization.fields, ctx.fieldTarget, 'organization');
	await ctx.session.request({
		method: 'PUT',
		path: `organizations/${id}.json`,
		json: {
			name: organization.name.trim() || `Organization ${organization.id}`,
			...(organization.tags.length > 0 && { tags: organization.tags.join(',') }),
			...(Object.keys(fieldValues).length > 0 && { field_values: fieldValues })
		}
	});
	return warnings;
}

/** Subject, status, priority, type, assignee, team, tags and field values as the source has them now. */
export async function updateCaseProperties(ctx: WriteContext, id: number, bundle: TicketBundle): Promise<WriteWarning[]> {
	const data = await referenceData(ctx.session);
	const prepared = buildCase(ctx, { ticket: bundle.ticket, comments: [] }, 0, data, new Map());
	const { requester_id: _requester, legacy_id: _legacy, ...properties } = prepared.properties;
	await ctx.session.request({ method: 'PUT', path: `cases/${id}.json`, json: properties });
	return prepared.warnings;
}

/** Answers after which a reply may have been added all the same: look for its marker before posting it again. */
function mayHaveActed(error: unknown): boolean {
	return error instanceof MigrationError && (error.kind === 'unknown-outcome' || error.kind === 'timeout' || error.kind === 'network' || error.kind === 'malformed-response');
}

/**
 * New comments go in as notes: a reply cannot carry its author or date (so the first line does), and a note
 * mails nobody, while a public reply would mail the customer about an old message.
 * Each note carries its comment's marker (`client_id`). Before anything is posted the case's posts are read once,
 * and a comment the case holds already (its marker: an earlier attempt, a run killed half-way; or its bulk-imported
 * post, same second and text) is not posted again; after a lost answer the case is read again before the comment is
 * retried. So a retried or resumed delta adds each comment once.
 */
export async function appendPosts(ctx: WriteContext, caseId: number, ticketId: string, comments: readonly Comment[]): Promise<WriteWarning[]> {
	const warnings: WriteWarning[] = [];
	if (comments.length === 0) return warnings;
	let present = await readCasePosts(ctx.session, caseId);
	let inlineAttached = 0;
	for (const comment of inOrder(comments).map((each) => worded(ctx, each))) {
		if (present.holds(ticketId, comment)) continue;
		const marker = postMarker(ticketId, comment.id);
		const { files, warnings: fileWarnings } = await uploadAttachments(ctx, ticketId, comment.attachments);
		warnings.push(...fileWarnings);
		const built = buildPost(comment, files, ctx.options.inlineImages, bylineOf(ctx, comment), wordsOf(ctx));
		inlineAttached += built.inlineAttached;
		try {
			await ctx.session.request({
				method: 'POST',
				path: `cases/${caseId}/reply.json`,
				json: { contents: built.contents, channel: 'NOTE', channel_options: { html: true }, client_id: marker, ...(built.fileIds.length > 0 && { attachment_file_ids: built.fileIds.join(',') }) }
			});
		} catch (error) {
			if (!mayHaveActed(error)) throw error;
			present = await readCasePosts(ctx.session, caseId);
			// Not there: the caller's retry reads the case again and posts it then.
			if (!present.holds(ticketId, comment)) throw error;
		}
	}
	const inlineNote = inlineAttachedNote(inlineAttached);
	if (inlineNote) warnings.push({ sourceId: ticketId, message: inlineNote });
	return warnings;
}
