// Shared by the Kayako writer tests: a listening sandbox, an admin session, and a write context over a plain id map.
import { createKayakoSandbox, type KayakoSandbox } from '../../server/sandbox/kayako/index';
import type { FieldTarget, ReferenceKind, WriteContext, WriterOptions } from '../../src/lib/engine/connectors/kayako/writer/context';
import { KayakoSession } from '../../src/lib/engine/connectors/kayako/session';
import { describeKayakoError } from '../../src/lib/engine/connectors/kayako/errors';
import { HttpClient } from '../../src/lib/engine/http';
import type { Attachment } from '../../src/lib/engine/model';

export async function startWriterSandbox(): Promise<KayakoSandbox> {
	const sandbox = createKayakoSandbox({ accounts: ['acme'] });
	await sandbox.listen(0, '127.0.0.1');
	return sandbox;
}

export function adminSession(sandbox: KayakoSandbox): KayakoSession {
	return new KayakoSession(new HttpClient({ maxRetries: 1, baseBackoffMs: 10, describeError: describeKayakoError }), sandbox.accountUrl('acme'), { email: 'admin@acme.example', password: 'Sandbox-Admin-1' });
}

export interface TestContext extends WriteContext {
	ids: Map<string, number>;
	fields: Map<string, FieldTarget>;
	bytes: Map<string, Uint8Array<ArrayBuffer>>;
}

/** A write context whose id map is a plain Map keyed `kind:sourceId`, and whose downloads come from `bytes` by attachment id. */
export function writeContext(session: KayakoSession, options: Partial<WriterOptions> = {}): TestContext {
	const ids = new Map<string, number>();
	const fields = new Map<string, FieldTarget>();
	const bytes = new Map<string, Uint8Array<ArrayBuffer>>();
	return {
		session,
		ids,
		fields,
		bytes,
		resolve: (kind: ReferenceKind, sourceId: string) => ids.get(`${kind}:${sourceId}`),
		fieldTarget: (sourceFieldId) => fields.get(sourceFieldId),
		options: { inlineImages: 'rewrite', timeZone: 'UTC', sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 300))), ...options },
		async download(attachment: Attachment) {
			const found = bytes.get(attachment.id);
			if (!found) throw new Error(`no bytes for ${attachment.id}`);
			return new Blob([found], { type: attachment.contentType });
		},
		userName: (id) => `Person ${id}`
	};
}

/** Bulk jobs as the pipeline keeps them, in memory: what was accepted and what has ended. */
export class MemoryJobs {
	readonly started = new Map<string, number>();
	readonly unsure = new Map<string, number>();
	readonly ended_ = new Set<number>();
	maxWaitMs?: number;
	async accepted(jobId: number, sourceIds: readonly string[]): Promise<void> {
		for (const id of sourceIds) this.started.set(id, jobId);
	}
	ended(jobId: number): void {
		this.ended_.add(jobId);
	}
}
