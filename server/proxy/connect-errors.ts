// Plain words for why a connection to a helpdesk could not be made.
const reasons: Readonly<Record<string, string>> = {
	ECONNREFUSED: 'connection refused: nothing listens at that address and port',
	ENOTFOUND: 'the name does not resolve',
	EAI_AGAIN: 'the name could not be resolved right now',
	EHOSTUNREACH: 'no route to the host',
	ENETUNREACH: 'no route to the network',
	ETIMEDOUT: 'no answer to the connection attempt',
	ECONNRESET: 'the connection was reset while opening',
	EPROTO: 'the TLS handshake failed',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
	SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
	CERT_HAS_EXPIRED: 'its TLS certificate has expired',
	ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name'
};

export function describeConnectError(error: NodeJS.ErrnoException): string {
	const code = error.code ?? '';
	return reasons[code] ?? (code ? `error ${code}` : 'the connection failed');
}
