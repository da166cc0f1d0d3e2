// The sandbox's agent views of a user (identities, role, organisation, fields, tags, their conversations) and of an
// organisation (domains, fields, tags, members).
import type { Reply } from '../../common/reply';
import type { CaseRecord } from '../records';
import { html, missingPage, page, tagList, timeTag, type Html } from './html';
import { fieldTable, organizationLink, roleLabel, userLink, type PageContext } from './parts';

/** Long lists stop here: the page is for checking records, not for browsing an account of thousands. */
const LIST_LIMIT = 100;

function limited<T>(items: readonly T[], show: (item: T) => Html, none: string): Html {
	if (items.length === 0) return html`<p>${none}</p>`;
	const more = items.length - LIST_LIMIT;
	return html`<ul>${items.slice(0, LIST_LIMIT).map((item) => html`<li>${show(item)}</li>`)}</ul>${more > 0 ? html`<p>And ${more} more.</p>` : ''}`;
}

export function caseLine(context: PageContext, kase: CaseRecord): Html {
	return html`<a href="${context.home}/agent/conversations/${kase.id}">#${kase.id} ${kase.subject}</a> (${context.state.statuses.get(kase.status_id)?.label ?? 'unknown status'}${kase.state === 'TRASH' ? ', in the trash' : ''})`;
}

export function userPage(context: PageContext, id: number): Reply {
	const { state } = context;
	const user = state.users.get(id);
	if (!user) return missingPage(context.home, `user ${id}`);
	const emails = user.email_ids.map((emailId) => state.emails.get(emailId)?.email).filter((email): email is string => email !== undefined);
	const teams = user.team_ids.map((teamId) => state.teams.get(teamId)?.title ?? `team ${teamId}`);
	const cases = [...state.cases.values()].filter((kase) => kase.requester_id === user.id).sort((a, b) => b.id - a.id);
	return page(
		200,
		context.home,
		user.full_name,
		html`<h1>${user.full_name}</h1>
<p>User ${user.id}${user.is_enabled ? '' : ' (disabled)'}</p>
<dl>
<dt>Role</dt><dd>${roleLabel(context, user.id)}</dd>
<dt>E-mail</dt><dd>${emails.length === 0 ? '—' : emails.join(', ')}</dd>
<dt>Organisation</dt><dd>${organizationLink(context, user.organization_id)}</dd>
<dt>Teams</dt><dd>${teams.length === 0 ? '—' : teams.join(', ')}</dd>
<dt>Enabled</dt><dd>${user.is_enabled ? 'yes' : 'no'}</dd>
<dt>Created</dt><dd>${timeTag(user.created_at)}</dd>
<dt>Legacy id</dt><dd>${user.legacy_id ?? '—'}</dd>
</dl>
<section aria-labelledby="fields"><h2 id="fields">Fields</h2>${fieldTable(context, 'user', user.field_values)}</section>
<section aria-labelledby="tags"><h2 id="tags">Tags</h2>${tagList(user.tags)}</section>
<section aria-labelledby="cases"><h2 id="cases">Conversations they requested (${cases.length})</h2>${limited(cases, (kase) => caseLine(context, kase), 'None.')}</section>`
	);
}

export function organizationPage(context: PageContext, id: number): Reply {
	const { state } = context;
	const organization = state.organizations.get(id);
	if (!organization) return missingPage(context.home, `organisation ${id}`);
	const domains = organization.domain_ids.map((domainId) => state.domains.get(domainId)?.domain).filter((domain): domain is string => domain !== undefined);
	const members = [...state.users.values()].filter((user) => user.organization_id === organization.id).sort((a, b) => a.id - b.id);
	return page(
		200,
		context.home,
		organization.name,
		html`<h1>${organization.name}</h1>
<p>Organisation ${organization.id}</p>
<dl>
<dt>Domains</dt><dd>${domains.length === 0 ? '—' : domains.join(', ')}</dd>
<dt>Created</dt><dd>${timeTag(organization.created_at)}</dd>
<dt>Legacy id</dt><dd>${organization.legacy_id ?? '—'}</dd>
</dl>
<section aria-labelledby="fields"><h2 id="fields">Fields</h2>${fieldTable(context, 'organization', organization.field_values)}</section>
<section aria-labelledby="tags"><h2 id="tags">Tags</h2>${tagList(organization.tags)}</section>
<section aria-labelledby="members"><h2 id="members">Members (${members.length})</h2>${limited(members, (user) => userLink(context, user.id), 'None.')}</section>`
	);
}
