// Validates sandbox responses against Zendesk's official OpenAPI files: js-yaml to read them, ajv for the 200 response schemas.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** Copies of Zendesk's OpenAPI files, inside the repository so a clone alone can run the contract tests. */
const FIXTURES = fileURLToPath(new URL('../fixtures/zendesk-openapi', import.meta.url));

type Node = Record<string, unknown>;

/** OpenAPI 3.0 `nullable: true` becomes JSON Schema's null type; `$ref`s are pointed at the document they came from. */
function toJsonSchema(node: unknown, documentId: string): unknown {
	if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, documentId));
	if (typeof node !== 'object' || node === null) return node;
	const source = node as Node;
	const out: Node = {};
	for (const [key, value] of Object.entries(source)) {
		if (key === 'nullable' || key === 'example' || key === 'examples') continue;
		if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${documentId}${value}`;
		else out[key] = toJsonSchema(value, documentId);
	}
	if (source.nullable !== true) return out;
	if (typeof out.type === 'string') {
		out.type = [out.type, 'null'];
		if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
		return out;
	}
	return { anyOf: [out, { type: 'null' }] };
}

export interface ContractDocument {
	/** The validator for the JSON response of GET `path` (as written in the spec, without `.json`) with this status, 200 unless told. */
	validatorFor(path: string, status?: string): ValidateFunction;
	/** The validator for one schema of the Support spec's components, e.g. `TicketMetricObject` for an embedded sideload. */
	validatorForSchema(name: string): ValidateFunction;
}

function loadDocument(ajv: Ajv, file: string, documentId: string): Node {
	const document = load(readFileSync(`${FIXTURES}/${file}`, 'utf8')) as Node;
	const components = (document.components ?? {}) as Node;
	ajv.addSchema({ $id: documentId, components: { schemas: toJsonSchema(components.schemas ?? {}, documentId) } });
	return document;
}

export function loadZendeskContracts(): ContractDocument {
	const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
	addFormats.default(ajv);
	ajv.addFormat('bigid', true);
	const support = loadDocument(ajv, 'zendesk-support-openapi.yaml', 'support');
	const helpCenter = loadDocument(ajv, 'zendesk-helpcenter-openapi.yaml', 'helpcenter');
	const cache = new Map<string, ValidateFunction>();
	return {
		validatorFor(path, status = '200') {
			const key = `${status} ${path}`;
			const cached = cache.get(key);
			if (cached) return cached;
			const [document, documentId] = path.startsWith('/api/v2/help_center') ? [helpCenter, 'helpcenter'] : [support, 'support'];
			const operation = ((document.paths as Node)[path] as Node | undefined)?.get as Node | undefined;
			const response = (operation?.responses as Node | undefined)?.[status] as Node | undefined;
			const schema = ((response?.content as Node | undefined)?.['application/json'] as Node | undefined)?.schema;
			if (!schema) throw new Error(`The OpenAPI files have no ${status} JSON response for GET ${path}.`);
			const validate = ajv.compile(toJsonSchema(schema, documentId) as object);
			cache.set(key, validate);
			return validate;
		},
		validatorForSchema(name) {
			const validate = ajv.getSchema(`support#/components/schemas/${name}`);
			if (!validate) throw new Error(`The Support spec has no schema ${name}.`);
			return validate;
		}
	};
}
