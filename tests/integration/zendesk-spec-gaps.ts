// Reads the list of places where real Zendesk and its OpenAPI file disagree from docs/zendesk-vs-spec.md, the one place they are listed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SPEC_GAPS_FILE = fileURLToPath(new URL('../../docs/zendesk-vs-spec.md', import.meta.url));

export interface SpecGap {
	/** `object field`, as the table row names it. */
	name: string;
	keyword: string;
	/** Matches an ajv `instancePath` that ends at this field of such an object. */
	instancePath: RegExp;
}

/** Where each kind of object sits in an answer: alone, in a list, or as a deleted user. */
const OBJECT_PATHS: Record<string, string> = {
	ticket: '(?:tickets/\\d+|ticket)',
	user: '(?:users/\\d+|user|deleted_users/\\d+|deleted_user)',
	attachment: '(?:attachments/\\d+|attachment)'
};

export function readSpecGaps(text = readFileSync(SPEC_GAPS_FILE, 'utf8')): SpecGap[] {
	const table = /<!-- spec-gaps:start -->([\s\S]*?)<!-- spec-gaps:end -->/.exec(text)?.[1];
	if (!table) throw new Error(`${SPEC_GAPS_FILE} has no spec-gaps table.`);
	const rows = table.split('\n').filter((line) => line.startsWith('|') && !line.startsWith('|---') && !line.startsWith('| object'));
	return rows.map((row) => {
		const [object = '', field = '', keyword = ''] = row.split('|').slice(1).map((cell) => cell.trim());
		const objectPath = OBJECT_PATHS[object];
		if (!objectPath || !field || !keyword) throw new Error(`A row of the spec-gaps table is not "| object | field | check | ... |": ${row}`);
		const fieldPath = field.split('/').map((part) => (part === '*' ? '\\d+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
		return { name: `${object} ${field}`, keyword, instancePath: new RegExp(`(?:^|/)${objectPath}/${fieldPath}$`) };
	});
}

/** The gap an ajv error is, if any; `anyOf`/`oneOf` wrappers are judged by the errors of their branches, listed beside them. */
export function gapOf(gaps: SpecGap[], error: { instancePath: string; keyword: string }): SpecGap | 'wrapper' | undefined {
	if (error.keyword === 'anyOf' || error.keyword === 'oneOf') return 'wrapper';
	return gaps.find((gap) => gap.keyword === error.keyword && gap.instancePath.test(error.instancePath));
}
