// Checks one bad-input fixture's expected outcome against what the Kayako sandbox holds and what the report says.
import type { KayakoAccountView } from '../../server/sandbox/kayako/view';
import type { Seeded } from './bad-input-fixtures';
import type { ReportRow } from './report-rows';

export interface CorpusWorld {
	kayako: KayakoAccountView;
	report: readonly ReportRow[];
	/** Source user id → the address the sandbox gives them (after overrides), for shared-address fixtures. */
	emailOf(userName: string): string | undefined;
}

type KayakoCase = KayakoAccountView['cases'][number];

const visible = (text: string) => text.replace(/\s+/g, ' ');

function ticketProblems(seeded: Seeded, world: CorpusWorld, kase: KayakoCase): string[] {
	const want = seeded.fixture.expect.ticket ?? {};
	const problems: string[] = [];
	const reason = world.report.find((row) => row.entity === 'tickets' && row.sourceId === seeded.ticketId)?.reason ?? '';
	const contents = kase.posts.map((post) => visible(post.contents)).join('\n');
	const files = kase.posts.flatMap((post) => post.attachments);
	if (want.subject !== undefined && kase.subject !== want.subject) problems.push(`subject is ${JSON.stringify(kase.subject)}, expected ${JSON.stringify(want.subject)}`);
	if (want.status !== undefined && kase.status !== want.status) problems.push(`status is ${kase.status}, expected ${want.status}`);
	if (want.postCount !== undefined && kase.posts.length !== want.postCount) problems.push(`${kase.posts.length} posts, expected ${want.postCount}`);
	if (want.fileCount !== undefined && files.length !== want.fileCount) problems.push(`${files.length} files attached, expected ${want.fileCount}`);
	for (const text of want.postsContain ?? []) if (!contents.includes(visible(text))) problems.push(`no post contains ${JSON.stringify(text)}`);
	for (const text of want.postsLack ?? []) if (contents.toLowerCase().includes(text.toLowerCase())) problems.push(`a post still contains ${JSON.stringify(text)}`);
	if (want.tagCount !== undefined && kase.tags.length !== want.tagCount) problems.push(`tags are ${JSON.stringify(kase.tags)}, expected ${want.tagCount} of them`);
	for (const tag of want.tagsLack ?? []) if (kase.tags.includes(tag)) problems.push(`tag ${JSON.stringify(tag)} is there on its own: one tag became several`);
	for (const [name, how] of Object.entries(want.files ?? {})) {
		const attached = files.some((file) => file.name === name);
		const noted = reason.includes(name);
		if (how === 'attached' && !attached) problems.push(`file ${name} is not attached`);
		if (how === 'noted' && (attached || !noted)) problems.push(`file ${name} should be left out and named in the report (attached: ${attached}, named: ${noted})`);
		if (how === 'attached-or-noted' && !attached && !noted) problems.push(`file ${name} is neither attached nor named in the report: lost silently`);
	}
	if (want.firstPostChannel !== undefined && kase.posts[0]?.channel !== want.firstPostChannel) problems.push(`first post is ${kase.posts[0]?.channel}, expected ${want.firstPostChannel}`);
	if (want.notOpen && kase.state === 'ACTIVE' && !['CLOSED', 'COMPLETED'].includes(kase.status)) problems.push(`the case is still ${kase.status} and active in Kayako`);
	// Keyed by the field's title, which the migration keeps.
	for (const [title, label] of Object.entries(want.fieldHasOption ?? {})) {
		const field = world.kayako.fields.find((each) => each.family === 'case' && each.title === title);
		const stored = field ? (kase.field_values[field.key] ?? '') : '';
		const labels = field ? stored.split(',').filter(Boolean).map((id) => field.options.find((option) => option.id === Number(id))?.values[0]) : [];
		if (!labels.includes(label)) problems.push(`the field "${title}" holds ${JSON.stringify(labels)}, expected it to keep ${JSON.stringify(label)}`);
	}
	return problems;
}

function userProblems(seeded: Seeded, world: CorpusWorld): string[] {
	const want = seeded.fixture.expect.user ?? {};
	const problems: string[] = [];
	const row = world.report.find((each) => each.entity === 'users' && each.sourceId === seeded.userId);
	const user = world.kayako.users.find((each) => String(each.id) === row?.kayakoId);
	if (want.oneKayakoUserWithEmailOf !== undefined) {
		const email = world.emailOf(want.oneKayakoUserWithEmailOf)?.trim().toLowerCase();
		const holders = world.kayako.users.filter((each) => email !== undefined && each.emails.includes(email));
		if (holders.length !== 1) problems.push(`${holders.length} Kayako users have the shared address ${email}, expected exactly one`);
	}
	if (want.requestedTicket) {
		const ticket = world.report.find((each) => each.entity === 'tickets' && each.sourceId === seeded.ticketId);
		const held = world.kayako.cases.some((kase) => kase.legacy_id === seeded.ticketId && kase.state === 'ACTIVE');
		if (ticket?.status !== 'migrated' || !held) problems.push(`the ticket they requested (${seeded.ticketId}) is ${ticket?.status ?? 'not in the report'}${held ? '' : ' and not in Kayako'}: their history is lost with them`);
	}
	if (row?.status !== 'migrated') return problems;
	if (!user) return [...problems, `reported migrated as Kayako user ${row.kayakoId}, which Kayako does not hold`];
	if (want.enabled !== undefined && user.is_enabled !== want.enabled) problems.push(`the Kayako user is ${user.is_enabled ? 'enabled' : 'disabled'}, expected ${want.enabled ? 'enabled' : 'disabled'}`);
	// Addresses compare without case, as mail does; spaces around them are not part of them.
	const held = user.emails.map((email) => email.toLowerCase());
	for (const email of want.emails ?? []) if (!held.includes(email.toLowerCase())) problems.push(`the Kayako user has ${JSON.stringify(user.emails)}, expected ${email}`);
	for (const email of want.emailsLack ?? []) if (held.includes(email.toLowerCase())) problems.push(`the Kayako user carries the invalid address ${email}`);
	return problems;
}

/** The problems with one fixture's outcome; empty when it came out as expected. */
export function checkFixture(seeded: Seeded, world: CorpusWorld): string[] {
	const expected = seeded.fixture.expect;
	const allowed = Array.isArray(expected.outcome) ? expected.outcome : [expected.outcome];
	const sourceId = expected.entity === 'users' ? seeded.userId : seeded.ticketId;
	const rows = world.report.filter((row) => row.entity === expected.entity && row.sourceId === sourceId);
	const row = rows[0];
	const cases = world.kayako.cases.filter((kase) => kase.legacy_id === seeded.ticketId && kase.state === 'ACTIVE');
	const problems: string[] = [];
	if (rows.length > 1) problems.push(`${rows.length} report rows for ${expected.entity} ${sourceId}`);
	if (expected.entity === 'tickets' && cases.length > 1) problems.push(`${cases.length} cases for ticket ${seeded.ticketId}`);
	const status = row?.status ?? 'not in the report';
	if (allowed.includes('not-migrated')) {
		if (cases.length > 0) problems.push(`ticket ${seeded.ticketId} is in Kayako as case ${cases[0]?.id}`);
		if (row && !(['skipped', 'failed'].includes(row.status) && row.reason.trim() !== '')) problems.push(`the report says ${row.status} ${row.reason}`.trim());
	} else if (!allowed.includes(status as never)) problems.push(`reported ${status}${row?.reason ? `: ${row.reason}` : ''}, expected ${allowed.join(' or ')}`);
	if (row && row.status !== 'migrated' && row.reason.trim() === '') problems.push(`reported ${row.status} without a reason`);
	if (expected.reason !== undefined && row && !new RegExp(expected.reason, 'i').test(row.reason)) problems.push(`the report's reason ${JSON.stringify(row.reason)} does not mention ${expected.reason}`);
	if (expected.entity === 'tickets' && row?.status === 'migrated') {
		const kase = cases[0];
		if (!kase) problems.push(`reported migrated, but Kayako holds no case for ticket ${seeded.ticketId}`);
		else problems.push(...ticketProblems(seeded, world, kase));
	}
	if (expected.entity === 'users') problems.push(...userProblems(seeded, world));
	return problems;
}
