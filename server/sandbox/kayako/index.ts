// The Kayako API v1 sandbox: several accounts on one port (`/<account>/api/v1/...`), a JS and an HTTP control surface.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createOffsetClock } from '../common/clock';
import { createFaultInjector, type FaultKind, type FaultRule } from '../common/faults';
import { createMinuteWindows } from '../common/rate-window';
import { sendReply } from '../common/reply';
import { seededRandom } from '../common/rng';
import { closeServer, listen as listenServer } from '../../start/listen';
import { agentReply, AGENT_AREAS } from './agent/index';
import { createAuthStore } from './auth';
import { controlReply, type ControlTarget } from './control';
import { KAYAKO_SANDBOX_ACCOUNT, KAYAKO_SANDBOX_CREDENTIALS } from './credentials';
import { errorReply } from './errors';
import { settleJobs } from './jobs';
import { notAnApiReply, serveApi, unknownInstanceReply, type AccountRuntime, type PipelineEnv } from './pipeline';
import { BULK_KINDS, buildRouter } from './routes/index';
import { seedAccount } from './seed';
import { accountView, type KayakoAccountView } from './view';
import { KAYAKO_MAX_UPLOAD_BYTES } from '../../../src/lib/engine/connectors/kayako/writer/upload-limits';

export { KAYAKO_SANDBOX_CREDENTIALS, KAYAKO_SANDBOX_ACCOUNT } from './credentials';
export { SANDBOX_OTP } from './auth';
export { UNKNOWN_INSTANCE_TEXT } from './pipeline';
export type { KayakoAccountView } from './view';
export type { FaultRule, FaultKind } from '../common/faults';

export interface KayakoSandboxOptions {
	/** Seeds the generated data and the faults' and jobs' randomness; the same seed gives the same sandbox. */
	seed?: number;
	/** Account names hosted, e.g. ['acme', 'globex']; default ['acme']. */
	accounts?: string[];
	/** Requests per account per minute before 429; default 600. */
	rateLimitPerMinute?: number;
	/** Largest upload accepted by POST /files; default the writer's KAYAKO_MAX_UPLOAD_BYTES (20 MB). */
	maxUploadBytes?: number;
	/** A session unused this long answers 401; default 16 hours, like the recorded agent.session_expiry. */
	sessionIdleSeconds?: number;
	/** The time source under the offset clock; Date.now unless given. */
	now?: () => number;
	/** Scales how long bulk jobs take (default 1: 1.5–4.5 s in all); tests that only need jobs to run a while give less. */
	jobTimeScale?: number;
}

export interface KayakoFaults {
	set(rules: FaultRule[], account?: string): void;
	add(rule: FaultRule, account?: string): void;
	clear(account?: string): void;
	list(account?: string): FaultRule[];
	/** How many faults of each kind fired for the account since the sandbox was made or reset. */
	fired(account?: string): Partial<Record<FaultKind, number>>;
}

export interface KayakoSandbox {
	handle(req: IncomingMessage, res: ServerResponse): void;
	listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
	close(): Promise<void>;
	/** http://127.0.0.1:PORT/acme: what a user types as the Kayako URL. */
	accountUrl(account?: string): string;
	state(account?: string): KayakoAccountView;
	reset(): void;
	faults: KayakoFaults;
	setRateLimit(perMinute: number): void;
	/** What an admin does in Kayako's admin area, e.g. turning on allow_unsafe_html_in_articles. */
	setSetting(name: string, value: string, account?: string): void;
	advanceClock(ms: number): void;
	now(): number;
}

export const KAYAKO_SANDBOX_DEFAULTS = {
	seed: 20240115,
	rateLimitPerMinute: 600,
	maxUploadBytes: KAYAKO_MAX_UPLOAD_BYTES,
	sessionIdleSeconds: 16 * 3600,
	jobTimeScale: 1
} as const;

function reachable(host: string): string {
	if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
	return host.includes(':') ? `[${host}]` : host;
}

export function createKayakoSandbox(options: KayakoSandboxOptions = {}): KayakoSandbox {
	const seed = options.seed ?? KAYAKO_SANDBOX_DEFAULTS.seed;
	const names = options.accounts ?? [KAYAKO_SANDBOX_ACCOUNT];
	const clock = createOffsetClock(options.now);
	const windows = createMinuteWindows(options.rateLimitPerMinute ?? KAYAKO_SANDBOX_DEFAULTS.rateLimitPerMinute, clock.now);
	const auth = createAuthStore();
	let accounts = new Map<string, AccountRuntime>();
	let server: Server | undefined;
	let origin: string | undefined;

	function seedAll(): void {
		accounts = new Map(
			names.map((name, index) => [name, { state: seedAccount(name, seed + index), faults: createFaultInjector(seed + index), random: seededRandom(seed + 1000 + index) }])
		);
		auth.sessions.clear();
		auth.failures.clear();
		auth.otpTokens.clear();
		windows.clear();
	}
	seedAll();

	const env: PipelineEnv = {
		now: clock.now,
		windows,
		auth,
		router: buildRouter(),
		bulkKinds: BULK_KINDS,
		maxUploadBytes: options.maxUploadBytes ?? KAYAKO_SANDBOX_DEFAULTS.maxUploadBytes,
		sessionIdleMs: (options.sessionIdleSeconds ?? KAYAKO_SANDBOX_DEFAULTS.sessionIdleSeconds) * 1000,
		jobTimeScale: options.jobTimeScale ?? KAYAKO_SANDBOX_DEFAULTS.jobTimeScale
	};

	function runtime(account: string | undefined): AccountRuntime {
		const name = account ?? names[0] ?? KAYAKO_SANDBOX_ACCOUNT;
		const found = accounts.get(name);
		if (!found) throw new Error(`The Kayako sandbox hosts no account "${name}"; it hosts ${names.join(', ')}.`);
		return found;
	}

	const faults: KayakoFaults = {
		set: (rules, account) => runtime(account).faults.set(rules),
		add: (rule, account) => runtime(account).faults.add(rule),
		clear(account) {
			if (account !== undefined) runtime(account).faults.clear();
			else for (const entry of accounts.values()) entry.faults.clear();
		},
		list: (account) => runtime(account).faults.rules(),
		fired: (account) => runtime(account).faults.fired()
	};

	const sandbox: KayakoSandbox = {
		handle(req, res) {
			serve(req, res).catch((error: unknown) => {
				if (res.headersSent) res.destroy();
				else sendReply(res, errorReply(500, 'EXCEPTION_CAUGHT', { message: `The sandbox failed on this request: ${(error as Error).message}` }));
			});
		},
		async listen(port = 0, host = '127.0.0.1') {
			server = createServer((req, res) => sandbox.handle(req, res));
			const listening = await listenServer(server, port, host);
			origin = `http://${reachable(host)}:${listening.port}`;
			return { port: listening.port, url: origin };
		},
		async close() {
			if (server) await closeServer(server);
			server = undefined;
		},
		accountUrl(account) {
			if (origin === undefined) throw new Error('The Kayako sandbox is not listening yet; call listen() first.');
			return `${origin}/${account ?? names[0] ?? KAYAKO_SANDBOX_ACCOUNT}`;
		},
		state(account) {
			const entry = runtime(account);
			// Jobs whose time has come run before anyone looks, as they would before the next request.
			settleJobs(entry.state, clock.now(), BULK_KINDS);
			return accountView(entry.state, clock.now());
		},
		reset() {
			seedAll();
			clock.reset();
		},
		faults,
		setRateLimit: (perMinute) => windows.setLimit(perMinute),
		setSetting(name, value, account) {
			const setting = [...runtime(account).state.settings.values()].find((entry) => entry.name === name);
			if (!setting) throw new RangeError(`The sandbox has no setting ${name}.`);
			setting.value = value;
		},
		advanceClock: (ms) => clock.advance(ms),
		now: clock.now
	};

	const control: ControlTarget = {
		reset: sandbox.reset,
		state: sandbox.state,
		setFaults: faults.set,
		clearFaults: faults.clear,
		faultRules: faults.list,
		faultsFired: faults.fired,
		setRateLimit: sandbox.setRateLimit,
		setSetting: sandbox.setSetting,
		advanceClock: sandbox.advanceClock,
		now: clock.now,
		accountNames: () => [...names],
		credentials: KAYAKO_SANDBOX_CREDENTIALS
	};

	async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const base = origin ?? `http://${req.headers.host ?? '127.0.0.1'}`;
		const url = new URL(req.url ?? '/', base);
		const segments = url.pathname.split('/').filter(Boolean);
		const first = segments[0];
		if (first === '__sandbox') return sendReply(res, await controlReply(control, req, url));
		if (first === undefined) return sendReply(res, notAnApiReply());
		const entry = accounts.get(first);
		if (!entry) return sendReply(res, unknownInstanceReply());
		if (segments.length === 1 || AGENT_AREAS.has(segments[1] ?? '')) {
			// The agent pages show what a request would see: jobs whose time has come have run.
			settleJobs(entry.state, clock.now(), BULK_KINDS);
			return sendReply(res, await agentReply(entry.state, `/${first}`, segments.slice(1), req, url));
		}
		if (segments[1] !== 'api' || segments[2] !== 'v1') return sendReply(res, notAnApiReply());
		const apiPath = `/${segments.slice(3).join('/')}`.replace(/\.json$/, '');
		await serveApi(env, entry, req, res, url, apiPath, `${base}/${first}`);
	}

	return sandbox;
}
