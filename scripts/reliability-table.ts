// Writes docs/reliability.md from the suites' own summaries in reports/reliability/*.json: run `npm test` (or a suite) first, then `npm run reliability`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Summary {
	suite: string;
	scenario: string;
	tickets: number;
	crashes: number;
	starts: number;
	errors: number;
	finished: boolean;
	faults: Record<string, number>;
	badInputs?: { total: number; asExpected: number };
	audit: { duplicates: number; lost: number; wrong: number; misreported: number; accountedFor: number } | null;
	findings: string[];
	at: string;
}

const root = join(import.meta.dirname, '..');
const folder = join(root, 'reports', 'reliability');
const target = join(root, 'docs', 'reliability.md');

function read(): Summary[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as Summary);
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const injected = (summary: Summary) => sum(Object.values(summary.faults));
const cell = (text: string | number) => String(text).replace(/\|/g, '\\|');

function table(summaries: Summary[]): string[] {
	const lines = [
		'| Suite | Scenario | Tickets | Crashes | Faults injected | Bad inputs (as expected / total) | Finished | Starts (stopped by an error) | Duplicates found | Records lost | Wrong | Misreported |',
		'|---|---|--:|--:|--:|--:|:-:|--:|--:|--:|--:|--:|'
	];
	for (const summary of summaries) {
		const bad = summary.badInputs ? `${summary.badInputs.asExpected} / ${summary.badInputs.total}` : '–';
		const audit = summary.audit ? [summary.audit.duplicates, summary.audit.lost, summary.audit.wrong, summary.audit.misreported].join(' | ') : 'no audit | – | – | –';
		lines.push(`| ${cell(summary.suite)} | ${cell(summary.scenario)} | ${summary.tickets} | ${summary.crashes} | ${injected(summary)} | ${bad} | ${summary.finished ? 'yes' : '**no**'} | ${summary.starts} (${summary.errors}) | ${audit} |`);
	}
	const all = (pick: (summary: Summary) => number) => sum(summaries.map(pick));
	const audited = (pick: (audit: NonNullable<Summary['audit']>) => number) => all((each) => (each.audit ? pick(each.audit) : 0));
	lines.push(
		`| **all** | ${summaries.length} scenarios | ${all((each) => each.tickets)} | ${all((each) => each.crashes)} | ${all(injected)} | ${all((each) => each.badInputs?.asExpected ?? 0)} / ${all((each) => each.badInputs?.total ?? 0)} | ${summaries.filter((each) => each.finished).length} of ${summaries.length} | ${all((each) => each.starts)} (${all((each) => each.errors)}) | ${audited((audit) => audit.duplicates)} | ${audited((audit) => audit.lost)} | ${audited((audit) => audit.wrong)} | ${audited((audit) => audit.misreported)} |`
	);
	return lines;
}

function faultKinds(summaries: Summary[]): string[] {
	const kinds = new Map<string, number>();
	for (const summary of summaries) for (const [kind, count] of Object.entries(summary.faults)) kinds.set(kind, (kinds.get(kind) ?? 0) + count);
	return [...kinds.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, count]) => `- \`${kind}\`: ${count}`);
}

function findings(summaries: Summary[]): string[] {
	return summaries.filter((summary) => summary.findings.length > 0).flatMap((summary) => [`**${summary.scenario}**`, '', ...summary.findings.map((line) => `- ${line}`), '']);
}

const summaries = read();
const newest = summaries.map((summary) => summary.at).sort().at(-1) ?? 'never';
const text = [
	'# Reliability',
	'',
	'<!-- Written by scripts/reliability-table.ts from reports/reliability/*.json; do not edit by hand: run the suites, then `npm run reliability`. -->',
	'',
	'What the fault suite, the bad-input corpus and their long variants did to the migration, and what the audit found afterwards',
	'(`tests/audit/`): it compares the source, what the Kayako sandbox holds, and the migration\'s report. *Crashes* are kills of',
	'the engine mid-run, each followed by a resume; *faults* are the sandboxes\' injected failures (5xx, 429 with and without',
	'Retry-After, drops before and after the server acted, slow, truncated, garbled and non-JSON answers, garbled job polls,',
	'expired sessions, cut downloads). *Wrong* is a record in Kayako that differs from the source (a reference, a file\'s bytes);',
	'*misreported* is a report line that Kayako does not bear out. *Starts* counts the first run and every resume; in',
	'brackets, the starts that ended in an error rather than a kill: a fault alone must never stop a run.',
	'',
	summaries.length === 0 ? '_No summaries yet: run `npx vitest run tests/integration/fault-*.test.ts tests/integration/bad-input-*.test.ts`, then `npm run reliability`._' : `Newest summary: ${newest}.`,
	'',
	...table(summaries),
	'',
	'## Faults injected, by kind',
	'',
	...faultKinds(summaries),
	'',
	'## What the audit found',
	'',
	...(findings(summaries).length > 0 ? findings(summaries) : ['Nothing: no duplicate, nothing lost, nothing wrong or misreported.', '']),
].join('\n');
writeFileSync(target, `${text.trimEnd()}\n`);
console.log(`Wrote ${target} from ${summaries.length} summaries.`);
