// The reasons in English: one sentence per code (the text that is also stored on the row, for older readers and the log).
import type { Person, PersonRole, Sentences } from './codes';

export function personEn(person: Person): string {
	if (person.name && person.email) return `${person.name} (${person.email})`;
	return person.name ?? person.email ?? `user ${person.id}`;
}

const ROLES: Record<PersonRole, string> = { requester: 'requester', submitter: 'submitter', assignee: 'assignee', 'comment-author': 'comment author' };

/** "The requester Sam Agent (sam@…)" for one part, "Sam Agent (sam@…), requester and comment author," for several. */
function who(person: Person, list: readonly PersonRole[]): string {
	const [only] = list;
	if (list.length === 1 && only) return `The ${ROLES[only]} ${personEn(person)}`;
	const words = list.map((role) => ROLES[role]);
	return `${personEn(person)}, ${words.slice(0, -1).join(', ')} and ${words[words.length - 1]},`;
}

const named = (id: string, name?: string) => (name ? `"${name}" (${id})` : id);

export const en: Sentences = {
	'filter-created-before': (p) => `Created ${p.created}, before the filter's start ${p.from}.`,
	'filter-created-after': (p) => `Created ${p.created}, after the filter's end ${p.to}.`,
	'filter-tags': (p) => `Has none of the tags ${p.tags.join(', ')}.`,
	'filter-field': (p) => `Field ${p.field} is not "${p.value}".`,
	'filter-groups': () => 'Not in the chosen groups.',
	'filter-organisations': () => 'Not of the chosen organisations.',
	'filter-assignees': () => 'Not assigned to the chosen agents.',
	'deleted-not-moved': () => 'Deleted in the source helpdesk (in its trash); not moved.',
	'deleted-case-closed': () => 'Deleted in the source helpdesk after it was moved; its case in Kayako was closed and keeps its posts.',
	'team-sent-nowhere': () => "Not moved: the match step sends this group's tickets to no team.",
	'field-system': (p) => `"${p.title}" is a system field; Kayako has its own.`,
	'field-skipped': () => 'Not mapped: the fields step skips it, so its values are left out.',
	'agent-to-default': (p) =>
		`Not created: ${p.active ? 'the match step sends this agent to the default agent' : 'this agent is no longer active'}; their tickets and replies go to the default agent.`,
	'user-inactive-skipped': () => 'Inactive or deleted, and "migrate inactive users" is off.',
	'person-not-migrated': (p) =>
		[
			`${who(p.person, p.roles)} was not moved to Kayako.`,
			p.roles.includes('requester') && p.standIn ? "The default agent is the case's requester." : '',
			p.roles.includes('assignee') ? (p.standIn ? 'The case is assigned to the default agent.' : 'The case is unassigned, as no default agent is chosen on the match step.') : '',
			p.roles.includes('comment-author') ? (p.standIn ? 'Their posts are filed under the default agent and begin with their name.' : "Their posts are filed under the migration's account and begin with their name.") : ''
		]
			.filter(Boolean)
			.join(' '),
	'group-not-migrated': (p) => `Group ${named(p.id, p.name)} was not moved; the ticket has no team.`,
	'matched-made-before': (p) => `Kayako already had this record with the source id ${p.sourceId} (made before by this tool): matched, not created again.`,
	'check-made-before-failed': (p) => `Could not check whether Kayako already has it, so nothing was created: ${p.detail} The next run tries again.`,
	'follow-up-failed': (p) =>
		`The record is in Kayako, but the steps after its create (such as its organization or extra e-mail addresses) could not be completed: ${p.detail} Run the migration again to complete them.`,
	'made-before-unfinished': (p) =>
		`Kayako already had this record (made before by this tool), but its organization or extra e-mail addresses could not be completed: ${p.detail} Run the migration again to complete them.`,
	'prepare-failed': (p) => `Its comments or the people it refers to could not be read or brought over: ${p.detail}`,
	'update-failed': (p) => `The update failed; the record in Kayako is as the earlier run left it. ${p.detail}`,
	'unknown-status': (p) => `Zendesk gave the status "${p.value}", which is none of new, open, pending, hold, solved or closed; the ticket was read as open.`,
	'unknown-priority': (p) => `Zendesk gave the priority "${p.value}", which is none of low, normal, high or urgent; the ticket was read without a priority.`,
	'unknown-type': (p) => `Zendesk gave the type "${p.value}", which is none of question, incident, problem or task; the ticket was read without a type.`,
	'no-mailbox': () => 'Kayako has no mailbox, so public replies were imported as notes.',
	'no-kayako-priority': (p) => `Kayako has no priority "${p.value}"; the case has none.`,
	'no-kayako-type': (p) => `Kayako has no type "${p.value}"; the case has none.`,
	'assignee-not-migrated': (p) => `The assignee ${personEn(p.person)} was not migrated; the case is unassigned.`,
	'organization-not-migrated': (p) => `Organization ${named(p.id, p.name)} was not migrated; the user has none.`,
	'matched-existing-user': (p) => `Matched the existing Kayako user with ${p.email}.`,
	'article-author-not-migrated': (p) => `The author ${personEn(p.person)} was not migrated; the article is filed under the migration account.`,
	'posts-one-by-one': () => 'Imported post by post (bulk import refused): posts are notes dated today, with the original author and date in their first line.',
	'extra-address-refused': (p) => `The extra address ${p.email} was not added: ${p.detail}`,
	'address-refused': (p) => `Kayako refused the address "${p.email}" as not an e-mail address; the user was created without it.`,
	'domain-refused': (p) => `"${p.domain}" is not a domain name Kayako accepts; it was left out.`,
	'domains-taken': (p) => `Another Kayako organization already owns one of the domains ${p.domains.join(', ')}; the organization was created without domains.`,
	'attachment-unreadable': (p) => `Attachment ${p.file} could not be fetched from the source (${p.detail}); it was left out.`,
	'attachment-too-large': (p) => `Attachment ${p.file} (${p.bytes} bytes) is larger than Kayako accepts; it was left out.`,
	'attachment-too-large-on-the-way': (p) =>
		`Attachment ${p.file} (${p.bytes} bytes) is larger than the CORS proxy (or a server in front of Kayako) lets through; it was left out. Kayako itself may take it: whoever runs that server can raise its limit on request size.`,
	'attachment-refused': (p) => `Kayako refused the attachment ${p.file} (${p.detail}); it was left out, the post went in without it.`,
	'field-became-text': (p) => `Field "${p.title}" became a text field in Kayako (no options or no pattern to copy).`,
	'field-type-kept': (p) => `Kayako already has a field "${p.title}" of type ${p.type}; values are written to it as that type.`,
	'tag-comma': (p) => `The tag "${p.tag}" has a comma, which Kayako reads as two tags; it became "${p.joined}".`,
	'inline-images-attached': (p) =>
		`This ticket's ${p.count === 1 ? 'inline image is' : `${p.count} inline images are`} shown in the text and also listed as attachments of their posts: Kayako keeps an uploaded file only when a post carries it as an attachment. Each file was uploaded once.`,
	'case-no-place': (p) =>
		`A Kayako case has no place for ${[
			p.dueAt ? `the due date ${p.dueAt}` : '',
			p.recipient ? `that it was sent to the support address ${p.recipient}` : '',
			p.channel ? `that it came by ${p.channel}${p.from ? ` from ${p.from}` : ''}${p.to ? ` to ${p.to}` : ''}` : '',
			...(p.replies ?? []).map((reply) => `that ${reply.count === 1 ? 'one reply' : `${reply.count} replies`} came by ${reply.channel}`)
		]
			.filter(Boolean)
			.join(', nor for ')}; it is kept in this report only.`,
	'social-identities-in-note': (p) =>
		`${p.noEmail ? 'This user has no e-mail address. ' : ''}Kayako's API cannot add a Twitter or Facebook identity: ${p.handles.join(', ')} kept in a note on the Kayako user.${p.picture ? ' Their Zendesk picture did not become their Kayako avatar; its address is in the note.' : ''}`,
	'avatar-unreadable': (p) => `The user's Zendesk picture (${p.url}) could not be fetched: ${p.detail}. The user was moved without it and keeps Kayako's own avatar; add the picture in Kayako by hand if it matters.`,
	'avatar-refused': (p) => `Kayako refused the user's Zendesk picture (${p.url}) as avatar: ${p.detail}. The user was moved without it and keeps Kayako's own avatar.`,
	'avatar-too-large-on-the-way': (p) =>
		`The user's Zendesk picture (${p.url}, ${p.bytes} bytes) is larger than the CORS proxy (or a server in front of Kayako) lets through, so it did not become their Kayako avatar; the user was moved without it. Kayako itself may take it: whoever runs that server can raise its limit on request size.`,
	'field-value-partial': (p) => `Field ${p.field}: ${p.detail}.`,
	'field-value-left-out': (p) => `Field ${p.field}: ${p.detail}; the value was left out.`,
	'field-option-missing': (p) => `Option "${p.option}" of field "${p.field}" has no Kayako option; its values are left out.`,
	'record-failed': (p) => p.detail
};
