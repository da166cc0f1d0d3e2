// The account's reference data: /me, the session, roles, settings, brands, mailboxes, channels, statuses, priorities, types.
import { jsonReply } from '../../common/reply';
import type { Router } from '../../common/router';
import { isAdmin, type Handler } from '../context';
import { collectionReply, resourceReply, wholeCollectionReply } from '../envelope';
import { forbidden, notFound, validationReply, fieldRequired, fieldInvalid, type KayakoError } from '../errors';
import { integer, text } from '../input';
import { expandValue, ref, refs, render } from '../present/index';
import { nextId } from '../state';

const ids = <T extends { id: number }>(values: Iterable<T>) => [...values].map((value) => value.id).sort((a, b) => a - b);

const me: Handler = (context) => {
	const user = render(context.present, 'user', context.actor.id, context.fieldRules);
	if (!user) return notFound();
	const role = context.state.roles.get(context.actor.role_id);
	// Only /me carries the permissions, settings and notification channel of the user.
	const permissionCount = role?.type === 'OWNER' || role?.type === 'ADMIN' ? 34 : role?.type === 'AGENT' ? 20 : 8;
	const data = {
		...user,
		permissions: expandValue(context.present, refs('permission', Array.from({ length: permissionCount }, (_, index) => index + 18))),
		settings: expandValue(context.present, refs('setting', [4, 6, 5])),
		notification_channel: `presence-sandbox@${context.actor.uuid}`
	};
	const ordered: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(data)) if (key !== 'resource_type' && key !== 'resource_url') ordered[key] = value;
	ordered.resource_type = 'user';
	ordered.resource_url = user.resource_url;
	return jsonReply(200, { status: 200, data: ordered, resource: 'user' });
};

const session: Handler = (context) => {
	if (!context.session) return notFound();
	return jsonReply(200, {
		status: 200,
		data: { id: context.session.id, user: expandValue(context.present, ref('user', context.actor.id)), created_at: new Date(context.session.created_at).toISOString(), resource_type: 'session' },
		resource: 'session'
	});
};

const logout: Handler = (context) => {
	context.endSession();
	return jsonReply(200, { status: 200 });
};

function labelled(table: 'statuses' | 'priorities' | 'caseTypes', resource: string): { list: Handler; one: Handler; create: Handler } {
	return {
		list: (context) => collectionReply(context, resource, ids<{ id: number }>(context.state[table].values())),
		one: (context) => resourceReply(context, resource, Number(context.params.id)),
		create(context) {
			if (!isAdmin(context)) return forbidden('Only administrators can change the case vocabulary');
			const errors: KayakoError[] = [];
			const label = text(context.body.label);
			if (!label) errors.push(fieldRequired('label'));
			const level = integer(context.body.level);
			if (table === 'priorities' && level !== undefined && Number.isNaN(level)) errors.push(fieldInvalid('level', 'must be a whole number'));
			if (errors.length > 0 || !label) return validationReply(errors);
			const id = nextId(context.state, table);
			const at = context.now;
			if (table === 'statuses') context.state.statuses.set(id, { id, label, type: 'CUSTOM', sort_order: id, is_sla_active: true, is_deleted: false, created_at: at, updated_at: at });
			if (table === 'priorities') context.state.priorities.set(id, { id, label, level: level ?? id, created_at: at, updated_at: at });
			if (table === 'caseTypes') context.state.caseTypes.set(id, { id, label, type: 'CUSTOM', created_at: at, updated_at: at });
			return resourceReply(context, resource, id, 201);
		}
	};
}

const triggerUpdate: Handler = (context) => {
	if (!isAdmin(context)) return forbidden('Only administrators can change triggers');
	const trigger = context.state.triggers.get(Number(context.params.id));
	if (!trigger) return notFound();
	const errors: KayakoError[] = [];
	if (context.body.is_enabled !== undefined) {
		const value = context.body.is_enabled;
		const enabled = typeof value === 'boolean' ? value : value === '1' || value === 'true' || value === 1 ? true : value === '0' || value === 'false' || value === 0 ? false : undefined;
		if (enabled === undefined) errors.push(fieldInvalid('is_enabled', 'must be true or false'));
		else trigger.is_enabled = enabled;
	}
	const title = text(context.body.title);
	if (title !== undefined) trigger.title = title;
	if (errors.length > 0) return validationReply(errors);
	trigger.updated_at = context.now;
	return resourceReply(context, 'trigger', trigger.id);
};

export function registerAccountRoutes(router: Router<Handler>): void {
	const statuses = labelled('statuses', 'case_status');
	const priorities = labelled('priorities', 'case_priority');
	const types = labelled('caseTypes', 'case_type');
	router
		.add('GET', '/me', me)
		.add('GET', '/session', session)
		.add('DELETE', '/session', logout)
		.add('GET', '/roles', (context) => collectionReply(context, 'role', ids(context.state.roles.values())))
		.add('GET', '/roles/:id', (context) => resourceReply(context, 'role', Number(context.params.id)))
		.add('GET', '/settings', (context) => wholeCollectionReply(context, 'setting', [...context.state.settings.values()].sort((a, b) => a.name.localeCompare(b.name)).map((entry) => entry.id)))
		.add('GET', '/brands', (context) => collectionReply(context, 'brand', ids(context.state.brands.values())))
		.add('GET', '/brands/:id', (context) => resourceReply(context, 'brand', Number(context.params.id)))
		.add('GET', '/locales', (context) => collectionReply(context, 'locale', [3]))
		.add('GET', '/mailboxes', (context) => collectionReply(context, 'mailbox', ids(context.state.mailboxes.values())))
		.add('GET', '/mailboxes/:id', (context) => resourceReply(context, 'mailbox', Number(context.params.id)))
		.add('GET', '/cases/channels', (context) => collectionReply(context, 'channel', [...context.state.channels.keys()]))
		.add('GET', '/cases/statuses', statuses.list)
		.add('GET', '/cases/statuses/:id', statuses.one)
		.add('POST', '/cases/statuses', statuses.create)
		.add('GET', '/cases/priorities', priorities.list)
		.add('GET', '/cases/priorities/:id', priorities.one)
		.add('POST', '/cases/priorities', priorities.create)
		.add('GET', '/cases/types', types.list)
		.add('GET', '/cases/types/:id', types.one)
		.add('POST', '/cases/types', types.create)
		.add('GET', '/triggers', (context) => collectionReply(context, 'trigger', ids(context.state.triggers.values())))
		.add('GET', '/triggers/:id', (context) => resourceReply(context, 'trigger', Number(context.params.id)))
		.add('PUT', '/triggers/:id', triggerUpdate)
		.add('GET', '/timetracking', (context) => collectionReply(context, 'timetracking_log', ids(context.state.timeLogs.values())))
		.add('GET', '/cases/timetracking', (context) => collectionReply(context, 'timetracking_log', ids(context.state.timeLogs.values())));
}
