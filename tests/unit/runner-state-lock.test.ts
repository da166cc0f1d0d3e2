// The state folder's lock file: taken atomically, refused while its runner lives, taken over when it died, released only by its owner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockStateFolder, StateLockedError, THIS_PROCESS } from '../../server/runner/state-lock';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'runner-lock-'));
	dirs.push(dir);
	return dir;
}

/** The id of a process that ran on this host and has ended. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(child.stdout);
}

describe('the state folder lock', () => {
	it('writes the pid, host and start time of its owner and refuses a second taker naming it', () => {
		const dir = stateDir();
		const lock = lockStateFolder(dir);
		const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
		expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
		expect(Number.isNaN(Date.parse(owner.startedAt))).toBe(false);
		expect(lock.notice).toBeUndefined();

		expect(() => lockStateFolder(dir)).toThrow(StateLockedError);
		expect(() => lockStateFolder(dir)).toThrow(new RegExp(`process ${process.pid} on ${hostname()}, started ${owner.startedAt}`));
		lock.release();
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
		lockStateFolder(dir).release();
	});

	it('takes over the lock of a runner that died on this host, and says so', () => {
		const dir = stateDir();
		const pid = deadPid();
		writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-02T03:04:05.000Z' }));
		const lock = lockStateFolder(dir);
		expect(lock.notice).toMatch(new RegExp(`process ${pid}, started 2026-01-02T03:04:05.000Z\\) is no longer running`));
		expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
		lock.release();
	});

	it('refuses a lock held on another host, whose process it cannot check, and one it cannot read', () => {
		const dir = stateDir();
		writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'other-server', startedAt: '2026-01-02T03:04:05.000Z' }));
		expect(() => lockStateFolder(dir)).toThrow(/on other-server.*delete .*runner\.lock/);
		writeFileSync(join(dir, LOCK_FILE), '');
		expect(() => lockStateFolder(dir)).toThrow(/whose lock file cannot be read/);
	});

	it('leaves alone a lock that is no longer its own', () => {
		const dir = stateDir();
		const lock = lockStateFolder(dir);
		const other = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2030-01-01T00:00:00.000Z' });
		writeFileSync(join(dir, LOCK_FILE), other);
		lock.release();
		expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
	});

	it('stands down when another runner takes over the dead lock first, and leaves that runner its lock', () => {
		const dir = stateDir();
		const dead = JSON.stringify({ pid: deadPid(), host: hostname(), startedAt: '2026-01-02T03:04:05.000Z' });
		writeFileSync(join(dir, LOCK_FILE), dead);
		const quicker = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: '2026-01-02T03:05:00.000Z' });
		// Between our reading the dead owner and moving its lock aside, another runner replaces it with its own.
		const racing = {
			...THIS_PROCESS,
			alive: (pid: number) => {
				writeFileSync(join(dir, LOCK_FILE), quicker);
				return THIS_PROCESS.alive(pid);
			}
		};
		expect(() => lockStateFolder(dir, racing)).toThrow(/Another runner is using the state folder .*started 2026-01-02T03:05:00\.000Z/);
		expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(quicker);
	});
});
