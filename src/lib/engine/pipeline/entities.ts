// How each kind of record other than tickets goes to Kayako: the mapping decisions first, then one create.
import type { Article, FieldDefinition, KbCategory, KbSection, Organization, Team, User } from '../model';
import type { KayakoId } from '../store';
import { keyOf, type RunContext } from './context';
import { noteSeen } from '../reports/labels';
import { because } from '../reports/reasons/because';
import { contentHash } from './hash';
import { migrateInSteps, type FinishSteps } from './follow-up-steps';
import { noteInactiveUser } from './inactive-users';
import { matchMadeBefore } from './made-before';
import { isFatal, isMigrated, migrateRecord, reasonOf, skipRecord, type StepResult } from './record-step';
import { noteUse } from './record-use';
import type { ReferenceResolver } from './references';
import type { Written } from './target';

const AGENT_ROLES = new Set<User['role']>(['agent', 'admin', 'light-agent']);

export function isAgent(user: User): boolean {
	return AGENT_ROLES.has(user.role);
}

/** Counts the outcome and remembers the Kayako id for the records that follow. */
export function settle(context: RunContext, resolver: ReferenceResolver, kind: Parameters<ReferenceResolver['remember']>[0], id: string, result: StepResult): StepResult {
	if (!result.counted) context.progress.count(kind, result.outcome);
	if (result.kayakoId !== undefined) resolver.remember(kind, id, result.kayakoId);
	context.report();
	return result;
}

/** A choice of the match step that points at an existing Kayako record: recorded as migrated, nothing created. */
async function recordMatch(context: RunContext, kind: 'teams' | 'users' | 'fields', id: string, record: unknown, kayakoId: KayakoId): Promise<StepResult> {
	const row = await context.store.getIdMapRow(keyOf(context, kind, id));
	if (row?.status === 'migrated' && row.kayakoId === kayakoId) {
		await noteUse(context, row);
		return { outcome: 'already', kayakoId, counted: row.runId === context.run.id };
	}
	await context.store.markMigrated(context.run.id, [{ ...keyOf(context, kind, id), kayakoId, matched: true, contentHash: contentHash(record) }]);
	return { outcome: 'migrated', kayakoId };
}

export async function migrateTeam(context: RunContext, resolver: ReferenceResolver, team: Team): Promise<StepResult> {
	noteSeen(context.run.id, 'teams', team.id, team);
	const choice = context.options.teams[team.id];
	let result: StepResult;
	if (choice?.action === 'match') result = await recordMatch(context, 'teams', team.id, team, choice.kayakoId);
	else if (choice?.action === 'default') result = await skipRecord(context, 'teams', team.id, because('team-sent-nowhere'));
	else result = (await matchMadeBefore(context, 'teams', team.id, team)) ?? (await migrateRecord(context, 'teams', team.id, team, () => context.target.team(team, resolver.references())));
	return settle(context, resolver, 'teams', team.id, result);
}

export async function migrateField(context: RunContext, resolver: ReferenceResolver, field: FieldDefinition): Promise<StepResult> {
	noteSeen(context.run.id, 'fields', field.id, field);
	if (field.system) return settle(context, resolver, 'fields', field.id, await skipRecord(context, 'fields', field.id, because('field-system', { title: field.title })));
	const choice = context.options.fields[field.id];
	if (choice?.action === 'skip') return settle(context, resolver, 'fields', field.id, await skipRecord(context, 'fields', field.id, because('field-skipped')));
	if (choice?.action === 'match') return settle(context, resolver, 'fields', field.id, await matchField(context, field, choice.kayakoId, choice.options));
	const result = await migrateRecord(context, 'fields', field.id, field, () => context.target.field(field, resolver.references()));
	// Created by an earlier run: the writer still needs its Kayako key and options to write values.
	if (result.outcome === 'already' && result.kayakoId !== undefined) await context.target.adopt?.('fields', field, result.kayakoId);
	return settle(context, resolver, 'fields', field.id, result);
}

/** Matched by hand to an existing Kayako field: the writer learns it (the field must still exist), nothing is created. */
async function matchField(context: RunContext, field: FieldDefinition, kayakoId: KayakoId, options?: Readonly<Record<string, number>>): Promise<StepResult> {
	try {
		await context.target.matchField?.(field, kayakoId, options);
	} catch (error) {
		if (isFatal(error)) throw error;
		const reason = reasonOf(error);
		await context.store.markFailed(context.run.id, [{ ...keyOf(context, 'fields', field.id), reason }]);
		return { outcome: 'failed', reason };
	}
	return recordMatch(context, 'fields', field.id, field, kayakoId);
}

export async function migrateOrganization(context: RunContext, resolver: ReferenceResolver, organization: Organization): Promise<StepResult> {
	const made = await matchMadeBefore(context, 'organizations', organization.id, organization);
	if (made) return settle(context, resolver, 'organizations', organization.id, made);
	const result = await migrateRecord(
		context,
		'organizations',
		organization.id,
		organization,
		() => context.target.organization(organization, resolver.references()),
		(kayakoId) => context.target.update('organizations', kayakoId, organization, resolver.references())
	);
	return settle(context, resolver, 'organizations', organization.id, result);
}

/**
 * Agents follow the match step: matched to a Kayako agent, created, or sent to the default agent (the
 * default for agents who left). Inactive customers are skipped unless asked for, or a ticket needs them.
 */
export async function migrateUser(context: RunContext, resolver: ReferenceResolver, user: User, neededByTicket = false): Promise<StepResult> {
	resolver.people.remember(user);
	const result = await decideUser(context, resolver, user, neededByTicket);
	return settle(context, resolver, 'users', user.id, result);
}

async function decideUser(context: RunContext, resolver: ReferenceResolver, user: User, neededByTicket: boolean): Promise<StepResult> {
	const before = await beforeUserCreate(context, resolver, user, neededByTicket);
	if ('decided' in before) return before.decided;
	const { create, finish, update } = before;
	if (!finish) return migrateRecord(context, 'users', user.id, user, create, update);
	return migrateInSteps(context, 'users', user.id, user, create, finish, update);
}

/** A user's steps, for the record step: the first request, the steps after it (when the target has them), the delta's update. */
interface UserSteps {
	create: () => Promise<Written>;
	finish?: FinishSteps;
	update: (kayakoId: KayakoId) => Promise<Written>;
}

/**
 * Everything about a user before anything is created: matched, sent to the default agent, skipped as inactive, or
 * found as made before (`decided`); otherwise its organization and teams are in Kayako and its steps are returned.
 */
export async function beforeUserCreate(context: RunContext, resolver: ReferenceResolver, user: User, neededByTicket: boolean): Promise<{ decided: StepResult } | UserSteps> {
	if (isAgent(user)) {
		const choice = context.options.agents[user.id] ?? (user.active || context.options.migrateInactiveUsers ? { action: 'create' as const } : { action: 'default' as const });
		if (choice.action === 'match') return { decided: await recordMatch(context, 'users', user.id, user, choice.kayakoId) };
		if (choice.action === 'default') {
			return { decided: await skipRecord(context, 'users', user.id, because('agent-to-default', { active: user.active })) };
		}
	} else if (!user.active && !context.options.migrateInactiveUsers && !neededByTicket) {
		// A ticket of an earlier run (a demo) needed this user, so it is in Kayako: it stays migrated and ours, not skipped.
		const row = await context.store.getIdMapRow(keyOf(context, 'users', user.id));
		if (!isMigrated(row)) return { decided: await skipRecord(context, 'users', user.id, because('user-inactive-skipped'), { row }) };
	}
	await resolver.ensure('organizations', user.organizationId);
	for (const teamId of user.teamIds) await resolver.ensure('teams', teamId);
	await noteInactiveUser(context, user);
	const refs = () => resolver.references(context.options.defaultAgentId);
	const create = () => context.target.user(user, refs());
	const update = (kayakoId: KayakoId) => context.target.update('users', kayakoId, user, refs());
	// A user's create goes on after its first request (organization, extra addresses): a user found again finishes them.
	const finishUser = context.target.finish?.bind(context.target);
	const finish = finishUser && ((kayakoId: KayakoId) => finishUser('users', kayakoId, user, refs()));
	const made = await matchMadeBefore(context, 'users', user.id, user, finish);
	return made ? { decided: made } : { create, finish, update };
}

export async function migrateKbCategory(context: RunContext, resolver: ReferenceResolver, category: KbCategory): Promise<StepResult> {
	const result = (await matchMadeBefore(context, 'kb-categories', category.id, category)) ?? (await migrateRecord(context, 'kb-categories', category.id, category, () => context.target.kbCategory(category, resolver.references())));
	return settle(context, resolver, 'kb-categories', category.id, result);
}

export async function migrateKbSection(context: RunContext, resolver: ReferenceResolver, section: KbSection): Promise<StepResult> {
	await resolver.lookup('kb-categories', section.categoryId);
	const result = (await matchMadeBefore(context, 'kb-sections', section.id, section)) ?? (await migrateRecord(context, 'kb-sections', section.id, section, () => context.target.kbSection(section, resolver.references())));
	return settle(context, resolver, 'kb-sections', section.id, result);
}

export async function migrateArticle(context: RunContext, resolver: ReferenceResolver, article: Article): Promise<StepResult> {
	await resolver.lookup('kb-sections', article.sectionId);
	if (article.authorId) await resolver.ensure('users', article.authorId);
	const refs = () => resolver.references(context.options.defaultAgentId);
	const made = await matchMadeBefore(context, 'articles', article.id, article);
	if (made) return settle(context, resolver, 'articles', article.id, made);
	const result = await migrateRecord(
		context,
		'articles',
		article.id,
		article,
		() => context.target.article(article, refs()),
		(kayakoId) => context.target.update('articles', kayakoId, article, refs())
	);
	return settle(context, resolver, 'articles', article.id, result);
}
