// The engine's Web Worker: exposes the engine API to the page through Comlink.
import * as Comlink from 'comlink';
import { createEngine } from './api';

Comlink.expose(createEngine({ indexedDB, fetch: fetch.bind(globalThis), runChannel: 'kayako-migrator:runs' }));
