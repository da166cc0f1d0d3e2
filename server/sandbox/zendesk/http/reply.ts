// What a Zendesk sandbox handler answers: a common JSON/bytes reply, or a stream of generated file bytes.
import type { Reply } from '../../common/reply';

export interface StreamReply {
	status: number;
	headers: Record<string, string>;
	stream: { length: number; chunks: () => Iterable<Buffer> };
}

export type ZendeskReply = Reply | StreamReply;

export function isStream(reply: ZendeskReply): reply is StreamReply {
	return 'stream' in reply;
}
