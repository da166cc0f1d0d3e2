// The options step's custom field filter: the source's own ticket fields, read without logging in to Kayako.
import type { FieldDefinition } from '../model';
import { asResult, type CommandDeps } from './deps';
import { requireMigration } from './migrations';
import { sourceSession } from './source-session';

export type { FieldDefinition, FieldOption, FieldType } from '../model';

export function ticketFieldCommands(deps: CommandDeps) {
	return {
		sourceTicketFields: (migrationId: string) =>
			asResult(async (): Promise<FieldDefinition[]> => {
				const source = sourceSession(deps, await requireMigration(deps, migrationId));
				const fields: FieldDefinition[] = [];
				// System fields (status, group, ...) have filters of their own or none; retired custom fields stay, as old tickets still hold their values.
				for await (const page of source.fields()) fields.push(...page.records.filter((field) => field.entity === 'ticket' && !field.system));
				return fields;
			})
	};
}
