// The engine's Web Worker: exposes the engine API to the page through Comlink, and holds a lock for as long as it lives so the page can tell when it is gone.
import * as Comlink from 'comlink';
import { createEngine } from './api';
import { holdAliveLock, type WorkerScope } from '../client/engine-alive';

Comlink.expose(createEngine({ indexedDB, fetch: fetch.bind(globalThis), runChannel: 'kayako-migrator:runs' }));
holdAliveLock(self as unknown as WorkerScope);
