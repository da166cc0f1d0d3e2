// The runner's lines after a delta: per entity what was added and updated, comments appended, and each ticket's old and new case.
import { describe, expect, it } from 'vitest';
import { deltaLines } from '../../server/runner/delta-lines';

describe('deltaLines', () => {
	it('names per entity what the delta added, updated, appended and imported again, and each old -> new case', () => {
		const lines = deltaLines({
			entities: { users: { added: 2, updated: 1 }, tickets: { added: 3, updated: 5, commentsAppended: 12, reimported: 2 }, teams: { added: 0, updated: 0 } },
			commentsAppended: 12,
			reimported: [
				{ sourceId: '101', oldKayakoId: 7, newKayakoId: 40 },
				{ sourceId: '102', oldKayakoId: 8, newKayakoId: 41 }
			]
		});
		expect(lines).toEqual([
			'Delta: users: 2 new, 1 updated; tickets: 3 new, 5 updated (12 comments appended), 2 imported again under a new case number.',
			"  ticket 101: case 7 -> case 40 (the old case is in Kayako's trash)",
			"  ticket 102: case 8 -> case 41 (the old case is in Kayako's trash)"
		]);
	});

	it('says when nothing had changed, and prints nothing for other runs', () => {
		expect(deltaLines({ entities: {}, commentsAppended: 0, reimported: [] })).toEqual(['Delta: nothing had changed.']);
		expect(deltaLines(undefined)).toEqual([]);
	});
});
