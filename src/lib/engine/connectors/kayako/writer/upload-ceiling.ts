// What this run has learned of the largest file Kayako takes (and the CORS proxy in front of it lets through): learned from its answers, per Kayako session, never assumed.
import { MigrationError } from '../../../errors';
import { KAYAKO_MAX_UPLOAD_BYTES, UPLOAD_BUDGET_BYTES } from './upload-limits';

/**
 * Who refused a file for its size. `kayako`: a 413 with Kayako's own error body. `on-the-way`: the CORS proxy's
 * body-size refusal (its `X-Proxy-Error: body-too-large`), or a 413 without Kayako's error body, from a server in
 * front of Kayako: Kayako itself never saw the file and may well take it.
 */
export type SizeRefuser = 'kayako' | 'on-the-way';

/** The proxy's codes for its own answers are lower-case words (`body-too-large`); Kayako's are upper case (`FIELD_INVALID`). */
const KAYAKO_CODE = /^[A-Z][A-Z0-9_]*$/;

/** Who refused an upload for its size, or undefined when the error is no size refusal. */
export function sizeRefuser(error: unknown): SizeRefuser | undefined {
	if (!(error instanceof MigrationError) || error.info.kind !== 'too-large') return undefined;
	return error.info.status === 413 && error.info.code !== undefined && KAYAKO_CODE.test(error.info.code) ? 'kayako' : 'on-the-way';
}

/**
 * One session's knowledge. Kayako's upload limit is configurable (20 MB by default), so nothing is left out before
 * Kayako (or the proxy) has refused a file as large: the smallest file refused is the ceiling, and files at or above it
 * are left out without being downloaded. The largest file taken is the floor: a refusal at or below it contradicts
 * what Kayako did before (its limit changed, or the answer meant something else), so it teaches nothing; a file taken
 * at or above the ceiling means the limit was raised, and the ceiling is forgotten. Losing a file Kayako would take is
 * worse than downloading one it refuses.
 */
export class UploadCeiling {
	private readonly refusedAt: Partial<Record<SizeRefuser, number>> = {};
	private largestTaken = 0;
	/** The upload of a file that may be refused for its size, one at a time per session (see `probing`). */
	private probe: Promise<unknown> = Promise.resolve();

	/** Who would refuse a file of `bytes` for its size, by what this run has seen; undefined when it may go. */
	refuses(bytes: number): SizeRefuser | undefined {
		if (!(bytes > 0)) return undefined;
		for (const refuser of ['kayako', 'on-the-way'] as const) {
			const ceiling = this.refusedAt[refuser];
			if (ceiling !== undefined && bytes >= ceiling) return refuser;
		}
		return undefined;
	}

	/** A file of `bytes` was refused for its size, alone in its request. */
	refused(refuser: SizeRefuser, bytes: number): void {
		if (!(bytes > this.largestTaken)) return;
		const ceiling = this.refusedAt[refuser];
		if (ceiling === undefined || bytes < ceiling) this.refusedAt[refuser] = bytes;
	}

	/** Kayako took a file of `bytes`. */
	taken(bytes: number): void {
		if (bytes <= this.largestTaken) return;
		this.largestTaken = bytes;
		for (const refuser of ['kayako', 'on-the-way'] as const) {
			const ceiling = this.refusedAt[refuser];
			if (ceiling !== undefined && bytes >= ceiling) delete this.refusedAt[refuser];
		}
	}

	/** The bytes one request of several files carries at most: the budget, and below any size refused so far. */
	budget(): number {
		const ceilings = Object.values(this.refusedAt);
		return Math.max(1, Math.min(UPLOAD_BUDGET_BYTES, ...ceilings.map((ceiling) => ceiling - 1)));
	}

	/**
	 * Whether a file of `bytes` is not in doubt: no larger than Kayako's default limit or a file taken this run, and below
	 * any ceiling. Only such files are fetched ahead; a larger one waits for what the uploads before it teach, so an
	 * account at the default limit has its first too-large film downloaded, and no other as large.
	 */
	sure(bytes: number): boolean {
		return this.refuses(bytes) === undefined && bytes <= Math.max(this.largestTaken, KAYAKO_MAX_UPLOAD_BYTES);
	}

	/**
	 * Runs the download and upload of a file that may be refused for its size after the ones before it in this session
	 * have ended, so the first such file's answer is known before the next one is fetched (and never two of them are
	 * held at once). `run` is never rejected into the queue: a failure goes to its own caller only.
	 */
	probing<T>(run: () => Promise<T>): Promise<T> {
		const result = this.probe.then(run);
		this.probe = result.catch(() => undefined);
		return result;
	}
}

const learned = new WeakMap<object, UploadCeiling>();

/** The session's learned upload limits; a new session (a new run) starts knowing nothing. */
export function uploadCeiling(session: object): UploadCeiling {
	let ceiling = learned.get(session);
	if (!ceiling) {
		ceiling = new UploadCeiling();
		learned.set(session, ceiling);
	}
	return ceiling;
}
