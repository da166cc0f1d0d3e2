// Kayako's largest upload is configurable, so the writer learns it per run from Kayako's answers instead of assuming 20 MB:
// the first file Kayako refuses as too large is tried once, files as large after it are never downloaded, a file an account
// configured higher takes lands byte for byte, and the CORS proxy's own body limit is told apart from Kayako's.
// Small files stand for large ones: each Kayako sandbox's limit is set just below or well above the file's size.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorsProxy, type CorsProxy } from '../../server/proxy/index';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { describeKayakoError } from '../../src/lib/engine/connectors/kayako/errors';
import { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { importCases } from '../../src/lib/engine/connectors/kayako/writer/cases';
import { HttpClient } from '../../src/lib/engine/http';
import type { Attachment, Comment, TicketBundle } from '../../src/lib/engine/model';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { adminSession, writeContext, type TestContext } from './kayako-writer-helpers';
import { useSandbox } from './zendesk-sandbox-fixtures';
import { openSource } from './zendesk-source-fixtures';

const zendesk = useSandbox({ seed: 42, tickets: 60 });
/** The file that stands for a large one (a film of 21 or 30 MB), and a small one that always goes in. */
let movie: Attachment;
let small: Attachment;
let sourceComment: Comment;
let download: (attachment: Attachment) => Promise<Blob>;
const sandboxes: KayakoSandbox[] = [];
const proxies: CorsProxy[] = [];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
	const { source } = openSource(zendesk.sandbox());
	download = (attachment) => source.download(attachment);
	const found: { attachment: Attachment; comment: Comment }[] = [];
	for (let ticket = 1; ticket <= 60 && found.length < 40; ticket += 1) {
		for (const comment of await source.comments(String(ticket)).catch(() => [])) {
			for (const attachment of comment.attachments) if (!attachment.inline && attachment.size > 0 && attachment.size < 200_000) found.push({ attachment, comment });
		}
	}
	const bySize = found.sort((a, b) => a.attachment.size - b.attachment.size);
	const largest = bySize.at(-1);
	small = bySize[0]!.attachment;
	if (!largest || small.size * 2 > largest.attachment.size) throw new Error('The seeded account has no two attachments of clearly different sizes.');
	movie = largest.attachment;
	sourceComment = largest.comment;
}, 60_000);

afterAll(async () => {
	for (const sandbox of sandboxes) await sandbox.close();
	for (const proxy of proxies) await proxy.close();
});

/** A Kayako sandbox whose largest upload is `maxUploadBytes`, as an account's configuration sets it. */
async function kayakoTaking(maxUploadBytes: number): Promise<KayakoSandbox> {
	// Bulk jobs at a tenth of their usual time: these tests are about files, not about waiting for jobs.
	const sandbox = createKayakoSandbox({ accounts: ['acme'], maxUploadBytes, jobTimeScale: 0.1 });
	await sandbox.listen(0, '127.0.0.1');
	sandboxes.push(sandbox);
	return sandbox;
}

/** A new run's writer (a new session: it knows nothing of the limit yet), its downloads from the Zendesk sandbox. */
function runOn(sandbox: KayakoSandbox, session: KayakoSession = adminSession(sandbox)): TestContext {
	const context = writeContext(session);
	context.download = download;
	context.ids.set('users:C1', sandbox.state().users.find((user) => user.role === 'CUSTOMER')!.id);
	return context;
}

let counter = 0;
function ticketWith(attachments: Attachment[]): TicketBundle {
	counter += 1;
	const id = `L${counter}`;
	const comment: Comment = { id: `lc${counter}`, ticketId: id, authorId: 'C1', public: false, html: '<p>See the file.</p>', plain: 'See the file.', createdAt: sourceComment.createdAt, attachments };
	return {
		ticket: { id, subject: `Files ${id}`, status: 'open', requesterId: 'C1', tags: [], fields: {}, ccEmails: [], followerIds: [], createdAt: sourceComment.createdAt, updatedAt: sourceComment.createdAt },
		comments: [comment]
	};
}

/** The same film again, as another ticket's attachment. */
const copyOf = (attachment: Attachment, name: string): Attachment => ({ ...attachment, id: name, fileName: name });

/** Requests the Zendesk sandbox had for attachment bytes (the account's address and the file host's). */
function downloads(): number {
	return Object.entries(zendesk.sandbox().state().requests.byRoute)
		.filter(([route]) => route.includes('/attachments/token/'))
		.reduce((sum, [, count]) => sum + count, 0);
}

const uploads = (sandbox: KayakoSandbox) => sandbox.state().requests.byRoute['POST /files'] ?? 0;

function postsOf(sandbox: KayakoSandbox, legacyId: string) {
	return sandbox.state().cases.find((each) => each.legacy_id === legacyId)?.posts ?? [];
}

async function servedDigest(attachment: Attachment): Promise<string> {
	return sha256(new Uint8Array(await (await fetch(attachment.url)).arrayBuffer()));
}

/** Downloads one file cost: the yardstick (the account's address sends the client on to the file host). */
async function downloadsPerFile(): Promise<number> {
	const before = downloads();
	await download(small);
	return downloads() - before;
}

describe('Kayako\'s upload limit, learned per run', () => {
	it('at an account\'s limit below the file: tries the first such file once, and never downloads the later ones', async () => {
		const kayako = await kayakoTaking(movie.size - 1);
		const run = runOn(kayako);
		const perFile = await downloadsPerFile();
		const [first, second, third] = [copyOf(movie, 'film-1.mov'), copyOf(movie, 'film-2.mov'), copyOf(movie, 'film-3.mov')];
		const tickets = [ticketWith([first]), ticketWith([second, small]), ticketWith([third])];
		const downloadsBefore = downloads();
		// The first ticket alone: a batch uploads several tickets' files at once, so files below Kayako's default limit
		// that go up together are all tried before the first refusal is heard (at most UPLOAD_POOL of them).
		const outcomes = new Map([...(await importCases(run, tickets.slice(0, 1))), ...(await importCases(run, tickets.slice(1)))]);
		const reasons = tickets.map((ticket) => outcomes.get(ticket.ticket.id)?.warnings.map((warning) => plainReason(warning.message)));
		expect(reasons).toEqual(['film-1.mov', 'film-2.mov', 'film-3.mov'].map((name) => [`Attachment ${name} (${movie.size} bytes) is larger than Kayako accepts; it was left out.`]));
		expect(tickets.map((ticket) => outcomes.get(ticket.ticket.id)?.ok)).toEqual([true, true, true]);
		// The first film (refused once) and the small file: no later film was fetched, nor sent.
		expect(downloads() - downloadsBefore).toBe(2 * perFile);
		expect(uploads(kayako)).toBe(2);
		expect(postsOf(kayako, tickets[1]!.ticket.id)[0]!.attachments.map((each) => [each.name, each.sha256])).toEqual([[small.fileName, await servedDigest(small)]]);
	}, 30_000);

	it('starts knowing nothing in a new run: the account\'s limit may have been raised in between', async () => {
		const kayako = await kayakoTaking(movie.size - 1);
		expect((await importCases(runOn(kayako), [ticketWith([copyOf(movie, 'old.mov')])])).size).toBe(1);
		const before = uploads(kayako);
		const ticket = ticketWith([copyOf(movie, 'again.mov')]);
		const outcome = (await importCases(runOn(kayako), [ticket])).get(ticket.ticket.id);
		expect(outcome?.warnings.map((warning) => plainReason(warning.message))).toEqual([`Attachment again.mov (${movie.size} bytes) is larger than Kayako accepts; it was left out.`]);
		expect(uploads(kayako) - before).toBe(1);
	}, 30_000);

	it('at an account configured higher than the file: the file lands byte for byte', async () => {
		const kayako = await kayakoTaking(movie.size * 2);
		const ticket = ticketWith([movie]);
		const outcome = (await importCases(runOn(kayako), [ticket])).get(ticket.ticket.id);
		expect(outcome).toMatchObject({ ok: true, warnings: [] });
		expect(postsOf(kayako, ticket.ticket.id)[0]!.attachments.map((each) => [each.name, each.size, each.sha256])).toEqual([[movie.fileName, movie.size, await servedDigest(movie)]]);
	}, 30_000);

	it('tells the CORS proxy\'s body limit apart from Kayako\'s, and does not fetch a file as large again', async () => {
		const kayako = await kayakoTaking(movie.size * 2);
		const proxy = createCorsProxy({ allowHosts: [new URL(kayako.accountUrl('acme')).host], env: {}, log: false, maxBodyBytes: movie.size - 1 });
		proxies.push(proxy);
		const proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;
		const http = new HttpClient({ proxyUrl, maxRetries: 1, baseBackoffMs: 10, describeError: describeKayakoError });
		const run = runOn(kayako, new KayakoSession(http, kayako.accountUrl('acme'), { email: 'admin@acme.example', password: 'Sandbox-Admin-1' }));
		const perFile = await downloadsPerFile();
		const tickets = [ticketWith([copyOf(movie, 'through-1.mov')]), ticketWith([copyOf(movie, 'through-2.mov'), small])];
		const before = downloads();
		const outcomes = new Map([...(await importCases(run, tickets.slice(0, 1))), ...(await importCases(run, tickets.slice(1)))]);
		const onTheWay = (name: string) =>
			`Attachment ${name} (${movie.size} bytes) is larger than the CORS proxy (or a server in front of Kayako) lets through; it was left out. Kayako itself may take it: whoever runs that server can raise its limit on request size.`;
		expect(tickets.map((ticket) => outcomes.get(ticket.ticket.id)?.warnings.map((warning) => plainReason(warning.message)))).toEqual([[onTheWay('through-1.mov')], [onTheWay('through-2.mov')]]);
		expect(downloads() - before).toBe(2 * perFile);
		// Kayako never saw the film: the proxy refused it; only the small file reached it.
		expect(uploads(kayako)).toBe(1);
		expect(postsOf(kayako, tickets[1]!.ticket.id)[0]!.attachments.map((each) => each.name)).toEqual([small.fileName]);
	}, 30_000);
});
