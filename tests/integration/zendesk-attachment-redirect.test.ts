// Attachment downloads as real Zendesk serves them: a 302 from the account's host to a signed URL on a second host
// (like `*.zdusercontent.com`), followed by the CORS proxy only when that host is allowed, bytes matching the declared size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';
import { fileBytes } from '../../server/sandbox/zendesk/generator/bytes';
import { createZendeskSource } from '../../src/lib/engine/connectors/zendesk/connector';
import { sourceHttp } from '../../src/lib/engine/connectors/sources';
import { MigrationError } from '../../src/lib/engine/errors';
import { CREDENTIALS, getJson, useSandbox } from './zendesk-sandbox-fixtures';

const SEED = 42;
const { sandbox, url } = useSandbox({ seed: SEED, tickets: 40 });

interface ListedAttachment {
	id: number;
	content_url: string;
	content_type: string;
	size: number;
	file_name: string;
}

async function someAttachments(count: number): Promise<ListedAttachment[]> {
	const found: ListedAttachment[] = [];
	for (let ticket = 1; ticket <= 40 && found.length < count; ticket += 1) {
		const answer = await getJson<{ comments: { attachments: ListedAttachment[] }[] }>(`${url()}/api/v2/tickets/${ticket}/comments.json`);
		for (const comment of answer.json.comments) for (const attachment of comment.attachments) if (attachment.size > 0 && attachment.size < 2_000_000) found.push(attachment);
	}
	expect(found.length).toBeGreaterThanOrEqual(count);
	return found.slice(0, count);
}

let proxies: CorsProxy[] = [];
async function proxyAllowing(hosts: string[]): Promise<string> {
	const proxy = createCorsProxy({ allowHosts: hosts, env: {}, log: false });
	proxies.push(proxy);
	return (await proxy.listen(0, '127.0.0.1')).url;
}
beforeAll(() => {
	proxies = [];
});
afterAll(async () => {
	for (const proxy of proxies) await proxy.close();
});

describe('an attachment download on the account\'s host', () => {
	it('answers 302 to a signed URL on another host, whose bytes match the declared size', async () => {
		const [attachment] = await someAttachments(1);
		const first = await fetch(attachment!.content_url, { redirect: 'manual' });
		expect(first.status).toBe(302);
		const location = new URL(first.headers.get('location') ?? '');
		expect(location.origin).toBe(sandbox().filesUrl);
		expect(location.host).not.toBe(new URL(url()).host);
		expect(location.searchParams.get('signature')).toMatch(/^[0-9a-z]+$/);
		const bytes = Buffer.from(await (await fetch(location)).arrayBuffer());
		expect(bytes.length).toBe(attachment!.size);
		expect(bytes.equals(fileBytes(SEED, attachment!.id, attachment!.content_type, 0, attachment!.size))).toBe(true);
	});

	it('refuses a file URL with a wrong signature, or one that has expired', async () => {
		const [attachment] = await someAttachments(1);
		const location = new URL((await fetch(attachment!.content_url, { redirect: 'manual' })).headers.get('location') ?? '');
		const forged = new URL(location);
		forged.searchParams.set('signature', 'forged');
		expect((await fetch(forged)).status).toBe(403);
		const unsigned = new URL(location);
		unsigned.search = '';
		expect((await fetch(unsigned)).status).toBe(403);
		sandbox().advanceClock(2 * 3600_000);
		try {
			expect((await fetch(location)).status).toBe(403);
		} finally {
			sandbox().reset();
		}
	});
});

describe('downloads through the CORS proxy', () => {
	const source = (proxyUrl: string) => createZendeskSource(sourceHttp(proxyUrl, fetch, 'zendesk', true), { subdomainUrl: url() }, { kind: 'api-token', email: CREDENTIALS.email, token: CREDENTIALS.apiToken });

	it('follows the redirect to the allowed file host and brings the files byte for byte', async () => {
		const proxyUrl = await proxyAllowing([new URL(url()).host, new URL(sandbox().filesUrl).host]);
		for (const attachment of await someAttachments(3)) {
			const blob = await source(proxyUrl).download({ id: String(attachment.id), fileName: attachment.file_name, contentType: attachment.content_type, size: attachment.size, url: attachment.content_url, inline: false });
			expect(Buffer.from(await blob.arrayBuffer()).equals(fileBytes(SEED, attachment.id, attachment.content_type, 0, attachment.size))).toBe(true);
		}
	});

	it('does not follow it to a file host the proxy was not told to allow', async () => {
		const proxyUrl = await proxyAllowing([new URL(url()).host]);
		const [attachment] = await someAttachments(1);
		const failure = await source(proxyUrl)
			.download({ id: String(attachment!.id), fileName: attachment!.file_name, contentType: attachment!.content_type, size: attachment!.size, url: attachment!.content_url, inline: false })
			.then(() => undefined, (error: unknown) => error);
		expect(failure).toBeInstanceOf(MigrationError);
		expect((failure as MigrationError).info.kind).toBe('proxy-refused');
	});
});
