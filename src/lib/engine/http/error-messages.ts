// Turns a failed request into a MigrationError whose sentence says what failed, why, and what to do.
import { MigrationError, type ErrorInfo, type ErrorKind } from '../errors';
import type { FetchFailure } from './fetch-failure';
import type { DescribedError, HttpResponse } from './types';

export interface RequestContext {
	method: string;
	host: string;
	/** Already stripped of secrets. */
	url: string;
	/** The proxy's address for messages, when one is used. */
	proxy?: string;
	attempts: number;
	timeoutMs: number;
}

const LOOK_IT_UP = 'Look the record up in the helpdesk before sending it again.';

const statusNames: Readonly<Record<number, string>> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	406: 'Not Acceptable',
	408: 'Request Timeout',
	409: 'Conflict',
	412: 'Precondition Failed',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Content',
	426: 'Upgrade Required',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	501: 'Not Implemented',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout'
};

function statusText(status: number): string {
	const name = statusNames[status];
	return name ? `${status} ${name}` : String(status);
}

function requestText(context: RequestContext): string {
	return `${context.method} ${context.url}`;
}

function triesText(context: RequestContext): string {
	return context.attempts > 1 ? ` (tried ${context.attempts} times)` : '';
}

function baseInfo(kind: ErrorKind, context: RequestContext, message: string): ErrorInfo {
	return { kind, message, host: context.host, method: context.method, url: context.url };
}

/** The helpdesk answered with an error status. */
export function answerError(
	kind: ErrorKind,
	context: RequestContext,
	response: HttpResponse,
	described: DescribedError | undefined,
	retryAfterMs: number | undefined
): MigrationError {
	const { host } = context;
	const what = requestText(context);
	const status = statusText(response.status);
	const code = described?.code ? `, ${described.code}` : '';
	const parameter = described?.parameter ? ` (about "${described.parameter}")` : '';
	const said = described?.message ? ` ${host} said: "${described.message}"${parameter}` : parameter ? ` It named the parameter "${described?.parameter}".` : '';
	const wait = retryAfterMs === undefined ? 'a while' : `${Math.ceil(retryAfterMs / 1000)} seconds`;
	const sentences: Partial<Record<ErrorKind, string>> = {
		'auth-failed': `${host} refused the credentials for ${what} (${status}${code}). Check the e-mail address, password or API token.`,
		forbidden: `${host} does not let this account do ${what} (${status}${code}). Use an administrator account or give this one the missing permission.`,
		'not-found': `${host} has nothing at ${what} (${status}${code}). Check the helpdesk address; the record may have been deleted.`,
		'too-large': `${host} refused ${what} as too large (${status}${code}): the file or request is bigger than it accepts.`,
		'rate-limited': `${host} kept answering ${status} to ${what}${triesText(context)}. Wait ${wait} and resume, or set fewer requests per minute.`,
		timeout: `${host} stopped waiting for ${what} (${status})${triesText(context)}. Try again later.`,
		'server-error': `${host} answered ${status}, a fault on its side, to ${what}${triesText(context)}. Try again later; if it keeps happening, the helpdesk's support can say why.`,
		'unknown-outcome': `${what} reached ${host}, which answered ${status} (a fault on its side), so it may or may not have been carried out. ${LOOK_IT_UP}`
	};
	const message = `${sentences[kind] ?? `${host} refused ${what} with ${status}${code}: it did not accept the data sent.`}${said}`;
	const info: ErrorInfo = { ...baseInfo(kind, context, message), status: response.status };
	if (described?.code) info.code = described.code;
	if (described?.message) info.helpdeskMessage = described.message;
	if (described?.parameter) info.parameter = described.parameter;
	if (retryAfterMs !== undefined) info.retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
	// The response is the cause, so a connector can read fields of the body the description left out.
	return new MigrationError(info, { cause: response });
}

/** The proxy answered for itself (`X-Proxy-Error`). */
export function proxyAnswerError(kind: ErrorKind, context: RequestContext, response: HttpResponse, proxyCode: string, proxyMessage: string | undefined): MigrationError {
	const what = requestText(context);
	const proxy = `The CORS proxy at ${context.proxy ?? 'the configured address'}`;
	const explanation = proxyMessage ?? `it reported "${proxyCode}".`;
	let message: string;
	if (kind === 'unknown-outcome') {
		const why = proxyCode === 'target-timeout' ? 'no answer came in time' : 'the connection was dropped before an answer came';
		message = `${what} was sent to ${context.host} through the proxy, but ${why}, so it may or may not have been carried out. ${LOOK_IT_UP}`;
	} else if (kind === 'proxy-refused') {
		message = `${proxy} refused to forward ${what}: ${explanation}`;
	} else {
		message = `${proxy} could not complete ${what}${triesText(context)}: ${explanation}`;
	}
	return new MigrationError({ ...baseInfo(kind, context, message), status: response.status, code: proxyCode }, { cause: response });
}

/** fetch threw, or our own timeout fired, before an answer came. */
export function failureError(kind: ErrorKind, context: RequestContext, failure: FetchFailure | 'timeout', cause: unknown): MigrationError {
	const what = requestText(context);
	const { host } = context;
	const seconds = Math.round(context.timeoutMs / 1000);
	let message: string;
	if (failure === 'timeout') {
		message =
			kind === 'unknown-outcome'
				? `${what} was sent to ${host}, but no answer came within ${seconds} seconds, so it may or may not have been carried out. ${LOOK_IT_UP}`
				: `${host} did not answer ${what} within ${seconds} seconds${triesText(context)}. It may be overloaded; try again later.`;
	} else if (kind === 'unknown-outcome') {
		const path = context.proxy ? ` (through the CORS proxy at ${context.proxy})` : '';
		message = `${what} was sent to ${host}${path}, but ${failure.reason} before an answer came, so it may or may not have been carried out. ${LOOK_IT_UP}`;
	} else if (kind === 'proxy-unreachable') {
		message = `The CORS proxy at ${context.proxy ?? 'the configured address'} does not answer (${failure.reason}), so ${what} could not be completed${triesText(context)}. Start the proxy (npm start runs one) or check its address.`;
	} else {
		// Browsers hide why: a helpdesk that refuses cross-origin requests fails exactly like one that is down.
		const hint = failure.code ? '' : ' If the helpdesk does not accept requests from a browser, set a CORS proxy.';
		message = `${host} could not be reached for ${what} (${failure.reason})${triesText(context)}. Check the helpdesk address and the network connection.${hint}`;
	}
	return new MigrationError(baseInfo(kind, context, message), { cause });
}

export function cancelledError(context: RequestContext, cause: unknown): MigrationError {
	return new MigrationError(baseInfo('cancelled', context, `${requestText(context)} was cancelled before it finished.`), { cause });
}

/** A success status whose JSON body does not parse: cut off or garbled on the way, read again where that is safe. */
export function malformedError(kind: ErrorKind, context: RequestContext, status: number, text: string): MigrationError {
	const what = requestText(context);
	const message =
		kind === 'unknown-outcome'
			? `${context.host} answered ${what} with ${status}, but its answer was cut off or is not valid JSON, so what it created is unknown. ${LOOK_IT_UP}`
			: `${context.host} answered ${what} with ${status}, but its answer was cut off or is not valid JSON${triesText(context)}. This is usually a passing fault of the network or the helpdesk: resume the migration later. If it keeps happening, check that the address points to the helpdesk's API and not to a login page or another server.`;
	return new MigrationError({ ...baseInfo(kind, context, message), status }, { cause: { status, text: text.slice(0, 2000) } });
}

/** A download whose bytes do not add up to the size declared for it. */
export function shortDownloadError(kind: ErrorKind, context: RequestContext, declared: number, received: number): MigrationError {
	const message = `The file at ${requestText(context)} came from ${context.host} with ${received} of its ${declared} bytes${triesText(context)}: the download was cut off. Resume the migration later to fetch it again.`;
	return new MigrationError(baseInfo(kind, context, message), { cause: { declared, received } });
}

/** A success status came, then the connection dropped while its body was read. */
export function truncatedError(kind: ErrorKind, context: RequestContext, status: number, cause: unknown): MigrationError {
	const what = requestText(context);
	const message =
		kind === 'unknown-outcome'
			? `${context.host} answered ${what} with ${status}, but the connection dropped while the answer was read, so what it created is unknown. ${LOOK_IT_UP}`
			: `${context.host} answered ${what} with ${status}, but the connection dropped while the answer was read${triesText(context)}. Check the network connection.`;
	return new MigrationError({ ...baseInfo(kind, context, message), status }, { cause });
}
