// A Zendesk Twitter or Facebook user without e-mail in Kayako (issue 12): created with a name, handles and profile pages
// kept in a note on the user (Kayako's API cannot add those identities), the report saying so, the note never written twice.
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { MigrationError } from '../../src/lib/engine/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createUser, finishUser } from '../../src/lib/engine/connectors/kayako/writer/users';
import type { User } from '../../src/lib/engine/model';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	ctx = writeContext(adminSession(sandbox));
	// Pictures here are not on the source (the avatar tests give them bytes): a lasting "not found", as Zendesk's 404.
	ctx.download = async (attachment) => {
		throw new MigrationError({ kind: 'not-found', status: 404, message: `Zendesk has no file at ${attachment.url}.` });
	};
});

afterAll(() => sandbox.close());

const jana: User = {
	id: 'Z3870001',
	name: 'Jana Doe',
	role: 'customer',
	active: true,
	suspended: false,
	emails: [],
	phones: [],
	teamIds: [],
	tags: [],
	fields: {},
	socialProfiles: [{ network: 'twitter', handle: 'janadoe', url: 'https://twitter.com/janadoe' }],
	photoUrl: 'https://acme.zendesk.com/system/photos/3870001/profile.png'
};

function notesOf(kayakoId: number): string[] {
	return (sandbox.state().userNotes ?? []).filter((note) => note.user_id === kayakoId).map((note) => note.contents);
}

describe('a social user without e-mail', () => {
	it('is created under its name, with its handle, profile page and picture address in a note, and the report says why', async () => {
		const written = await createUser(ctx, jana);
		const held = sandbox.state().users.find((user) => user.id === written.id)!;
		expect(held).toMatchObject({ full_name: 'Jana Doe', legacy_id: 'Z3870001', emails: [] });
		const notes = notesOf(written.id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toContain('Twitter: @janadoe — https://twitter.com/janadoe');
		expect(notes[0]).toContain('https://acme.zendesk.com/system/photos/3870001/profile.png');
		expect(written.warnings.map((warning) => plainReason(warning.message))).toEqual([
			expect.stringMatching(/^The user's Zendesk picture \(https:\/\/acme\.zendesk\.com\/system\/photos\/3870001\/profile\.png\) could not be fetched: Zendesk has no file/),
			expect.stringMatching(/^This user has no e-mail address\. Kayako's API cannot add a Twitter or Facebook identity: @janadoe \(https:\/\/twitter\.com\/janadoe\) kept in a note.*picture did not become their Kayako avatar/)
		]);
		expect(held.avatar).toBeUndefined();
	});

	it('gets no second note when its steps run again after a crash', async () => {
		const facebook: User = { ...jana, id: 'Z3870002', name: 'Piet', socialProfiles: [{ network: 'facebook', handle: '100004711', url: 'https://www.facebook.com/100004711' }] };
		delete facebook.photoUrl;
		const written = await createUser(ctx, facebook);
		expect(await finishUser(ctx, facebook, written.id)).toEqual([]);
		expect(notesOf(written.id)).toEqual([`Known in Zendesk by a social identity, which Kayako's API cannot add to a user:\nFacebook: 100004711 — https://www.facebook.com/100004711`]);
	});

	it('writes no note for a user without social identities', async () => {
		const { photoUrl: _none, ...withoutPhoto } = jana;
		const written = await createUser(ctx, { ...withoutPhoto, id: 'Z1', name: 'Mail Person', emails: ['mail.person@example.org'], socialProfiles: [] });
		expect(notesOf(written.id)).toEqual([]);
		expect(written.warnings).toEqual([]);
	});
});
