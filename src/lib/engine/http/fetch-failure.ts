// Why fetch threw before any answer, and whether the request can have reached the server.

export interface FetchFailure {
	/** `never`: the connection was not made, nothing ran. `maybe`: it may have been sent and carried out. */
	sent: 'never' | 'maybe';
	/** Certificate problems and the like: trying again cannot help. */
	permanent: boolean;
	/** Plain words for a message, e.g. "the connection was refused". */
	reason: string;
	/** The system's error code when the platform gives one (Node does; browsers never say). */
	code?: string;
	/** The browser says it has no network at all: nothing left this computer, and waiting for the network is the cure. */
	offline?: boolean;
}

// Failures while opening the connection: the request itself never left.
const connectFailures: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'the connection was refused: nothing listens at that address and port',
	ENOTFOUND: 'the name does not resolve',
	EAI_AGAIN: 'the name could not be resolved right now',
	EHOSTUNREACH: 'there is no route to the host',
	ENETUNREACH: 'there is no route to the network',
	EADDRNOTAVAIL: 'the address is not available',
	UND_ERR_CONNECT_TIMEOUT: 'the connection could not be opened in time'
};

const certificateFailures: Readonly<Record<string, string>> = {
	EPROTO: 'the secure (TLS) connection could not be set up',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
	SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
	ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name'
};

const droppedConnections: Readonly<Record<string, string>> = {
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was closed while sending',
	UND_ERR_SOCKET: 'the connection was closed without an answer',
	UND_ERR_CLOSED: 'the connection was closed without an answer'
};

/**
 * Reads a thrown fetch error; under Node the system code sits in `cause` (sometimes inside an AggregateError).
 * `network` is the platform's word (`navigator.onLine`) before the request and after it failed: offline before, it never
 * left; offline only after, the connection was lost on the way and the server may have acted.
 */
export function describeFetchFailure(error: unknown, network: { before: boolean; after: boolean } = { before: true, after: true }): FetchFailure {
	if (!network.before) return { sent: 'never', permanent: false, offline: true, reason: 'this computer has no network connection' };
	if (!network.after) return { sent: 'maybe', permanent: false, offline: true, reason: 'the network connection was lost while the request was on its way' };
	const code = findCode(error, 0);
	if (code && connectFailures[code]) return { sent: 'never', permanent: false, reason: connectFailures[code], code };
	if (code && certificateFailures[code]) return { sent: 'never', permanent: true, reason: certificateFailures[code], code };
	if (code && droppedConnections[code]) return { sent: 'maybe', permanent: false, reason: droppedConnections[code], code };
	// The browser says only "Failed to fetch": a refused connection, a CORS refusal and a dropped one look alike.
	return {
		sent: 'maybe',
		permanent: false,
		reason: code ? `the connection failed (${code})` : 'the connection failed or the browser blocked the answer',
		...(code && { code })
	};
}

function findCode(error: unknown, depth: number): string | undefined {
	if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
	const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
	if (typeof code === 'string') return code;
	const fromCause = findCode(cause, depth + 1);
	if (fromCause) return fromCause;
	if (Array.isArray(errors)) {
		for (const inner of errors) {
			const fromInner = findCode(inner, depth + 1);
			if (fromInner) return fromInner;
		}
	}
	return undefined;
}
