// A source user's picture as their Kayako avatar (issue 12): sent as `avatar` (multipart) on PUT /users/:id once the user
// exists, byte for byte; not sent again when the user's steps run again after a crash; a picture Kayako refuses (not an
// image) costs the user nothing, and the report and note say so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorsProxy } from '../../server/proxy/index';
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import { describeKayakoError } from '../../src/lib/engine/connectors/kayako/errors';
import { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { createUser, finishUser } from '../../src/lib/engine/connectors/kayako/writer/users';
import { HttpClient } from '../../src/lib/engine/http';
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

	it("that the CORS proxy's body limit refuses is not said to be refused by Kayako: the report names the proxy", async () => {
		const proxy = createCorsProxy({ allowHosts: [new URL(sandbox.accountUrl('acme')).host], env: {}, log: false, maxBodyBytes: 4000 });
		const proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;
		try {
			const http = new HttpClient({ proxyUrl, maxRetries: 1, baseBackoffMs: 10, describeError: describeKayakoError });
			const proxied = writeContext(new KayakoSession(http, sandbox.accountUrl('acme'), { email: 'admin@acme.example', password: 'Sandbox-Admin-1' }));
			// A picture above the proxy's limit, and every other request of the user (its create, its note) below it.
			const large = new Uint8Array([...PNG, ...Array.from({ length: 6000 }, (_, index) => (index * 11) % 256)]);
			proxied.bytes.set('photo-505', large);
			const written = await createUser(proxied, userWithPhoto('505'));
			// Kayako (which takes 20 MB) never saw the picture: the proxy refused the request for its size.
			expect(held(written.id).avatar).toBeUndefined();
			expect(notesOf(written.id)[0]).toContain('https://acme.zendesk.com/system/photos/505/profile.png');
			expect(plainReason(written.warnings[0]!.message)).toBe(
				`The user's Zendesk picture (https://acme.zendesk.com/system/photos/505/profile.png, ${large.length} bytes) is larger than the CORS proxy (or a server in front of Kayako) lets through, so it did not become their Kayako avatar; the user was moved without it. Kayako itself may take it: whoever runs that server can raise its limit on request size.`
			);
		} finally {
			await proxy.close();
		}
	});
});
