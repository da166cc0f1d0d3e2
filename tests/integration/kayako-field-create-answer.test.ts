// A custom field is taken from the answer to its create (or to its new options), not read back; a create whose answer was lost is found by title, never made twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KayakoSandbox } from '../../server/sandbox/kayako/index';
import { decodeFieldId } from '../../src/lib/engine/connectors/kayako/field-ids';
import { createKayakoTarget } from '../../src/lib/engine/connectors/kayako/target';
import type { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { ensureField } from '../../src/lib/engine/connectors/kayako/writer/fields';
import { MigrationError } from '../../src/lib/engine/errors';
import type { FieldDefinition } from '../../src/lib/engine/model';
import type { References, TargetWriter } from '../../src/lib/engine/pipeline/target';
import { adminSession, startWriterSandbox } from './kayako-writer-helpers';

let sandbox: KayakoSandbox;
let target: TargetWriter;
let session: KayakoSession;
const refs: References = { kayakoId: () => undefined };

function field(id: string, entity: FieldDefinition['entity'], title: string, options: string[] = []): FieldDefinition {
	return { id, entity, title, type: options.length > 0 ? 'dropdown' : 'text', options: options.map((label) => ({ value: label.toLowerCase(), label })), active: true, system: false };
}

const requests = (route: string) => sandbox.state().requests.byRoute[route] ?? 0;
const readBacks = () => ['cases', 'users', 'organizations'].reduce((sum, family) => sum + requests(`GET /${family}/fields/:id`), 0);
const titled = (title: string) => sandbox.state().fields.filter((each) => each.title === title);

/** What the pipeline's record step does: a create whose outcome is unknown is tried once more. */
async function fieldLikeThePipeline(definition: FieldDefinition) {
	try {
		return await target.field(definition, refs);
	} catch (error) {
		if (!(error instanceof MigrationError) || error.kind !== 'unknown-outcome') throw error;
		return target.field(definition, refs);
	}
}

beforeAll(async () => {
	sandbox = await startWriterSandbox();
	session = adminSession(sandbox);
	target = createKayakoTarget({
		session,
		settings: { oldIdInSubject: false, inlineImages: 'rewrite', skipAttachments: true, eventsAsNotes: false },
		download: () => Promise.reject(new Error('no attachments in these tests'))
	});
});

beforeEach(() => sandbox.faults.clear());

afterAll(() => sandbox.close());

describe('creating a Kayako field', () => {
	it('takes the field, its key and its option ids from the create answer: one POST each, no read back', async () => {
		const before = readBacks();
		const made = [
			await ensureField({ session }, field('c1', 'ticket', 'Plan tier', ['Basic', 'Pro'])),
			await ensureField({ session }, field('u1', 'user', 'Shoe size')),
			await ensureField({ session }, field('o1', 'organization', 'Account region', ['North', 'South']))
		];
		expect(readBacks() - before).toBe(0);
		expect(made.map((each) => each.created)).toEqual([true, true, true]);
		const inKayako = ['Plan tier', 'Shoe size', 'Account region'].map((title) => titled(title)[0]!);
		expect(made.map((each) => [each.target.id, each.target.key, each.target.type])).toEqual(inKayako.map((each) => [each.id, each.key, each.type]));
		// Each source option maps to Kayako's own option id, as values are written by it.
		const optionIds = (kayako: (typeof inKayako)[number]) => Object.fromEntries(kayako.options.map((option) => [option.values[0]!.toLowerCase(), option.id]));
		expect(Object.fromEntries(made[0]!.target.optionIds)).toEqual(optionIds(inKayako[0]!));
		expect(Object.fromEntries(made[2]!.target.optionIds)).toEqual(optionIds(inKayako[2]!));
		expect(made[0]!.target.optionIds.size).toBe(2);
	});

	it('adds missing options with one PUT and reads nothing back', async () => {
		await target.field(field('c2', 'ticket', 'Channel kind', ['Mail']), refs);
		const before = readBacks();
		const again = await target.field(field('c2', 'ticket', 'Channel kind', ['Mail', 'Phone']), refs);
		expect(again.matched).toBe(true);
		expect(readBacks() - before).toBe(0);
		expect(titled('Channel kind')[0]!.options.map((option) => option.values[0])).toEqual(['Mail', 'Phone']);
		// The added option is in the writer's copy: a third pass changes nothing.
		const puts = requests('PUT /cases/fields/:id');
		await target.field(field('c2', 'ticket', 'Channel kind', ['Mail', 'Phone']), refs);
		expect(requests('PUT /cases/fields/:id')).toBe(puts);
	});

	it('finds a field whose create answer was lost instead of creating it twice', async () => {
		sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: '/cases/fields', times: 1 });
		const written = await fieldLikeThePipeline(field('c3', 'ticket', 'Warranty until'));
		expect(titled('Warranty until')).toHaveLength(1);
		expect(decodeFieldId(written.kayakoId).id).toBe(titled('Warranty until')[0]!.id);
		// Later passes match it.
		expect((await target.field(field('c3', 'ticket', 'Warranty until'), refs)).matched).toBe(true);
		expect(titled('Warranty until')).toHaveLength(1);
	});

	it('finds an option field whose create answer was lost, with its options, in Kayako once', async () => {
		sandbox.faults.add({ kind: 'drop-after', method: 'POST', path: '/users/fields', times: 1 });
		await fieldLikeThePipeline(field('u2', 'user', 'Preferred shift', ['Early', 'Late']));
		expect(titled('Preferred shift')).toHaveLength(1);
		expect(titled('Preferred shift')[0]!.options.map((option) => option.values[0])).toEqual(['Early', 'Late']);
	});
});
