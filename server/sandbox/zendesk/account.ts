// One sandbox account: the plan, the clock, generated people (cached) and the ticket store with its mutations.
import type { OffsetClock } from '../common/clock';
import { generateUser, isAgentIndex, type UserRecord } from './generator/people';
import { realUser } from './generator/real-profile';
import { Lru } from './generator/lru';
import { userCount, type AccountPlan } from './plan';
import { TicketStore } from './ticket-store';

export interface ZendeskAccount {
	plan: AccountPlan;
	clock: OffsetClock;
	tickets: TicketStore;
	baseUrl(): string;
	user(index: number): UserRecord;
	/** The user index an e-mail address belongs to, if any. */
	userIndexByEmail(email: string): number | undefined;
	requests: { total: number; byRoute: Record<string, number> };
	/** Fields a test laid over generated users (an invalid or shared address, a suspension), by user index. */
	userOverrides: Map<number, Partial<UserRecord>>;
	/** Misbehaviours of the ticket export that real accounts show. */
	quirks: ExportQuirks;
}

/**
 * - `repeatPages`: the next N cursor pages of the ticket export point back at themselves once, so the same page comes twice;
 * - `stuckCursor`: every page of the ticket export hands back the cursor it was asked with and says more is coming;
 * - `stuckCursors`: the next N cursor-export pages (any export) read with a cursor hand that same cursor back.
 */
export interface ExportQuirks {
	repeatPages: number;
	stuckCursor: boolean;
	stuckCursors: number;
}

/** The same misbehaviours, under the name the source tests use. */
export type SandboxQuirks = ExportQuirks;

export function createAccount(plan: AccountPlan, clock: OffsetClock, baseUrl: () => string): ZendeskAccount {
	const users = new Lru<number, UserRecord>(5_000);
	const userOverrides = new Map<number, Partial<UserRecord>>();
	const generatedUser = (index: number): UserRecord => {
		const cached = users.get(index);
		if (cached) return cached;
		const tidy = generateUser(plan, index);
		const generated = plan.profile === 'real' ? realUser(plan, index, tidy) : tidy;
		users.set(index, generated);
		return generated;
	};
	const user = (index: number): UserRecord => {
		const override = userOverrides.get(index);
		return override ? { ...generatedUser(index), ...override } : generatedUser(index);
	};
	return {
		plan,
		clock,
		tickets: new TicketStore(plan, () => clock.now(), baseUrl),
		baseUrl,
		user,
		userIndexByEmail(email) {
			const wanted = email.trim().toLowerCase();
			for (const [index, override] of userOverrides) if (override.email?.toLowerCase() === wanted) return index;
			for (let index = 0; index < plan.agents && isAgentIndex(plan, index); index += 1) if (user(index).email === wanted) return index;
			// End-user addresses carry their index (`name.123@domain`), so one lookup settles it.
			const match = /\.(\d+)@/.exec(wanted);
			const index = match ? Number(match[1]) : NaN;
			return Number.isInteger(index) && index < userCount(plan) && user(index).email === wanted ? index : undefined;
		},
		requests: { total: 0, byRoute: {} },
		userOverrides,
		quirks: { repeatPages: 0, stuckCursor: false, stuckCursors: 0 }
	};
}
