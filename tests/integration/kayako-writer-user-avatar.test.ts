// A source user's picture as their Kayako avatar (issue 12): sent as `avatar` (multipart) on PUT /users/:id once the user
// exists, byte for byte; not sent again when the user's steps run again after a crash; a picture Kayako refuses (not an
// image) costs the user nothing, and the report and note say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { createUser, finishUser } from '../../src/lib/engine/connectors/kayako/writer/users';
import type { User } from '../../src/lib/engine/model';
import { plainReason } from '../../src/lib/engine/reports/reasons/because';
import { adminSession, startWriterSandbox, writeContext, type TestContext } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let ctx: TestContext;

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	ctx = writeContext(adminSession(sandbox));
});

afterAll(() => sandbox.close());

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function picture(fill: number): Uint8Array<ArrayBuffer> {
	return new Uint8Array([...PNG, ...Array.from({ length: 300 }, (_, index) => (index * fill) % 256)]);
}

function userWithPhoto(id: string): User {
	return { id, name: `Social ${id}`, role: 'customer', active: true, suspended: false, emails: [], phones: [], teamIds: [], tags: [], fields: {}, socialProfiles: [{ network: 'twitter', handle: `h${id}`, url: `https://twitter.com/h${id}` }], photoUrl: `https://acme.zendesk.com/system/photos/${id}/profile.png` };
}

function held(kayakoId: number) {
	return sandbox.state().users.find((user) => user.id === kayakoId)!;
}

function notesOf(kayakoId: number): string[] {
	return (sandbox.state().userNotes ?? []).filter((note) => note.user_id === kayakoId).map((note) => note.contents);
}

describe("a user's source picture", () => {
	it('becomes their Kayako avatar byte for byte, and the note and report no longer speak of it', async () => {
		const user = userWithPhoto('501');
		ctx.bytes.set('photo-501', picture(7));
		const written = await createUser(ctx, user);
		const avatar = held(written.id).avatar;
		expect(avatar?.name).toBe('profile.png');
		expect(Buffer.compare(avatar!.bytes, Buffer.from(picture(7)))).toBe(0);
		expect(notesOf(written.id).join('\n')).not.toContain('/system/photos/');
		expect(written.warnings.map((warning) => plainReason(warning.message)).join('\n')).not.toMatch(/picture/);
	});

	it('is not sent again when the user is finished again after a crash', async () => {
		const user = userWithPhoto('502');
		ctx.bytes.set('photo-502', picture(3));
		const written = await createUser(ctx, user);
		// Were it sent again, Kayako would now hold these other bytes.
		ctx.bytes.set('photo-502', picture(5));
		expect(await finishUser(ctx, user, written.id)).toEqual([]);
		expect(Buffer.compare(held(written.id).avatar!.bytes, Buffer.from(picture(3)))).toBe(0);
		expect(notesOf(written.id)).toHaveLength(1);
	});

	it('that Kayako refuses as not an image leaves the user without avatar, its address in the note, and the report saying so', async () => {
		const user = userWithPhoto('503');
		ctx.bytes.set('photo-503', new TextEncoder().encode('<html>not a picture</html>') as Uint8Array<ArrayBuffer>);
		const written = await createUser(ctx, user);
		expect(held(written.id)).toMatchObject({ full_name: 'Social 503', legacy_id: '503' });
		expect(held(written.id).avatar).toBeUndefined();
		expect(notesOf(written.id)[0]).toContain('https://acme.zendesk.com/system/photos/503/profile.png');
		expect(plainReason(written.warnings[0]!.message)).toMatch(/^Kayako refused the user's Zendesk picture \(https:\/\/acme\.zendesk\.com\/system\/photos\/503\/profile\.png\) as avatar: .*image/);
	});

	it('that is larger than Kayako takes leaves the user without avatar, and the report says so', async () => {
		const small = createKayakoSandbox({ accounts: ['acme'], maxUploadBytes: 200 });
		await small.listen(0, '127.0.0.1');
		try {
			const smallCtx = writeContext(adminSession(small));
			smallCtx.bytes.set('photo-504', picture(9));
			const written = await createUser(smallCtx, userWithPhoto('504'));
			expect(small.state().users.find((user) => user.id === written.id)?.avatar).toBeUndefined();
			expect(plainReason(written.warnings[0]!.message)).toMatch(/^Kayako refused the user's Zendesk picture .* as avatar: .*larger than/);
		} finally {
			await small.close();
		}
	});
});
