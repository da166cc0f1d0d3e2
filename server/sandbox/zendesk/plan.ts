// The shape of the generated account: how many of each record, their id ranges and the stretch of time they cover.
export const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;

/** Id bases per record type, far apart so an id says what it is when reading logs. */
export const ID = {
	user: 10_000_000,
	organization: 20_000_000,
	group: 30_000_000,
	ticketField: 40_000_000,
	ticketFieldOption: 41_000_000,
	userField: 42_000_000,
	organizationField: 43_000_000,
	ticketForm: 44_000_000,
	brand: 45_000_000,
	customStatus: 46_000_000,
	groupMembership: 47_000_000,
	organizationMembership: 48_000_000,
	identity: 50_000_000_000,
	comment: 1_000_000_000_000,
	audit: 2_000_000_000_000,
	attachment: 3_000_000_000_000,
	category: 60_000_000,
	section: 61_000_000,
	article: 62_000_000,
	articleAttachment: 63_000_000,
	translation: 64_000_000
} as const;

/** `tidy`: every value filled, the default; `real`: shaped like a real account (social users, -1, nulls), see generator/real-profile. */
export type SeedProfile = 'tidy' | 'real';

export interface AccountPlan {
	seed: number;
	profile: SeedProfile;
	tickets: number;
	agents: number;
	endUsers: number;
	organizations: number;
	groups: number;
	articles: number;
	/** Generated history runs from `historyStart` to `historyEnd` (ms); nothing generated is newer. */
	historyStart: number;
	historyEnd: number;
	/** Every attachment's size is multiplied by this (1 by default); the bench's scale runs shrink the bytes, not the files. */
	attachmentScale: number;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, Math.round(value)));
}

export function planAccount(seed: number, tickets: number, historyEnd: number, profile: SeedProfile = 'tidy', attachmentScale = 1): AccountPlan {
	if (!(attachmentScale >= 0 && attachmentScale <= 1)) throw new Error(`The attachment scale must be between 0 and 1; got ${attachmentScale}.`);
	if (!Number.isInteger(tickets) || tickets < 0) throw new Error(`The number of tickets must be a whole number, at least 0; got ${tickets}.`);
	return {
		seed,
		profile,
		tickets,
		agents: clamp(tickets / 250, 8, 60),
		endUsers: clamp(tickets / 2.5, 24, 2_000_000),
		organizations: clamp(tickets / 40, 4, 300),
		groups: 5,
		// Enough for a Help Center worth migrating: 31 articles at 500 tickets.
		articles: clamp(tickets / 16, 12, 400),
		historyStart: historyEnd - HISTORY_DAYS * DAY_MS,
		historyEnd,
		attachmentScale
	};
}

/** Users are numbered agents first (index 0 is the admin the credentials name), then end users. */
export function userCount(plan: AccountPlan): number {
	return plan.agents + plan.endUsers;
}

export function userId(index: number): number {
	return ID.user + index;
}

export function userIndex(plan: AccountPlan, id: number): number | undefined {
	const index = id - ID.user;
	return Number.isInteger(index) && index >= 0 && index < userCount(plan) ? index : undefined;
}

export function organizationId(index: number): number {
	return ID.organization + index;
}

export function groupId(index: number): number {
	return ID.group + index;
}

export function commentId(ticketId: number, position: number): number {
	return ID.comment + ticketId * 1000 + position;
}

export function auditId(ticketId: number, position: number): number {
	return ID.audit + ticketId * 1000 + position;
}

export function attachmentId(ticketId: number, position: number, slot: number): number {
	return ID.attachment + ticketId * 10_000 + position * 10 + slot;
}

/** Reads (ticket, comment position, slot) back out of an attachment id. */
export function attachmentOrigin(id: number): { ticketId: number; position: number; slot: number } | undefined {
	const rest = id - ID.attachment;
	if (!Number.isInteger(rest) || rest < 0) return undefined;
	return { ticketId: Math.floor(rest / 10_000), position: Math.floor((rest % 10_000) / 10), slot: rest % 10 };
}
