// The command line of `npm start`: ports, host, the size of the sandbox Zendesk, and whether to build the app first.
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORTS } from '../config';

export interface StartArgs {
	appPort: number;
	proxyPort: number;
	kayakoPort: number;
	zendeskPort: number;
	host: string;
	/** How many tickets the sandbox Zendesk is seeded with; its users, organisations and articles scale with it. */
	zendeskTickets: number;
	/** `tidy` (default) or `real`: a sandbox Zendesk shaped like a real account (social users, the system user -1, nulls). */
	zendeskProfile: 'tidy' | 'real';
	/** false with --no-build: serve build/ as it is. */
	build: boolean;
	/** --help: print the usage and start nothing. */
	help: boolean;
}

/** The sandbox Zendesk's size when --zendesk-tickets is not given. */
export const DEFAULT_ZENDESK_TICKETS = 200;

export const START_USAGE = `Usage: npm start -- [options]
  --app-port <n>      the app (default ${DEFAULT_PORTS.app})
  --proxy-port <n>    the CORS proxy (default ${DEFAULT_PORTS.proxy})
  --kayako-port <n>   the Kayako sandbox (default ${DEFAULT_PORTS.kayako})
  --zendesk-port <n>  the Zendesk sandbox (default ${DEFAULT_PORTS.zendesk})
  --host <address>    where all of them listen (default ${DEFAULT_HOST})
  --zendesk-tickets <n>  tickets in the sandbox Zendesk (default ${DEFAULT_ZENDESK_TICKETS}); users,
                      organisations and articles grow with it
  --zendesk-profile <tidy|real>  tidy (default): every value filled; real: like a real
                      account (Twitter/Facebook users without e-mail, the system user -1, nulls)
  --no-build          serve build/ as it is, even if src/ changed since
  --help              print this and start nothing`;

export class StartArgsError extends Error {}

function port(flag: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	const number = Number(value);
	if (!/^\d+$/.test(value) || number > 65535) throw new StartArgsError(`--${flag} needs a port number from 0 to 65535, not "${value}".`);
	return number;
}

function count(flag: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	if (!/^\d+$/.test(value)) throw new StartArgsError(`--${flag} needs a whole number, not "${value}".`);
	return Number(value);
}

export function parseStartArgs(argv: readonly string[]): StartArgs {
	let values: ReturnType<typeof parse>['values'];
	try {
		values = parse(argv).values;
	} catch (error) {
		throw new StartArgsError(`${(error as Error).message}\n${START_USAGE}`);
	}
	const host = values.host ?? DEFAULT_HOST;
	if (host.trim() === '') throw new StartArgsError('--host needs an address, e.g. 127.0.0.1.');
	return {
		appPort: port('app-port', values['app-port'], DEFAULT_PORTS.app),
		proxyPort: port('proxy-port', values['proxy-port'], DEFAULT_PORTS.proxy),
		kayakoPort: port('kayako-port', values['kayako-port'], DEFAULT_PORTS.kayako),
		zendeskPort: port('zendesk-port', values['zendesk-port'], DEFAULT_PORTS.zendesk),
		host,
		zendeskTickets: count('zendesk-tickets', values['zendesk-tickets'], DEFAULT_ZENDESK_TICKETS),
		zendeskProfile: profile(values['zendesk-profile']),
		build: values['no-build'] !== true,
		help: values.help === true
	};
}

function profile(value: string | undefined): 'tidy' | 'real' {
	if (value === undefined || value === 'tidy' || value === 'real') return value ?? 'tidy';
	throw new StartArgsError(`--zendesk-profile is "tidy" or "real", not "${value}".`);
}

function parse(argv: readonly string[]) {
	return parseArgs({
		args: [...argv],
		strict: true,
		allowPositionals: false,
		options: {
			'app-port': { type: 'string' },
			'proxy-port': { type: 'string' },
			'kayako-port': { type: 'string' },
			'zendesk-port': { type: 'string' },
			host: { type: 'string' },
			'zendesk-tickets': { type: 'string' },
			'zendesk-profile': { type: 'string' },
			'no-build': { type: 'boolean' },
			help: { type: 'boolean' }
		}
	});
}
