// A tweet's or Facebook post's `html_body` as Zendesk stores it has its entities escaped twice (`&amp;amp;`, `&amp;lt;`):
// shown as is, Kayako would print "&amp;" where the customer wrote "&". One level is undone for those channels only.

/** Channels whose comments Zendesk stores with doubled entities. */
const DOUBLED_CHANNELS: ReadonlySet<string> = new Set(['twitter', 'facebook']);

/** `&amp;` in front of another entity (named or numeric): the second, wrong level of escaping. */
const DOUBLED = /&amp;(?=(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});)/gi;

/** The html with one level of doubled entities undone for a social channel; any other channel's html as it is. */
export function undoubledHtml(html: string, channel: string | undefined): string {
	return channel !== undefined && DOUBLED_CHANNELS.has(channel) ? html.replace(DOUBLED, '&') : html;
}
