// Cases: single create (MAIL mails the requester, NOTE does not), bulk import with posts and dates, update, trash, restore, delete.
import { jsonReply } from '../../common/reply';
import type { Router } from '../../common/router';
import type { Handler, RequestContext } from '../context';
import { collectionReply, deletedReply, filterByIds, resourceReply } from '../envelope';
import { fieldInvalid, fieldRequired, forbidden, notFound, validationReply, type KayakoError } from '../errors';
import { idList, text } from '../input';
import { startBulkJob, type BulkKind } from '../jobs';
import { addPost, createCase, deleteCase, noteMailing } from '../mutate/cases';
import { tagId } from '../state';
import { caseProperties, prepareCase, uploadedParts, type CaseRules } from '../validate/cases';

function rulesOf(context: RequestContext, bulk: boolean): CaseRules {
	return { state: context.state, actorId: context.actor.id, actorRole: context.actorRole, now: context.now, bulk };
}

const createOne: Handler = (context) => {
	if (context.actorRole === 'CUSTOMER') return forbidden();
	const prepared = prepareCase(rulesOf(context, false), context.body, uploadedParts(context.files, context.now));
	if (!prepared.kase || !prepared.first) return validationReply(prepared.errors);
	if (context.actorRole === 'COLLABORATOR' && prepared.kase.channel !== 'NOTE') return forbidden('Collaborators can add only private notes');
	const kase = createCase(context.state, { ...prepared.kase, created_at: context.now }, context.now);
	const post = addPost(context.state, kase, { ...prepared.first, created_at: context.now, via: 'create' });
	noteMailing(context.state, kase, post, context.now);
	return resourceReply(context, 'case', kase.id, 201);
};

const updateOne: Handler = (context) => {
	const kase = context.state.cases.get(Number(context.params.id));
	if (!kase) return notFound();
	if (context.actorRole === 'CUSTOMER' || context.actorRole === 'COLLABORATOR') return forbidden('Collaborators cannot change conversation properties');
	const errors: KayakoError[] = [];
	const properties = caseProperties(context.state, context.body, errors);
	const state = text(context.body.state)?.toUpperCase();
	if (state !== undefined && state !== 'ACTIVE' && state !== 'TRASH') errors.push(fieldInvalid('state', 'must be ACTIVE or TRASH'));
	if (properties.subject !== undefined && !properties.subject.trim()) errors.push(fieldInvalid('subject', 'must not be empty'));
	if (errors.length > 0) return validationReply(errors);
	const { field_values: fieldValues, ...rest } = properties;
	Object.assign(kase, rest);
	if (fieldValues) kase.field_values = { ...kase.field_values, ...fieldValues };
	if (state === 'ACTIVE' || state === 'TRASH') kase.state = state;
	for (const name of kase.tags) tagId(context.state, name);
	kase.updated_at = context.now;
	return resourceReply(context, 'case', kase.id);
};

const listCases: Handler = (context) => {
	let cases = filterByIds(context.state.cases.values(), context.query);
	const state = context.query.get('state');
	if (state) cases = cases.filter((kase) => kase.state === state.toUpperCase());
	cases.sort((a, b) => b.updated_at - a.updated_at || b.id - a.id);
	return collectionReply(context, 'case', cases.map((kase) => kase.id));
};

const trashMany: Handler = (context) => {
	const ids = idList(context.query.get('ids') ?? undefined);
	if (!ids || ids.length === 0) return validationReply([fieldRequired('ids')]);
	const cases = ids.map((id) => context.state.cases.get(id));
	if (cases.some((kase) => kase === undefined)) return notFound();
	for (const kase of cases) if (kase) {
		kase.state = 'TRASH';
		kase.updated_at = context.now;
	}
	return jsonReply(200, { status: 200 });
};

const emptyTrash: Handler = (context) => {
	if (context.actorRole !== 'ADMIN' && context.actorRole !== 'OWNER') return forbidden('Only administrators can empty the trash');
	for (const kase of [...context.state.cases.values()]) if (kase.state === 'TRASH') deleteCase(context.state, kase);
	return deletedReply();
};

const restore: Handler = (context) => {
	const kase = context.state.cases.get(Number(context.params.id));
	if (!kase) return notFound();
	kase.state = 'ACTIVE';
	kase.updated_at = context.now;
	return resourceReply(context, 'case', kase.id);
};

const deleteOne: Handler = (context) => {
	const kase = context.state.cases.get(Number(context.params.id));
	if (!kase) return notFound();
	if (context.actorRole !== 'ADMIN' && context.actorRole !== 'OWNER') return forbidden('Only administrators can delete conversations');
	deleteCase(context.state, kase);
	return deletedReply();
};

/** Bulk posts never mail anyone (the reference's table): they are history, not conversation. */
export const CASE_BULK: BulkKind = {
	key: 'cases',
	prepare(row, env) {
		if (env.actorRole === 'CUSTOMER' || env.actorRole === 'COLLABORATOR') return { errors: [{ code: 'PERMISSIONS_DENIED', message: 'Only agents and administrators can import conversations' }], create() {} };
		const prepared = prepareCase({ state: env.state, actorId: env.actor.id, actorRole: env.actorRole, now: env.now, bulk: true }, row);
		return {
			errors: prepared.errors,
			create() {
				if (!prepared.kase || !prepared.first) return;
				const kase = createCase(env.state, prepared.kase, env.now);
				addPost(env.state, kase, { ...prepared.first, via: 'bulk' });
				for (const post of prepared.posts) addPost(env.state, kase, { ...post, via: 'bulk' });
				if (prepared.kase.updated_at !== undefined) kase.updated_at = prepared.kase.updated_at;
			}
		};
	}
};

export function registerCaseRoutes(router: Router<Handler>): void {
	router
		.add('GET', '/cases', listCases)
		.add('POST', '/cases', createOne)
		.add('GET', '/cases/:id', (context) => resourceReply(context, 'case', Number(context.params.id)))
		.add('PUT', '/cases/:id', updateOne)
		.add('DELETE', '/cases/:id', deleteOne)
		.add('PUT', '/cases/trash', trashMany)
		.add('DELETE', '/cases/trash', emptyTrash)
		.add('PUT', '/cases/:id/restore', restore)
		.add('POST', '/bulk/cases', (context) => startBulkJob(context, 'cases', CASE_BULK));
}
