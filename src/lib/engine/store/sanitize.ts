// Rebuilds migration settings from known fields only: no secret and nothing unexpected reaches IndexedDB or an export.
import { isSecretKey } from '../credentials/secret-keys';
import { MigrationError } from '../errors';
import type { AuthMethod, JsonObject, JsonValue, MigrationMappings, MigrationSettings, SourcePlatform, SourceSettings, TargetSettings } from './types';

const platforms: readonly SourcePlatform[] = ['zendesk', 'freshdesk', 'helpscout', 'kayako-classic', 'csv'];
const authMethods: readonly AuthMethod[] = ['password', 'api-token', 'oauth', 'api-key'];

/**
 * Checks `value` and returns a copy holding only the fields of MigrationSettings. Unknown keys are
 * dropped, and inside the free-form parts (mappings, options, filters) every key that looks like a
 * secret is dropped too, however deep. Throws an `invalid-input` MigrationError naming the bad field.
 */
export function toStoredMigration(value: unknown): MigrationSettings {
	const record = objectAt(value, 'migration');
	return {
		id: textAt(record, 'id', 'migration', { nonEmpty: true }),
		name: textAt(record, 'name', 'migration'),
		source: toSource(objectAt(record.source, 'source')),
		target: toTarget(objectAt(record.target, 'target')),
		proxyUrl: urlAt(record, 'proxyUrl', 'migration'),
		mappings: toMappings(record.mappings),
		options: record.options === undefined ? {} : secretFreeObject(record.options, 'options'),
		filters: record.filters === undefined ? {} : secretFreeObject(record.filters, 'filters'),
		stage: textAt(record, 'stage', 'migration', { nonEmpty: true }),
		createdAt: timeAt(record, 'createdAt'),
		updatedAt: timeAt(record, 'updatedAt')
	};
}

function toSource(record: Record<string, unknown>): SourceSettings {
	const platform = record.platform;
	if (!platforms.includes(platform as SourcePlatform)) invalid(`source.platform must be one of ${platforms.join(', ')}`);
	const source: SourceSettings = { platform: platform as SourcePlatform, url: urlAt(record, 'url', 'source') };
	if (record.email !== undefined) source.email = textAt(record, 'email', 'source');
	if (record.authMethod !== undefined) {
		if (!authMethods.includes(record.authMethod as AuthMethod)) invalid(`source.authMethod must be one of ${authMethods.join(', ')}`);
		source.authMethod = record.authMethod as AuthMethod;
	}
	return source;
}

function toTarget(record: Record<string, unknown>): TargetSettings {
	return { url: urlAt(record, 'url', 'target'), email: textAt(record, 'email', 'target') };
}

function toMappings(value: unknown): MigrationMappings {
	const record = value === undefined ? {} : objectAt(value, 'mappings');
	const part = (name: keyof MigrationMappings) => (record[name] === undefined ? {} : secretFreeObject(record[name], `mappings.${name}`));
	return { agents: part('agents'), teams: part('teams'), fields: part('fields'), options: part('options') };
}

function secretFreeObject(value: unknown, where: string): JsonObject {
	const json = secretFreeJson(value, where);
	if (typeof json !== 'object' || json === null || Array.isArray(json)) invalid(`${where} must be an object`);
	return json;
}

function secretFreeJson(value: unknown, where: string): JsonValue {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) invalid(`${where} holds a number JSON cannot keep`);
		return value;
	}
	if (Array.isArray(value)) return value.map((item, index) => secretFreeJson(item, `${where}[${index}]`));
	if (isPlainObject(value)) {
		const copy: JsonObject = {};
		for (const [name, item] of Object.entries(value)) {
			if (item === undefined || isSecretKey(name)) continue;
			copy[name] = secretFreeJson(item, `${where}.${name}`);
		}
		return copy;
	}
	return invalid(`${where} holds a value that is not JSON`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

function objectAt(value: unknown, where: string): Record<string, unknown> {
	if (!isPlainObject(value)) invalid(`${where} must be an object`);
	return value;
}

function textAt(record: Record<string, unknown>, name: string, where: string, rules: { nonEmpty?: boolean } = {}): string {
	const value = record[name];
	if (typeof value !== 'string' || (rules.nonEmpty && value.length === 0)) invalid(`${where}.${name} must be ${rules.nonEmpty ? 'a non-empty' : 'a'} text`);
	return value;
}

// `https://me:password@host` would keep a password in the settings; fetch refuses such URLs anyway, so the part goes.
function urlAt(record: Record<string, unknown>, name: string, where: string): string {
	const text = textAt(record, name, where);
	if (!text.includes('@')) return text;
	try {
		const url = new URL(text);
		if (!url.username && !url.password) return text;
		url.username = '';
		url.password = '';
		return url.href;
	} catch {
		// Not a URL yet (the user is still typing it): kept as typed, the Connect step validates it.
		return text;
	}
}

function timeAt(record: Record<string, unknown>, name: string): number {
	const value = record[name];
	if (typeof value !== 'number' || !Number.isFinite(value)) invalid(`migration.${name} must be a time in milliseconds`);
	return value;
}

function invalid(problem: string): never {
	throw new MigrationError({ kind: 'invalid-input', message: `These migration settings cannot be saved: ${problem}.` });
}
