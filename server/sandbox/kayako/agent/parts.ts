// Pieces the agent pages share: a link to a user or an organisation, custom field values by title, attachment lists.
import type { AttachmentRecord, FieldFamily } from '../records';
import { primaryEmail, roleTypeOf, type AccountState } from '../state';
import { html, type Html } from './html';

export interface PageContext {
	state: AccountState;
	/** The account's address on the sandbox, e.g. `/acme`. */
	home: string;
}

export function userLink(context: PageContext, id: number | null): Html {
	if (id === null) return html`—`;
	const user = context.state.users.get(id);
	if (!user) return html`user ${id} (not in this account)`;
	const email = primaryEmail(context.state, user);
	return html`<a href="${context.home}/agent/users/${user.id}">${user.full_name}</a>${email ? html` &lt;${email}&gt;` : ''}`;
}

export function organizationLink(context: PageContext, id: number | null): Html {
	if (id === null) return html`—`;
	const organization = context.state.organizations.get(id);
	if (!organization) return html`organisation ${id} (not in this account)`;
	return html`<a href="${context.home}/agent/organizations/${organization.id}">${organization.name}</a>`;
}

export function roleLabel(context: PageContext, userId: number): string {
	const user = context.state.users.get(userId);
	return user ? roleTypeOf(context.state, user).toLowerCase() : 'unknown';
}

function translation(state: AccountState, ids: readonly number[]): string {
	return ids.map((id) => state.localeStrings.get(id)?.translation ?? '').find((text) => text !== '') ?? '';
}

/** A select-like value names its options by id (several for a checkbox); each shows as the option's label. */
function fieldValueText(state: AccountState, optionIds: readonly number[], value: string): string {
	if (optionIds.length === 0) return value;
	return value
		.split(',')
		.map((part) => {
			const option = state.fieldOptions.get(Number(part.trim()));
			return option && optionIds.includes(option.id) ? translation(state, option.value_ids) || option.tag : part;
		})
		.join(', ');
}

/** The record's custom field values, each under its field's title; values for fields the account lacks keep their key. */
export function fieldTable(context: PageContext, family: FieldFamily, values: Readonly<Record<string, string>>): Html {
	const fields = [...context.state.fields.values()].filter((field) => field.family === family);
	const rows = Object.entries(values).map(([key, value]) => {
		const field = fields.find((each) => each.key === key);
		return html`<tr><th scope="row">${field?.title ?? key}</th><td>${field ? fieldValueText(context.state, field.option_ids, value) : value}</td></tr>`;
	});
	if (rows.length === 0) return html`<p>No field values.</p>`;
	return html`<table><thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function size(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Each attachment as a download link; `none` is what shows when there are none (empty for posts). */
export function attachmentList(context: PageContext, ids: readonly number[], none = ''): Html {
	const attachments = ids.map((id) => context.state.attachments.get(id)).filter((entry): entry is AttachmentRecord => entry !== undefined);
	if (attachments.length === 0) return none ? html`<p>${none}</p>` : html``;
	return html`<ul class="attachments">${attachments.map((entry) => html`<li><a href="${context.home}/agent/attachments/${entry.id}" download="${entry.name}">${entry.name}</a> (${size(entry.size)})</li>`)}</ul>`;
}
