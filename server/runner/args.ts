// The headless runner's command line: npm run migrate -- --config FILE --run KIND --state DIR --reports DIR [--allow-proxy URL]
import { parseArgs } from 'node:util';

export type RunnerKind = 'demo' | 'full' | 'delta' | 'rollback';

export interface RunnerArgs {
	config: string;
	run: RunnerKind;
	state: string;
	reports: string;
	/** The language of the reports' words and reasons. */
	reportLanguage: 'en' | 'de';
	/** The CSV reports' separator: "," for English, ";" for German unless given. */
	separator: ',' | ';';
	/** For rollback: `demo` (every demo run), `all`, or a run id. */
	of: string;
	/** The proxies the user trusts with the passwords, from every --allow-proxy (each may list several, comma-separated). */
	allowProxy: string[];
}

export class RunnerArgsError extends Error {}

/** Asked for --help: the caller prints USAGE and stops. */
export class RunnerHelpRequested extends Error {}

export const ALLOW_PROXY_ENV = 'MIGRATE_ALLOW_PROXY';

export const USAGE = `Usage: npm run migrate -- --config migration.json --run demo|full|delta|rollback [--of demo|all|RUN_ID] [--state DIR] [--reports DIR] [--report-language en|de] [--separator ,|;] [--allow-proxy URL]

  --config       the migration as exported by the wizard (no passwords in it)
  --run          demo (20 tickets), full, delta (what changed since the last run) or rollback
  --of           for rollback: the demo runs (default), all runs, or one run id
  --state        where progress is kept; run the same command again to resume (default .state).
                 One runner at a time: a second one on the same folder stops at once.
  --reports      where the reports go (default reports): CSV and .xlsx per status; checked before anything is sent
  --report-language  en (default) or de: the words and reasons in the reports
  --separator    , or ; between the CSV's cells (default , for en, ; for de)
  --allow-proxy  a CORS proxy you trust with the passwords (repeatable, or comma-separated).
                 The runner talks to the helpdesks directly unless the config names a proxy
                 (proxyUrl); it refuses that proxy, loopback included, unless it is named here
                 or in ${ALLOW_PROXY_ENV}. Before sending anything it prints the proxy and the
                 Kayako and source hosts that will receive the credentials.
  --help         this text

Credentials come from the environment: KAYAKO_PASSWORD, and for the source
SOURCE_TOKEN (API token), SOURCE_PASSWORD, SOURCE_ACCESS_TOKEN (OAuth) or SOURCE_API_KEY.
${ALLOW_PROXY_ENV} may list trusted proxies like --allow-proxy.`;

const KINDS: readonly RunnerKind[] = ['demo', 'full', 'delta', 'rollback'];

export function parseRunnerArgs(argv: string[]): RunnerArgs {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				config: { type: 'string' },
				run: { type: 'string' },
				state: { type: 'string' },
				reports: { type: 'string' },
				'report-language': { type: 'string' },
				separator: { type: 'string' },
				of: { type: 'string' },
				'allow-proxy': { type: 'string', multiple: true },
				help: { type: 'boolean' }
			},
			strict: true
		}));
	} catch (error) {
		throw new RunnerArgsError(`${(error as Error).message}\n\n${USAGE}`);
	}
	if (values.help) throw new RunnerHelpRequested(USAGE);
	if (!values.config) throw new RunnerArgsError(`--config is missing.\n\n${USAGE}`);
	const run = (values.run ?? '') as RunnerKind;
	if (!KINDS.includes(run)) throw new RunnerArgsError(`--run must be one of ${KINDS.join(', ')}${values.run ? `, not "${values.run}"` : ''}.\n\n${USAGE}`);
	const reportLanguage = values['report-language'] ?? 'en';
	if (reportLanguage !== 'en' && reportLanguage !== 'de') throw new RunnerArgsError(`--report-language must be en or de, not "${reportLanguage}".\n\n${USAGE}`);
	const separator = values.separator ?? (reportLanguage === 'de' ? ';' : ',');
	if (separator !== ',' && separator !== ';') throw new RunnerArgsError(`--separator must be , or ;, not "${separator}".\n\n${USAGE}`);
	return {
		config: values.config,
		reportLanguage,
		separator,
		run,
		state: values.state ?? '.state',
		reports: values.reports ?? 'reports',
		of: values.of ?? 'demo',
		allowProxy: splitList(values['allow-proxy'] ?? [])
	};
}

/** `a,b` and repeated options alike, blanks dropped. */
export function splitList(values: readonly string[]): string[] {
	return values.flatMap((value) => value.split(',')).map((each) => each.trim()).filter(Boolean);
}
