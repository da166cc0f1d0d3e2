// The page's side of the worker bridge: one engine worker per tab, wrapped with Comlink; a new one after the old one died.
import * as Comlink from 'comlink';
import type { EngineApi } from '$lib/engine/api';
import { watchWorker } from './engine-alive';

let engine: Comlink.Remote<EngineApi> | undefined;
const lostListeners = new Set<() => void>();

/** The engine, started on first use. The page calls only what EngineApi offers. */
export function getEngine(): Comlink.Remote<EngineApi> {
	if (!engine) {
		const name = `migration-engine-${crypto.randomUUID()}`;
		const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name });
		const remote = Comlink.wrap<EngineApi>(worker);
		engine = remote;
		// A dead worker never answers again: the next call starts a new one, and the pages hear of it.
		watchWorker(worker, name, () => {
			if (engine === remote) engine = undefined;
			for (const listener of [...lostListeners]) listener();
		});
	}
	return engine;
}

/** Calls `callback` when the engine worker has died (its run, if any, stopped with it); returns the unsubscribe. */
export function onEngineLost(callback: () => void): () => void {
	lostListeners.add(callback);
	return () => lostListeners.delete(callback);
}

/** Wraps a callback so the engine can call it across the worker boundary (progress, events). */
export function listener<T extends (...args: never[]) => unknown>(callback: T): T & Comlink.ProxyMarked {
	return Comlink.proxy(callback);
}
