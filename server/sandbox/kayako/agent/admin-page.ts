// The one admin page the checklist sends a user to, Admin › Security › Help center: "Allow unsafe HTML in articles",
// shown and switched as an admin would in Kayako (it changes the sandbox account's setting, nothing else).
import type { Reply } from '../../common/reply';
import type { AccountState } from '../state';
import { html, page } from './html';
import type { PageContext } from './parts';

export const ARTICLE_HTML_SETTING = 'allow_unsafe_html_in_articles';

export function adminPath(home: string): string {
	return `${home}/admin/security/helpcenter`;
}

function settingOn(state: AccountState): boolean {
	const value = [...state.settings.values()].find((entry) => entry.name === ARTICLE_HTML_SETTING)?.value;
	return value === '1' || value === 'true';
}

export function adminIndexPage(context: PageContext): Reply {
	return page(200, context.home, 'Admin', html`<h1>Admin</h1><p>The sandbox has one admin page, the one the migration's checklist needs:</p><ul><li><a href="${adminPath(context.home)}">Security › Help center</a></li></ul>`);
}

export function helpCenterSecurityPage(context: PageContext, saved = false): Reply {
	const on = settingOn(context.state);
	return page(
		200,
		context.home,
		'Help center security',
		html`<h1>Security › Help center</h1>
${saved ? html`<p role="status">Saved: “Allow unsafe HTML in articles” is now ${on ? 'on' : 'off'}.</p>` : ''}
<form method="post" action="${adminPath(context.home)}">
<p><label><input type="checkbox" name="${ARTICLE_HTML_SETTING}" value="1"${on ? html` checked` : ''}> Allow unsafe HTML in articles</label></p>
<p>When this is off, Kayako removes links, embedded content and scripts from articles as they are saved. A migration of the knowledge base needs it on so the articles keep their links; turn it off again once the migration is done.</p>
<p><button type="submit">Save</button></p>
</form>
<p>It is now <strong data-setting="${ARTICLE_HTML_SETTING}">${on ? 'on' : 'off'}</strong>.</p>`
	);
}

/** A ticked box sends the field, an unticked one sends nothing: absent means off. */
export function saveHelpCenterSecurity(context: PageContext, form: Record<string, unknown>): void {
	const value = form[ARTICLE_HTML_SETTING] === '1' ? '1' : '0';
	const setting = [...context.state.settings.values()].find((entry) => entry.name === ARTICLE_HTML_SETTING);
	if (setting) setting.value = value;
}

/** After a save the browser comes back with a GET, so a reload does not post again. */
export function savedRedirect(home: string): Reply {
	return { status: 303, headers: { Location: `${adminPath(home)}?saved=1` }, body: { text: '' } };
}

export function forbiddenPage(home: string): Reply {
	return page(403, home, 'Not allowed', html`<h1>Not allowed</h1><p>This form may only be sent from the sandbox's own page. Open <a href="${adminPath(home)}">Security › Help center</a> and save there.</p>`);
}
