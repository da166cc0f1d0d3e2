// Inline images on the sandboxes: each file is uploaded and attached once, the text shows it, and the report says why it is an attachment too (issue 11, defect 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRun } from '../../src/lib/engine/pipeline/runner';
import { pipelineOptionsFrom } from '../../src/lib/engine/pipeline/settings';
import { connectors, newMigration, startHarness, type Harness } from './migration-harness';

let harness: Harness;

beforeAll(async () => {
	harness = await startHarness({ tickets: 1, seed: 7 });
});
afterAll(() => harness.close());

describe('a ticket with inline images', () => {
	it('ends in Kayako with each file once, the images shown in the text, and a report line saying why they are attachments too', async () => {
		harness.kayako.reset();
		const ticket = harness.zendesk.addTicket({
			subject: 'Screen stays black',
			html: '<p>It looks like this:</p><p><img src="cid:black-screen.png" alt="screen"></p><p>and after a restart <img src="cid:after-restart.png"></p>',
			files: [
				{ file_name: 'black-screen.png', content_type: 'image/png', size: 3_000, inline: true },
				{ file_name: 'after-restart.png', content_type: 'image/png', size: 2_000, inline: true },
				{ file_name: 'crash.log', content_type: 'text/plain', size: 1_000 }
			]
		});
		// Zendesk's exports leave out the last minute.
		harness.zendesk.advanceClock(120_000);
		const { store, settings } = await newMigration(harness);
		const built = await connectors(settings);
		const full = await executeRun({ store, source: built.source, target: built.target, migrationId: settings.id, kind: 'full', options: pipelineOptionsFrom(settings) });
		expect(full.error).toBeUndefined();

		const view = harness.kayako.state('acme');
		const kase = view.cases.find((each) => each.legacy_id === String(ticket.id))!;
		const attachments = kase.posts.flatMap((post) => post.attachments);
		// Three source files: three uploads, three attachments, no file twice.
		expect(attachments.map((each) => each.name).sort()).toEqual(['after-restart.png', 'black-screen.png', 'crash.log']);
		expect(view.files.filter((file) => ['after-restart.png', 'black-screen.png', 'crash.log'].includes(file.name))).toHaveLength(3);
		// The text shows both images from the uploaded files, not from Zendesk.
		const contents = kase.posts.map((post) => post.contents).join('\n');
		const sources = [...contents.matchAll(/<img[^>]*src="([^"]+)"/g)].map((match) => match[1]);
		expect(sources).toHaveLength(2);
		for (const src of sources) expect(src).toMatch(/\/files\/\d+\/content/);

		const row = await store.getIdMapRow({ migrationId: settings.id, entity: 'tickets', sourceId: String(ticket.id) });
		expect(row?.reason).toContain('2 inline images are shown in the text and also listed as attachments');
	}, 60_000);
});
