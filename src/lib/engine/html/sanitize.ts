// HTML bodies made safe before they reach Kayako: formatting, tables, links and images stay; scripts, handlers and frames go.
// sanitize-html rather than DOMPurify: the engine runs in a Web Worker and under Node, where there is no DOM.
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
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesByTag: { img: ['http', 'https', 'data', 'cid'] },
	allowProtocolRelative: false,
	allowedStyles: {
		'*': {
			color: [/^[#\w(),.\s%]+$/],
			'background-color': [/^[#\w(),.\s%]+$/],
			'text-align': [/^(left|right|center|justify)$/],
			'font-weight': [/^\w+$/],
			'font-style': [/^\w+$/],
			'text-decoration': [/^[\w\s-]+$/],
			width: [/^\d+(\.\d+)?(px|%|em)?$/],
			height: [/^\d+(\.\d+)?(px|%|em)?$/],
			border: [/^[\w\s#().,-]+$/]
		}
	},
	// Content of these is dropped with the tag; of any other refused tag, only the tag goes.
	nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template']
};

export interface SanitizedHtml {
	html: string;
	/** True when something was taken out (a script, an event handler, a frame): the report says so. */
	changed: boolean;
}

export function sanitizeBody(html: string): SanitizedHtml {
	const clean = sanitizeHtml(html, OPTIONS);
	return { html: clean, changed: normalise(clean) !== normalise(html) };
}

/** Differences sanitize-html makes without removing anything (quotes, self-closing tags, entities) do not count as changes. */
function normalise(html: string): string {
	return sanitizeHtml(html, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, parseStyleAttributes: false }).replace(/\s+/g, ' ').trim();
}
