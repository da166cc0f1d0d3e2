// Sums the vitest and Playwright JSON reports into the one plain line CI reads: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		missing.push(file);
		continue;
	}
	const report = JSON.parse(readFileSync(file, 'utf8'));
	if (Array.isArray(report.testResults)) {
		// vitest (jest-compatible JSON)
		passed += report.numPassedTests ?? 0;
		failed += report.numFailedTests ?? 0;
		skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
		// A file that failed to load has no tests but counts as a failure.
		for (const suite of report.testResults) {
			if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
		}
	} else if (report.stats) {
		// Playwright
		passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
		failed += report.stats.unexpected ?? 0;
		skipped += report.stats.skipped ?? 0;
		failed += (report.errors ?? []).length;
	}
}
for (const file of missing) {
	console.log(`missing report ${file}: that suite did not run`);
	failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
