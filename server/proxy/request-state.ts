// What the proxy knows about one request while it is in flight: the judged target and how far the connection got.
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { ProxyTarget } from './target';

export interface RequestState {
	target?: ProxyTarget;
	/** The addresses admitted for the target; the connection goes to these and no others. */
	addresses?: string[];
	/** TCP (and TLS) established: from here on, a failure may have reached the helpdesk. */
	connected: boolean;
	timedOut: boolean;
	/** The request to the helpdesk, once http-proxy has opened it. */
	upstream?: ClientRequest;
	/** Path prefix a front proxy (nginx) serves us under, for rewriting redirects. */
	forwardedPrefix?: string;
}

export type RequestStates = WeakMap<IncomingMessage, RequestState>;
