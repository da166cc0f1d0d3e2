// The proxy's one log line per request: method, target host, status, milliseconds. Never paths, headers or bodies.
export type LogLine = (line: string) => void;

export function toLogLine(log: boolean | LogLine | undefined): LogLine | undefined {
	if (typeof log === 'function') return log;
	return log ? (line) => console.log(line) : undefined;
}

export function accessLine(method: string | undefined, host: string | undefined, status: number, milliseconds: number): string {
	return `${method ?? '-'} ${host ?? '-'} ${status} ${Math.round(milliseconds)}ms`;
}
