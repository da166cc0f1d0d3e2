// The headless runner's command line: npm run migrate -- --config FILE --run KIND --state DIR --reports DIR
import { parseArgs } from 'node:util';

export type RunnerKind = 'demo' | 'full' | 'delta' | 'rollback';

export interface RunnerArgs {
	config: string;
	run: RunnerKind;
	state: string;
	reports: string;
	/** For rollback: `demo` (every demo run), `all`, or a run id. */
	of: string;
}

export class RunnerArgsError extends Error {}

export const USAGE = `Usage: npm run migrate -- --config migration.json --run demo|full|delta|rollback [--of demo|all|RUN_ID] [--state DIR] [--reports DIR]

  --config   the migration as exported by the wizard (no passwords in it)
  --run      demo (20 tickets), full, delta (what changed since the last run) or rollback
  --of       for rollback: the demo runs (default), all runs, or one run id
  --state    where progress is kept; run the same command again to resume (default .state)
  --reports  where the CSV reports go (default reports)

Credentials come from the environment: KAYAKO_PASSWORD, and for the source
SOURCE_TOKEN (API token), SOURCE_PASSWORD, SOURCE_ACCESS_TOKEN (OAuth) or SOURCE_API_KEY.`;

const KINDS: readonly RunnerKind[] = ['demo', 'full', 'delta', 'rollback'];

export function parseRunnerArgs(argv: string[]): RunnerArgs {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: { config: { type: 'string' }, run: { type: 'string' }, state: { type: 'string' }, reports: { type: 'string' }, of: { type: 'string' } },
			strict: true
		}));
	} catch (error) {
		throw new RunnerArgsError(`${(error as Error).message}\n\n${USAGE}`);
	}
	if (!values.config) throw new RunnerArgsError(`--config is missing.\n\n${USAGE}`);
	const run = (values.run ?? '') as RunnerKind;
	if (!KINDS.includes(run)) throw new RunnerArgsError(`--run must be one of ${KINDS.join(', ')}${values.run ? `, not "${values.run}"` : ''}.\n\n${USAGE}`);
	return { config: values.config, run, state: values.state ?? '.state', reports: values.reports ?? 'reports', of: values.of ?? 'demo' };
}
