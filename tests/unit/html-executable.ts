// For the sanitizer tests: finds anything in an HTML string that a browser would run (scripts, handlers, script URLs, comments).
// A strict reader of sanitize-html's output: every "<" must open a plain, well-formed tag, or it counts as a finding.

const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'base', 'link', 'meta', 'form', 'input', 'button', 'textarea', 'template', 'noscript', 'xml', 'bgsound', 'video', 'audio', 'source', 'details', 'marquee', 'body', 'html', 'head', 'title']);
const FORBIDDEN_ATTRIBUTES = new Set(['srcdoc', 'formaction', 'action', 'xlink:href', 'background', 'dynsrc', 'lowsrc', 'data', 'code', 'codebase', 'poster']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
/** A URL with a scheme must use one of these; one without a scheme is relative to the page and runs nothing. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/;
const SAFE_URL = /^(https?:|mailto:|tel:|cid:|data:image\/(png|jpe?g|gif|webp|bmp);base64,)/;

const TAG = /^<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*\/?>/;
const ATTRIBUTE = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g;

function decodeEntities(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);?/gi, (_all, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);?/g, (_all, dec: string) => String.fromCodePoint(Number(dec)))
		.replace(/&colon;/gi, ':')
		.replace(/&newline;/gi, '\n')
		.replace(/&tab;/gi, '\t')
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** What a browser reads as the URL's scheme: control characters and whitespace anywhere do not stop it. */
function browserUrl(value: string): string {
	// eslint-disable-next-line no-control-regex
	return decodeEntities(value).replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

/** Every executable thing found in `html`; empty when the HTML is inert. */
export function executableParts(html: string): string[] {
	const found: string[] = [];
	if (/<!|<\?/.test(html)) found.push('a comment, CDATA section or processing instruction');
	for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
		const tag = TAG.exec(html.slice(at));
		if (!tag) {
			found.push(`a "<" that is not a plain tag: ${html.slice(at, at + 40)}`);
			continue;
		}
		const name = tag[1]!.toLowerCase();
		if (FORBIDDEN_TAGS.has(name)) found.push(`a <${name}> element`);
		for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
			const attributeName = attribute[1]!.toLowerCase();
			const value = attribute[2] ?? '';
			if (attributeName.startsWith('on')) found.push(`an event handler ${attributeName}`);
			if (FORBIDDEN_ATTRIBUTES.has(attributeName)) found.push(`a ${attributeName} attribute`);
			if (URL_ATTRIBUTES.has(attributeName) && SCHEME.test(browserUrl(value)) && !SAFE_URL.test(browserUrl(value))) found.push(`a ${attributeName} URL ${value.slice(0, 40)}`);
			if (attributeName === 'style' && /expression|url\s*\(|javascript|\\|\/\*|@import|behavior|binding/i.test(decodeEntities(value))) found.push(`a style ${value.slice(0, 40)}`);
			// Netscape's JavaScript entities, &{...};
			if (value.includes('&{')) found.push(`a script entity in ${attributeName}`);
		}
	}
	return found;
}
