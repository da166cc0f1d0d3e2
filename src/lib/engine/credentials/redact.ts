// Copies of values with every secret blanked out, for anything that could end up in a log, an event or an error.
import type { JsonValue } from '../store/types';
import { isSecretKey } from './secret-keys';
import type { Credentials } from './types';

export const REDACTED = '[redacted]';

const userInfoInUrl = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]+@/gi;
const queryParameter = /([?&])([^=&#\s]+)=([^&#\s]*)/g;
const authorizationValue = /\b(Basic|Bearer|Token)\s+[A-Za-z0-9._~+/=-]+/g;

/** Blanks passwords in URLs (`https://me:pw@host`), secret query parameters and Authorization header values. */
export function redactText(text: string): string {
	return text
		.replace(userInfoInUrl, `$1${REDACTED}@`)
		.replace(queryParameter, (whole, separator: string, name: string) =>
			isSecretKey(decodeURIComponentSafely(name)) ? `${separator}${name}=${REDACTED}` : whole
		)
		.replace(authorizationValue, `$1 ${REDACTED}`);
}

/**
 * A deep copy of `value` in which every property with a secret-looking name is replaced by
 * `[redacted]` and every string is passed through `redactText`. Errors become `{ name, message }`.
 */
export function redact<T extends JsonValue | Credentials>(value: T): T;
export function redact(value: unknown): unknown;
export function redact(value: unknown): unknown {
	return redactValue(value, new WeakSet());
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
	if (typeof value === 'string') return redactText(value);
	if (typeof value !== 'object' || value === null) return value;
	if (seen.has(value)) return '[circular]';
	seen.add(value);
	if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
	if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
	const copy: Record<string, unknown> = {};
	for (const [name, item] of Object.entries(value)) {
		copy[name] = isSecretKey(name) && item !== undefined && item !== null ? REDACTED : redactValue(item, seen);
	}
	return copy;
}

function decodeURIComponentSafely(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
