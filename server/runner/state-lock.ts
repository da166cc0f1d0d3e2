// One runner per --state folder: an exclusive lock file, created atomically, naming the process that holds it.
// Two runners on one state folder would each think the other's pending records are theirs and create
// everything twice; the browser's Web Lock does not reach a Node process, so the folder itself is locked.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'runner.lock';

export interface LockOwner {
	pid: number;
	host: string;
	startedAt: string;
}

export class StateLockedError extends Error {}

export interface StateLock {
	readonly path: string;
	/** What the caller should tell the user: empty, or that a dead runner's lock was taken over. */
	readonly notice?: string;
	/** Removes the lock file if it is still ours; safe to call more than once. */
	release(): void;
}

export interface LockProcess {
	pid: number;
	host: string;
	now(): Date;
	/** Whether a process with this id runs on this host. */
	alive(pid: number): boolean;
}

export const THIS_PROCESS: LockProcess = {
	pid: process.pid,
	host: hostname(),
	now: () => new Date(),
	alive: (pid) => {
		try {
			process.kill(pid, 0);
			return true;
		} catch (error) {
			// EPERM: it exists, it belongs to another user.
			return (error as NodeJS.ErrnoException).code === 'EPERM';
		}
	}
};

/**
 * Takes the lock of `dir` (which must exist) or throws a StateLockedError naming the runner that holds it.
 * A lock left by a runner that died on this host (its pid is gone) is taken over.
 */
export function lockStateFolder(dir: string, me: LockProcess = THIS_PROCESS): StateLock {
	const path = join(dir, LOCK_FILE);
	const owner: LockOwner = { pid: me.pid, host: me.host, startedAt: me.now().toISOString() };
	const text = `${JSON.stringify(owner)}\n`;
	if (create(path, text)) return held(path, text);

	const other = readOwner(path);
	if (other === 'gone') {
		// Released between our attempt and the read: try once more, someone else may be quicker.
		if (create(path, text)) return held(path, text);
		throw new StateLockedError(lockedMessage(dir, path, readOwner(path)));
	}
	if (other === 'unreadable' || other.host !== me.host || me.alive(other.pid)) throw new StateLockedError(lockedMessage(dir, path, other));

	// The owner died without releasing (killed, power cut). Move its lock aside under a name of our own, so
	// that of two runners taking over at once only one removes it, and check it is the dead one we read.
	const aside = `${path}.stale-${me.pid}`;
	try {
		renameSync(path, aside);
	} catch {
		throw new StateLockedError(lockedMessage(dir, path, readOwner(path)));
	}
	const moved = readOwner(aside);
	if (typeof moved !== 'object' || moved.pid !== other.pid || moved.startedAt !== other.startedAt) {
		// Another runner took the lock over just before us: put its lock back (link: never over a third one) and stand down.
		try {
			linkSync(aside, path);
		} catch {
			// A third runner took the lock in the meantime: three runners starting in the same instant after a crash is beyond this lock.
		}
		rmSync(aside, { force: true });
		throw new StateLockedError(lockedMessage(dir, path, moved));
	}
	rmSync(aside, { force: true });
	if (!create(path, text)) throw new StateLockedError(lockedMessage(dir, path, readOwner(path)));
	return held(path, text, `Taking over the state folder ${dir}: the runner that held it (process ${other.pid}, started ${other.startedAt}) is no longer running.`);
}

function create(path: string, text: string): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'wx');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
	try {
		writeSync(fd, text);
	} finally {
		closeSync(fd);
	}
	return true;
}

function readOwner(path: string): LockOwner | 'gone' | 'unreadable' {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
	}
	try {
		const value = JSON.parse(text) as Partial<LockOwner>;
		if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.startedAt === 'string') return { pid: value.pid, host: value.host, startedAt: value.startedAt };
	} catch {
		// A lock written by a process that died between creating and filling it; nobody can tell whose.
	}
	return 'unreadable';
}

function lockedMessage(dir: string, path: string, owner: LockOwner | 'gone' | 'unreadable'): string {
	const who = typeof owner === 'object' ? `process ${owner.pid} on ${owner.host}, started ${owner.startedAt}` : 'a process whose lock file cannot be read';
	return (
		`Another runner is using the state folder ${dir} (${who}). Two runners on one state folder would create every record twice, so this one stops without sending anything. ` +
		`Wait for the other run to finish, or stop it (Ctrl-C) and run this command again. If you are sure no runner is using the folder (for example it ran on another machine that is gone), delete ${path} and try again.`
	);
}

function held(path: string, text: string, notice?: string): StateLock {
	let released = false;
	return {
		path,
		notice,
		release() {
			if (released) return;
			released = true;
			try {
				// Only our own lock: never one another runner took over after ours was (wrongly) judged stale.
				if (readFileSync(path, 'utf8') === text) rmSync(path, { force: true });
			} catch {
				// Already gone.
			}
		}
	};
}
