// Stops what `npm start` (or the standalone proxy) runs on Ctrl+C or SIGTERM; a second signal exits at once.
export interface SignalSource {
	once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
	exit(code: number): void;
}

export interface ShutdownOptions {
	/** What is being stopped, said once when the first signal arrives. */
	announce?: string;
	target?: SignalSource;
	say?: (line: string) => void;
}

export function closeOnSignals(close: () => Promise<void>, options: ShutdownOptions = {}): void {
	const target = options.target ?? process;
	const say = options.say ?? console.log;
	let stopping = false;
	const stop = () => {
		if (stopping) {
			target.exit(1);
			return;
		}
		stopping = true;
		say(options.announce ?? 'Stopping...');
		const forceAgain = () => stop();
		target.once('SIGINT', forceAgain);
		target.once('SIGTERM', forceAgain);
		close().then(
			() => target.exit(0),
			(error: unknown) => {
				say(`Could not stop cleanly: ${(error as Error).message}`);
				target.exit(1);
			}
		);
	};
	target.once('SIGINT', stop);
	target.once('SIGTERM', stop);
}
