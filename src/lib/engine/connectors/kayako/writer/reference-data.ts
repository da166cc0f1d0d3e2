// Kayako's per-account reference data (roles, statuses, priorities, types), read once per session, and the mapping to it.
import type { TicketPriority, TicketStatus, TicketType, UserRole } from '../../../model';
import type { KayakoSession } from '../session';
import { listAll } from './context';

export interface Labelled {
	id: number;
	label: string;
	/** Statuses: NEW, OPEN, PENDING, COMPLETED, CLOSED, CUSTOM; types: QUESTION, TASK, ... */
	type?: string;
}

export interface ReferenceData {
	roles: { id: number; type: string; title: string }[];
	statuses: Labelled[];
	priorities: Labelled[];
	types: Labelled[];
	/** The mailbox id public posts are filed under (`channel_id` of MAIL); undefined when the account has no mailbox. */
	mailChannelId?: number;
}

const cache = new WeakMap<KayakoSession, Promise<ReferenceData>>();

/** Read once per session and kept: ids are per account but do not change during a migration. */
export function referenceData(session: KayakoSession): Promise<ReferenceData> {
	let pending = cache.get(session);
	if (!pending) {
		pending = Promise.all([
			listAll<{ id: number; type: string; title: string }>(session, 'roles.json'),
			listAll<Labelled>(session, 'cases/statuses.json'),
			listAll<Labelled>(session, 'cases/priorities.json'),
			listAll<Labelled>(session, 'cases/types.json'),
			listAll<{ type: string; account?: { id?: number } | null }>(session, 'cases/channels.json')
		]).then(([roles, statuses, priorities, types, channels]) => ({
			roles,
			statuses,
			priorities,
			types,
			mailChannelId: channels.find((channel) => channel.type === 'MAIL' && typeof channel.account?.id === 'number')?.account?.id
		}));
		// A failed read must not stick: the next call tries again.
		pending.catch(() => cache.delete(session));
		cache.set(session, pending);
	}
	return pending;
}

const ROLE_TYPE: Readonly<Record<UserRole, string>> = { customer: 'CUSTOMER', agent: 'AGENT', admin: 'ADMIN', 'light-agent': 'COLLABORATOR' };

export function roleIdFor(data: ReferenceData, role: UserRole): number | undefined {
	return data.roles.find((each) => each.type === ROLE_TYPE[role])?.id;
}

/** Kayako has no "on hold": it becomes Pending unless the account has a status of that name. */
const STATUS_TYPE: Readonly<Record<TicketStatus, string>> = { new: 'NEW', open: 'OPEN', pending: 'PENDING', 'on-hold': 'PENDING', solved: 'COMPLETED', closed: 'CLOSED' };

function byLabel(list: readonly Labelled[], label: string | undefined): Labelled | undefined {
	if (!label) return undefined;
	const wanted = label.trim().toLowerCase().replace(/[-_]+/g, ' ');
	return list.find((each) => each.label.trim().toLowerCase().replace(/[-_]+/g, ' ') === wanted);
}

/** The source's own status name first (custom statuses), then the status of the same kind. */
export function statusIdFor(data: ReferenceData, status: TicketStatus, statusLabel?: string): number | undefined {
	return (byLabel(data.statuses, statusLabel) ?? byLabel(data.statuses, status) ?? data.statuses.find((each) => each.type === STATUS_TYPE[status]))?.id;
}

export function priorityIdFor(data: ReferenceData, priority: TicketPriority | undefined): number | undefined {
	if (!priority) return undefined;
	return byLabel(data.priorities, priority)?.id;
}

export function typeIdFor(data: ReferenceData, type: TicketType | undefined): number | undefined {
	if (!type) return undefined;
	return (byLabel(data.types, type) ?? data.types.find((each) => each.type === type.toUpperCase()))?.id;
}
