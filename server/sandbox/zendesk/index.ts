// The Zendesk Support + Help Center sandbox: a local stand-in for https://{subdomain}.zendesk.com, seeded, rate-limited, faultable.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOffsetClock } from '../common/clock';
import { createFaultInjector } from '../common/faults';
import { jsonReply, sendReply } from '../common/reply';
import { createAccount, type ZendeskAccount } from './account';
import { handleControl } from './control';
import type { SandboxStateSnapshot, ZendeskSandboxControls } from './controls';
import { isoSeconds } from './generator/time';
import { handleApi } from './http/pipeline';
import { createRateLimits } from './http/rate-limits';
import { DAY_MS, planAccount, userIndex, type AccountPlan, type SeedProfile } from './plan';
import { presentComment, presentTicket, withUrl } from './present';
import { createApiRouter, createFileHostRouter } from './routes/index';
import { DOWNLOAD_PATTERNS, fileHostRoutes } from './routes/downloads';
import { SandboxInputError, type NewTicket } from './ticket-store';

export { ZENDESK_SANDBOX_CREDENTIALS } from './credentials';
export type { SandboxStateSnapshot, ZendeskSandboxControls } from './controls';
export type { NewComment, NewTicket, TicketChange } from './ticket-store';

export interface ZendeskSandboxOptions {
	seed?: number;
	tickets?: number;
	rateLimitPerMinute?: number;
	now?: () => number;
	/** Where generated history ends (ms); by default the start of the current UTC day, so one day's runs see the same data. */
	historyEndsAt?: number;
	/** `tidy` (default): every value filled; `real`: shaped like a real account (social users without e-mail, -1, nulls, channels). */
	profile?: SeedProfile;
	/** The file host's port (attachments redirect there, as Zendesk's to `*.zdusercontent.com`); 0 picks a free one. */
	filesPort?: number;
	/** Multiplies every attachment's size (0–1, default 1): the bench's large runs keep the files but not their bytes. */
	attachmentScale?: number;
}

export interface ZendeskSandbox extends ZendeskSandboxControls {
	handle(req: IncomingMessage, res: ServerResponse): void;
	/** Listens on `port` for the API and on a second port for the file host; `alsoPorts` names the file host's. */
	listen(port?: number, host?: string): Promise<{ port: number; url: string; alsoPorts: number[] }>;
	close(): Promise<void>;
	/** The listening base URL, e.g. http://127.0.0.1:8102 (empty before listen). */
	readonly url: string;
	/** The file host's base URL, where downloads are redirected (empty before listen). */
	readonly filesUrl: string;
	readonly plan: AccountPlan;
}

export const DEFAULT_RATE_LIMIT = 700;

export function createZendeskSandbox(options: ZendeskSandboxOptions = {}): ZendeskSandbox {
	const seed = options.seed ?? 1;
	const clock = createOffsetClock(options.now ?? Date.now);
	const historyEnd = options.historyEndsAt ?? Math.floor(clock.now() / DAY_MS) * DAY_MS;
	const plan = planAccount(seed, options.tickets ?? 200, historyEnd, options.profile ?? 'tidy', options.attachmentScale ?? 1);
	const rateLimit = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT;
	const limits = createRateLimits(rateLimit, () => clock.now());
	const faults = createFaultInjector(seed);
	let listeningUrl = '';
	let filesUrl = '';
	let lastHostUrl = '';
	const baseUrl = (): string => listeningUrl || lastHostUrl || 'http://127.0.0.1';
	let account: ZendeskAccount = createAccount(plan, clock, baseUrl);
	const router = createApiRouter();
	const parts = {
		account: () => account,
		router,
		limits,
		faults,
		baseUrl: (req: IncomingMessage) => {
			if (!listeningUrl && req.headers.host) lastHostUrl = `http://${req.headers.host}`;
			return baseUrl();
		},
		downloads: DOWNLOAD_PATTERNS,
		filesUrl: () => filesUrl || undefined
	};
	const fileParts = { ...parts, router: createFileHostRouter(), downloads: new Set(Object.keys(fileHostRoutes)) };

	const controls: ZendeskSandboxControls = {
		state(): SandboxStateSnapshot {
			return {
				seed,
				now: clock.now(),
				rateLimitPerMinute: limits.accountLimit(),
				counts: { tickets: plan.tickets, agents: plan.agents, endUsers: plan.endUsers, organizations: plan.organizations, groups: plan.groups, articles: plan.articles },
				history: { start: isoSeconds(plan.historyStart), end: isoSeconds(plan.historyEnd) },
				mutations: account.tickets.mutationCounts(),
				requests: { total: account.requests.total, byRoute: { ...account.requests.byRoute } },
				faults: faults.rules(),
				quirks: { ...account.quirks }
			};
		},
		reset() {
			account = createAccount(plan, clock, baseUrl);
			clock.reset();
			limits.clear();
			limits.setAccountLimit(rateLimit);
			faults.clear();
			faults.reseed(seed);
		},
		faults,
		setQuirks(quirks) {
			const stuckCursors = quirks.stuckCursors ?? account.quirks.stuckCursors;
			if (!Number.isInteger(stuckCursors) || stuckCursors < 0) throw new SandboxInputError('stuckCursors must be a whole number of pages.');
			account.quirks.stuckCursors = stuckCursors;
			return { ...account.quirks };
		},
		setRateLimit: (perMinute) => limits.setAccountLimit(perMinute),
		advanceClock: (ms) => clock.advance(ms),
		now: () => clock.now(),
		addTicket(input: NewTicket = {}) {
			const requesterIndex = input.requesterId === undefined ? plan.agents : userIndex(plan, input.requesterId);
			if (requesterIndex === undefined) throw new SandboxInputError(`There is no user ${input.requesterId} to request the ticket.`);
			const requester = account.user(requesterIndex);
			return presentTicket(baseUrl(), account.tickets.addTicket(input, requester));
		},
		addComment: (ticketId, input) => presentComment(baseUrl(), account.tickets.addComment(ticketId, input), true),
		updateTicket: (ticketId, change) => presentTicket(baseUrl(), account.tickets.updateTicket(ticketId, change)),
		deleteTicket: (ticketId) => account.tickets.deleteTicket(ticketId),
		makeCommentPrivate: (ticketId, commentId) => presentComment(baseUrl(), account.tickets.makeCommentPrivate(ticketId, commentId), true),
		overrideUser(id, fields) {
			const index = userIndex(plan, id);
			if (index === undefined) throw new SandboxInputError(`There is no user ${id}.`, 404);
			// The id stays the generated one: it is what every ticket refers to.
			const rest: Partial<ReturnType<ZendeskAccount['user']>> = { ...fields };
			delete rest.id;
			account.userOverrides.set(index, { ...account.userOverrides.get(index), ...rest });
			return { ...withUrl(baseUrl(), 'users', account.user(index)) };
		},
		setExportQuirks(quirks) {
			if (quirks.repeatPages !== undefined) account.quirks.repeatPages = Math.max(0, Math.floor(Number(quirks.repeatPages)) || 0);
			if (quirks.stuckCursor !== undefined) account.quirks.stuckCursor = quirks.stuckCursor === true;
			return { ...account.quirks };
		}
	};

	const handle = (req: IncomingMessage, res: ServerResponse): void => {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const work = url.pathname.startsWith('/__sandbox/') ? handleControl(controls, req, res, url) : handleApi(parts, req, res, url);
		work.catch((error: unknown) => {
			if (!res.headersSent) sendReply(res, jsonReply(500, { error: 'InternalServerError', description: (error as Error).message }));
			else res.destroy();
		});
	};

	const handleFiles = (req: IncomingMessage, res: ServerResponse): void => {
		handleApi(fileParts, req, res, new URL(req.url ?? '/', 'http://sandbox.invalid')).catch(() => {
			if (!res.headersSent) sendReply(res, jsonReply(500, { error: 'InternalServerError' }));
			else res.destroy();
		});
	};

	const server = createServer(handle);
	const filesServer = createServer(handleFiles);
	return {
		...controls,
		plan,
		handle,
		get url() {
			return listeningUrl;
		},
		get filesUrl() {
			return filesUrl;
		},
		async listen(port = 0, host = '127.0.0.1') {
			const api = await listenOn(server, port, host);
			const files = await listenOn(filesServer, options.filesPort ?? 0, host).catch(async (error: unknown) => {
				await closeServer(server);
				throw error;
			});
			listeningUrl = api.url;
			filesUrl = files.url;
			return { port: api.port, url: api.url, alsoPorts: [files.port] };
		},
		async close() {
			await Promise.all([closeServer(server), closeServer(filesServer)]);
		}
	};
}

function listenOn(server: Server, port: number, host: string): Promise<{ port: number; url: string }> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = server.address() as AddressInfo;
			resolve({ port: address.port, url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` });
		});
	});
}

function closeServer(server: Server): Promise<void> {
	if (!server.listening) return Promise.resolve();
	return new Promise((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		server.closeAllConnections();
	});
}
