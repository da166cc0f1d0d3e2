// HTML bodies made safe before they reach Kayako: formatting, tables, links and images stay; scripts, handlers and frames go.
// sanitize-html rather than DOMPurify: the engine runs in a Web Worker and under Node, where there is no DOM.
// The output of sanitizeBody is what Kayako receives, always: callers never send the original, even when nothing changed.
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
	...sanitizeHtml.defaults.allowedTags,
	'img',
	'span',
	'font',
	'u',
	's',
	'del',
	'ins',
	'sub',
	'sup',
	'colgroup',
	'col',
	'center'
];

/** Inline images a migration rewrites later may be data URLs, but only raster ones: an SVG can carry script. */
const RASTER_DATA_URL = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

/** A colour by name, hex or rgb()/hsl(): nothing that could be `expression(...)` or `url(...)`. */
const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla)\([\d\s.,%]+\))$/i;
/** A border shorthand: widths, a style word and a colour, without function calls other than rgb()/hsl(). */
const BORDER = /^(?!.*(url|expression|image|var)\s*\()[\w\s#().,%-]+$/i;

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: ALLOWED_TAGS,
	allowedAttributes: {
		a: ['href', 'name', 'target', 'title', 'rel'],
		img: ['src', 'alt', 'title', 'width', 'height', 'style'],
		td: ['colspan', 'rowspan', 'style', 'align', 'valign'],
		th: ['colspan', 'rowspan', 'style', 'align', 'valign', 'scope'],
		table: ['border', 'cellpadding', 'cellspacing', 'style', 'width'],
		col: ['span', 'width'],
		font: ['color', 'face', 'size'],
		'*': ['style', 'dir', 'lang', 'class']
	},
	// Links may only go to web pages, mail and phone numbers: never javascript:, vbscript: or data:.
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesByTag: { img: ['http', 'https', 'data', 'cid'] },
	allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'background', 'poster', 'xlink:href'],
	allowProtocolRelative: false,
	allowedStyles: {
		'*': {
			color: [COLOUR],
			'background-color': [COLOUR],
			'text-align': [/^(left|right|center|justify)$/],
			'font-weight': [/^\w+$/],
			'font-style': [/^\w+$/],
			'text-decoration': [/^[\w\s-]+$/],
			width: [/^\d+(\.\d+)?(px|%|em)?$/],
			height: [/^\d+(\.\d+)?(px|%|em)?$/],
			border: [BORDER]
		}
	},
	transformTags: {
		// sanitize-html admits any data: URL once the scheme is allowed; only raster images may stay.
		img: (tagName, attribs) => {
			const src = attribs.src ?? '';
			if (/^\s*data:/i.test(src) && !RASTER_DATA_URL.test(src.trim())) {
				const { src: _dropped, ...rest } = attribs;
				return { tagName, attribs: rest };
			}
			return { tagName, attribs };
		}
	},
	// Content of these is dropped with the tag; of any other refused tag, only the tag goes.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'xmp', 'noembed', 'noframes', 'plaintext']
};

/** Comments, CDATA sections and processing instructions: never passed on, and a browser may read them differently from the sanitizer. */
const HIDDEN_MARKUP = /<!--|<!\[CDATA\[|<\?/i;

export interface SanitizedHtml {
	/** The only HTML that may be sent on: the sanitizer's output, never the input. */
	html: string;
	/** True when something was taken out (a script, an event handler, a frame): the report says so. */
	changed: boolean;
}

/**
 * One parse for the HTML sent on. `changed` takes two more parses, so it is worked out only when read (the report
 * asks; the writer sending a comment does not) and then kept.
 */
export function sanitizeBody(html: string): SanitizedHtml {
	const clean = sanitizeHtml(html, OPTIONS);
	let changed: boolean | undefined;
	return {
		html: clean,
		get changed() {
			// Comments and CDATA sections go in both passes below, so their presence alone says something was taken out.
			changed ??= HIDDEN_MARKUP.test(html) || normalise(clean) !== normalise(html);
			return changed;
		}
	};
}

/**
 * Differences sanitize-html makes without removing anything (quotes, self-closing tags, entities) do not count as changes.
 * Only for the report's "changed" flag: this pass keeps comments and links as the input had them, so that their removal counts.
 */
function normalise(html: string): string {
	return sanitizeHtml(html, {
		allowedTags: false,
		allowedAttributes: false,
		allowVulnerableTags: true,
		parseStyleAttributes: false,
		allowedSchemes: [],
		allowedSchemesAppliedToAttributes: [],
		allowProtocolRelative: true
	})
		.replace(/\s+/g, ' ')
		.trim();
}
