// The Kayako writer reads each family's field list once per run: fields it creates or gives new options are added to its copy, not re-read with the whole list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { decodeFieldId } from '../../src/lib/engine/connectors/kayako/field-ids';
import { createKayakoTarget } from '../../src/lib/engine/connectors/kayako/target';
import type { FieldDefinition } from '../../src/lib/engine/model';
import type { References, TargetWriter } from '../../src/lib/engine/pipeline/target';
import { adminSession, startWriterSandbox } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let target: TargetWriter;
const refs: References = { kayakoId: () => undefined };

function field(id: string, title: string, options: string[] = []): FieldDefinition {
	return { id, entity: 'ticket', title, type: options.length > 0 ? 'dropdown' : 'text', options: options.map((label) => ({ value: label.toLowerCase(), label })), active: true, system: false };
}

const listReads = () => sandbox.state().requests.byRoute['GET /cases/fields'] ?? 0;

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	target = createKayakoTarget({
		session: adminSession(sandbox),
		settings: { oldIdInSubject: false, inlineImages: 'rewrite', skipAttachments: true, eventsAsNotes: false },
		download: () => Promise.reject(new Error('no attachments in these tests'))
	});
});

afterAll(() => sandbox.close());

describe('the Kayako field list', () => {
	it('is read once while several fields are created, and each is found again without a second create', async () => {
		const before = listReads();
		const first = await target.field(field('f1', 'Product line', ['Basic', 'Pro']), refs);
		const second = await target.field(field('f2', 'Contract number'), refs);
		const third = await target.field(field('f3', 'Region', ['North', 'South']), refs);
		expect(listReads() - before).toBe(1);
		expect([first.matched, second.matched, third.matched]).toEqual([false, false, false]);

		// The same definitions again (a resumed run's writer walks fields whole): matched from the kept copy, nothing new in Kayako.
		const count = sandbox.state().fields.length;
		const again = await target.field(field('f1', 'Product line', ['Basic', 'Pro', 'Enterprise']), refs);
		expect(again.matched).toBe(true);
		expect(decodeFieldId(again.kayakoId).id).toBe(decodeFieldId(first.kayakoId).id);
		expect((await target.field(field('f2', 'Contract number'), refs)).matched).toBe(true);
		expect(sandbox.state().fields).toHaveLength(count);
		expect(listReads() - before).toBe(1);
		// The option added on the second pass is in Kayako and in the copy: a third pass adds nothing.
		const productLine = sandbox.state().fields.find((each) => each.title === 'Product line')!;
		expect(productLine.options.map((option) => option.values[0])).toEqual(['Basic', 'Pro', 'Enterprise']);
		await target.field(field('f1', 'Product line', ['Basic', 'Pro', 'Enterprise']), refs);
		expect(sandbox.state().fields.find((each) => each.title === 'Product line')!.options).toHaveLength(3);
	});
});
