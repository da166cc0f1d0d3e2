// One sandbox account: the plan, the clock, generated people (cached) and the ticket store with its mutations.
import type { OffsetClock } from '../common/clock';
import { generateUser, isAgentIndex, type UserRecord } from './generator/people';
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
	/** Misbehaviour a test asks for, as real Zendesk accounts have shown it. */
	quirks: SandboxQuirks;
}

export interface SandboxQuirks {
	/** The next N cursor-export pages read with a cursor hand that same cursor back as `after_cursor`: the export never moves on. */
	stuckCursors: number;
}

export function createAccount(plan: AccountPlan, clock: OffsetClock, baseUrl: () => string): ZendeskAccount {
	const users = new Lru<number, UserRecord>(5_000);
	const user = (index: number): UserRecord => {
		const cached = users.get(index);
		if (cached) return cached;
		const generated = generateUser(plan, index);
		users.set(index, generated);
		return generated;
	};
	return {
		plan,
		clock,
		tickets: new TicketStore(plan, () => clock.now(), baseUrl),
		baseUrl,
		user,
		userIndexByEmail(email) {
			const wanted = email.trim().toLowerCase();
			for (let index = 0; index < plan.agents && isAgentIndex(plan, index); index += 1) if (user(index).email === wanted) return index;
			// End-user addresses carry their index (`name.123@domain`), so one lookup settles it.
			const match = /\.(\d+)@/.exec(wanted);
			const index = match ? Number(match[1]) : NaN;
			return Number.isInteger(index) && index < userCount(plan) && user(index).email === wanted ? index : undefined;
		},
		requests: { total: 0, byRoute: {} },
		quirks: { stuckCursors: 0 }
	};
}
