// The ticket part of the audit: one case per ticket, its posts (none twice, none missing), its files byte for byte, its references.
import { createHash } from 'node:crypto';
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import { textOf } from '../../src/lib/engine/connectors/kayako/writer/post-markers';
import type { Attachment, Comment, Ticket } from '../../src/lib/engine/model';
import type { FindingLog } from './findings';
import type { ReportIndex } from './report-index';

type KayakoCase = KayakoAccountView['cases'][number];
type KayakoPost = KayakoCase['posts'][number];

export interface TicketAuditEnv {
	log: FindingLog;
	report: ReportIndex;
	download(attachment: Attachment): Promise<Blob>;
	maxUploadBytes: number;
	hashUpTo: number;
}

const second = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;

async function sha256(blob: Blob): Promise<string> {
	return createHash('sha256').update(Buffer.from(await blob.arrayBuffer())).digest('hex');
}

/** Groups by a key, keeping order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
	return groups;
}

/** Files of the comments made at one moment against the files on the posts made at that moment. */
async function auditFiles(env: TicketAuditEnv, ticket: Ticket, comments: Comment[], posts: KayakoPost[]): Promise<void> {
	const record = `tickets ${ticket.id}`;
	const reason = env.report.row('tickets', ticket.id)?.reason ?? '';
	const pool = posts.flatMap((post) => post.attachments);
	const missing = new Set<string>();
	for (const attachment of comments.flatMap((comment) => comment.attachments)) {
		const at = pool.findIndex((stored) => stored.name === attachment.fileName && stored.size === attachment.size);
		if (attachment.size > env.maxUploadBytes) {
			if (at >= 0) pool.splice(at, 1);
			else if (!reason.includes(attachment.fileName)) env.log.add('misreported', record, `file ${attachment.fileName} (${attachment.size} bytes) is larger than Kayako takes, and the report does not say it was left out`);
			continue;
		}
		if (at < 0) {
			missing.add(attachment.fileName);
			if (reason.includes(attachment.fileName)) env.log.accountedFor += 1;
			else env.log.add('lost', record, `file ${attachment.fileName} (${attachment.id}, ${attachment.size} bytes) is missing and the report does not say so`);
			continue;
		}
		const [stored] = pool.splice(at, 1);
		if (!stored || attachment.size > env.hashUpTo) continue;
		env.log.checked.files += 1;
		const expected = await sha256(await env.download(attachment));
		if (stored.sha256 !== expected) env.log.add('wrong', record, `file ${attachment.fileName} (${attachment.id}) differs from the source byte for byte`);
	}
	for (const extra of pool) {
		// A file under the name of a missing one, with another size: something else was uploaded in its place (a cut body, a gateway's page).
		if (missing.has(extra.name)) env.log.add('wrong', record, `file ${extra.name} in Kayako has ${extra.size} bytes, not the source's: something other than the file was uploaded in its place`);
		else env.log.add('duplicate', record, `file ${extra.name} (${extra.size} bytes) is attached more often than the source has it`);
	}
}

/**
 * Posts against comments. First by the second they were written and public/private, as a full run writes them (bulk
 * import keeps times). What is left is matched by its words: a delta appends comments as notes at the time of the call,
 * as Kayako's reply endpoint takes no time. A comment with no post is lost, one with two is a duplicate, a post that
 * matches no comment is wrong.
 */
async function auditPosts(env: TicketAuditEnv, ticket: Ticket, comments: Comment[], kase: KayakoCase): Promise<void> {
	const record = `tickets ${ticket.id}`;
	// A ticket without comments still becomes a case with one post (its description).
	if (comments.length === 0) {
		env.log.checked.posts += kase.posts.length;
		if (kase.posts.length > 1) env.log.add('duplicate', record, `${kase.posts.length} posts for a ticket without comments`);
		return;
	}
	const key = (time: string, isPublic: boolean) => `${second(time)} ${isPublic ? 'public' : 'private'}`;
	const byPost = groupBy(kase.posts, (post) => key(post.created_at, post.channel !== 'NOTE'));
	const leftover: Comment[] = [];
	for (const [moment, written] of groupBy(comments, (comment) => key(comment.createdAt, comment.public))) {
		const posted = byPost.get(moment) ?? [];
		byPost.delete(moment);
		env.log.checked.posts += written.length;
		const when = new Date(Number(moment.split(' ')[0])).toISOString();
		if (posted.length > written.length) env.log.add('duplicate', record, `${posted.length} posts for the ${written.length} ${moment.split(' ')[1]} comment(s) of ${when} (${written.map((comment) => comment.id).join(', ')})`);
		leftover.push(...written.slice(posted.length));
		// Files of a duplicate post are not counted again: the post already is.
		await auditFiles(env, ticket, written.slice(0, posted.length), posted.slice(0, written.length));
	}
	let unmatched = [...byPost.values()].flat();
	for (const comment of leftover) {
		const text = textOf(comment.html || comment.plain).slice(0, 80);
		const found = text === '' ? [] : unmatched.filter((post) => textOf(post.contents).includes(text));
		unmatched = unmatched.filter((post) => !found.includes(post));
		if (found.length === 0) {
			env.report.absent(env.log, 'tickets', ticket.id, `comment ${comment.id} (${comment.public ? 'public' : 'private'}, ${comment.createdAt}) is not posted`);
			continue;
		}
		if (found.length > 1) env.log.add('duplicate', record, `comment ${comment.id} (${comment.createdAt}) is posted ${found.length} times (posts ${found.map((post) => post.id).join(', ')})`);
		await auditFiles(env, ticket, [comment], found.slice(0, 1));
	}
	for (const post of unmatched) {
		// A post carrying the words of a comment that already has its post: the comment went in again (a delta re-posting a thread).
		const again = comments.find((comment) => {
			const text = textOf(comment.html || comment.plain).slice(0, 80);
			return text !== '' && textOf(post.contents).includes(text);
		});
		if (again) env.log.add('duplicate', record, `post ${post.id} (${post.channel}, ${post.created_at}) posts comment ${again.id} (${again.createdAt}) again`);
		else env.log.add('wrong', record, `post ${post.id} (${post.channel}, ${post.created_at}) matches no comment of the source by time or by words`);
	}
}

function auditReferences(env: TicketAuditEnv, ticket: Ticket, kase: KayakoCase): void {
	const record = `tickets ${ticket.id}`;
	const checks: [string, string, string | undefined, number | null][] = [
		['requester', 'users', ticket.requesterId, kase.requester_id],
		['assignee', 'users', ticket.assigneeId, kase.assigned_agent_id],
		['team', 'teams', ticket.teamId, kase.assigned_team_id]
	];
	for (const [name, entity, sourceId, held] of checks) {
		const expected = env.report.kayakoId(entity, sourceId);
		if (expected !== undefined && held !== expected) env.log.add('wrong', record, `the ${name} is Kayako ${entity} ${held ?? 'none'}, but source ${entity} ${sourceId} migrated as ${expected}`);
	}
}

export async function auditTickets(env: TicketAuditEnv, tickets: readonly Ticket[], comments: ReadonlyMap<string, Comment[]>, kayako: KayakoAccountView, deleted: ReadonlySet<string> = new Set()): Promise<void> {
	const cases = groupBy(
		kayako.cases.filter((kase) => kase.legacy_id !== null && kase.state === 'ACTIVE'),
		(kase) => kase.legacy_id ?? ''
	);
	const known = new Set(tickets.map((ticket) => ticket.id));
	for (const ticket of tickets) {
		env.log.checked.tickets += 1;
		const record = `tickets ${ticket.id}`;
		const held = cases.get(ticket.id) ?? [];
		const row = env.report.row('tickets', ticket.id);
		// The case the report names is the ticket's; any other is the duplicate (later runs write to the named one).
		const kase = held.find((each) => row?.status === 'migrated' && String(each.id) === row.kayakoId) ?? held[0];
		for (const extra of held.filter((each) => each !== kase)) env.log.add('duplicate', record, `case ${extra.id} is a second case for the ticket (the report names ${kase?.id})`);
		if (!kase) {
			env.report.absent(env.log, 'tickets', ticket.id, 'no case in Kayako');
			continue;
		}
		if (!row) env.log.add('misreported', record, `case ${kase.id} is in Kayako but the ticket is in no report`);
		else if (row.status !== 'migrated') env.log.add('misreported', record, `case ${kase.id} is in Kayako but the report says ${row.status}: ${row.reason}`);
		else if (!held.some((each) => String(each.id) === row.kayakoId)) env.log.add('misreported', record, `the report names case ${row.kayakoId}, Kayako holds the ticket as case ${kase.id}`);
		const sorted = [...(comments.get(ticket.id) ?? [])].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
		await auditPosts(env, ticket, sorted, kase);
		auditReferences(env, ticket, kase);
	}
	for (const [legacy, held] of cases) {
		if (known.has(legacy)) continue;
		// Deleted in the source after it moved: its case stays, closed, with its posts.
		if (deleted.has(legacy)) {
			for (const kase of held.filter((each) => !['CLOSED', 'COMPLETED'].includes(each.status))) env.log.add('wrong', `tickets ${legacy}`, `case ${kase.id} of a ticket deleted in the source is still ${kase.status}`);
			continue;
		}
		env.log.add('wrong', `tickets ${legacy}`, `case ${held.map((kase) => kase.id).join(', ')} holds a ticket the source does not have`);
	}
}
