// The page's side of the worker bridge: one engine worker per tab, wrapped with Comlink.
import * as Comlink from 'comlink';
import type { EngineApi } from '$lib/engine/api';

let engine: Comlink.Remote<EngineApi> | undefined;

/** The engine, started on first use. The page calls only what EngineApi offers. */
export function getEngine(): Comlink.Remote<EngineApi> {
	if (!engine) {
		const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'migration-engine' });
		engine = Comlink.wrap<EngineApi>(worker);
	}
	return engine;
}

/** Wraps a callback so the engine can call it across the worker boundary (progress, events). */
export function listener<T extends (...args: never[]) => unknown>(callback: T): T & Comlink.ProxyMarked {
	return Comlink.proxy(callback);
}
