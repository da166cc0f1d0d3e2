// When bulk import is refused: one POST /cases and one reply per post, all as notes (nobody is mailed), each saying who wrote it and when.
import { because } from '../../../reports/reasons/because';
import { MigrationError, toErrorInfo } from '../../../errors';
import type { KayakoSession } from '../session';
import type { PreparedCase, PreparedPost } from './case-payload';
import { findCasesByLegacyIds } from './case-lookup';
import type { CaseOutcome } from './cases';
import { buildPost } from './posts';
import type { UploadedFile } from './files';
import type { Words } from '../../../words';
import { en } from '../../../words/en';

/**
 * The post as a note: single creates cannot carry the author or the date, so the first line does.
 * The files are those uploaded for the bulk attempt (still valid for three hours).
 */
function noteOf(post: PreparedPost, files: readonly UploadedFile[], inlineImages: 'rewrite' | 'attach', words: Words): Record<string, unknown> {
	const built = buildPost(post.comment, files, inlineImages, post.byline, words);
	return { contents: built.contents, channel: 'NOTE', channel_options: { html: true }, ...(built.fileIds.length > 0 && { attachment_file_ids: built.fileIds.join(',') }) };
}

export async function createCaseOneByOne(
	session: KayakoSession,
	prepared: PreparedCase,
	files: ReadonlyMap<string, UploadedFile[]>,
	inlineImages: 'rewrite' | 'attach',
	words: Words = en
): Promise<CaseOutcome> {
	const warnings = [...prepared.warnings, { sourceId: prepared.sourceId, message: because('posts-one-by-one') }];
	const [first, ...rest] = prepared.posts;
	const opening = first ? noteOf(first, files.get(first.comment.id) ?? [], inlineImages, words) : { contents: `<p>${words.noMessages}</p>`, channel: 'NOTE' };
	let caseId: number;
	try {
		caseId = (await session.request<{ id: number }>({ method: 'POST', path: 'cases.json', json: { ...prepared.properties, ...opening } })).data.id;
	} catch (error) {
		if (!(error instanceof MigrationError) || error.info.kind !== 'unknown-outcome') return { ok: false, error: toErrorInfo(error), warnings };
		const found = (await findCasesByLegacyIds(session, [prepared.sourceId])).get(prepared.sourceId);
		if (found === undefined) return { ok: false, error: toErrorInfo(error), warnings, unknown: true };
		caseId = found;
	}
	for (const [index, post] of rest.entries()) {
		try {
			await session.request({ method: 'POST', path: `cases/${caseId}/reply.json`, json: noteOf(post, files.get(post.comment.id) ?? [], inlineImages, words) });
		} catch (error) {
			// The case exists: say how far it got, so the user can finish it by hand rather than import it twice.
			return { ok: false, id: caseId, error: { ...toErrorInfo(error), message: `Case ${caseId} was created but only ${index + 1} of ${prepared.posts.length} posts were added: ${toErrorInfo(error).message}` }, warnings };
		}
	}
	return { ok: true, id: caseId, warnings, fallback: true };
}
