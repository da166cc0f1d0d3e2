import { describe, expect, it } from 'vitest';
import { MigrationError, failed, ok, toErrorInfo } from '../../src/lib/engine/errors';

describe('errors as values', () => {
	it('keeps the helpdesk code and the sentence of a MigrationError', () => {
		const error = new MigrationError({ kind: 'auth-failed', message: 'Kayako refused the password', status: 401, code: 'AUTHENTICATION_FAILED' });
		expect(toErrorInfo(error)).toEqual({ kind: 'auth-failed', message: 'Kayako refused the password', status: 401, code: 'AUTHENTICATION_FAILED' });
	});

	it('turns a plain thrown Error into a network failure with its message', () => {
		expect(failed(new TypeError('Failed to fetch'))).toEqual({ ok: false, error: { kind: 'network', message: 'Failed to fetch' } });
		expect(ok(3)).toEqual({ ok: true, value: 3 });
	});
});
