// A reason as it travels through the engine: still a string (so every place that passes, joins or logs reasons works
// unchanged), carrying its code and parameters invisibly beside the English sentence, until the id map stores them apart.
import type { ReasonCode, ReasonParams, ReasonPart } from './codes';
import { en } from './en';

const START = '\uE000';
const MID = '\uE001';
const END = '\uE002';
/** Unicode tag characters mirror ASCII and print as nothing: the code and parameters ride along without showing in a log. */
const TAG_BASE = 0xe0000;
const CODED = new RegExp(`${START}([\\u{E0020}-\\u{E007E}]*)${MID}([^${END}]*)${END}`, 'gu');

const hide = (ascii: string) => Array.from(ascii, (char) => String.fromCodePoint(TAG_BASE + char.charCodeAt(0))).join('');
const reveal = (hidden: string) => Array.from(hidden, (char) => String.fromCharCode((char.codePointAt(0) ?? TAG_BASE) - TAG_BASE)).join('');

/** The reason `code` with its parameters: the English sentence, and the code for the report to render in any language. */
export function because<C extends ReasonCode>(code: C, ...[params]: ReasonParams[C] extends Record<string, never> ? [] : [ReasonParams[C]]): string {
	// A reason inside another's words (an error's detail) is told as its plain sentence.
	const given = Object.fromEntries(Object.entries(params ?? {}).map(([key, value]) => [key, typeof value === 'string' ? plainReason(value) : value])) as ReasonParams[C];
	const sentence = en[code](given);
	return `${START}${hide(encodeURIComponent(JSON.stringify({ c: code, p: given })))}${MID}${sentence}${END}`;
}

/** What the id map stores of a reason: the plain English text, and its facts when any was given as a code. */
export function splitReason(reason: string): { text: string; parts?: ReasonPart[] } {
	if (!reason.includes(START)) return { text: reason };
	const parts: ReasonPart[] = [];
	// The plain text as the parts tell it: a fact noted twice (a found record's saved note and its new one) reads once.
	const sentences: string[] = [];
	const seen = new Set<string>();
	let at = 0;
	const plain = (text: string) => {
		const trimmed = text.trim();
		if (trimmed) {
			parts.push({ text: trimmed });
			sentences.push(trimmed);
		}
	};
	for (const match of reason.matchAll(CODED)) {
		plain(reason.slice(at, match.index));
		at = (match.index ?? 0) + match[0].length;
		const [, payload = '', sentence = ''] = match;
		try {
			const { c, p } = JSON.parse(decodeURIComponent(reveal(payload))) as { c: ReasonCode; p: ReasonParams[ReasonCode] };
			// One sentence per fact: the same fact noted twice (by two steps) is told once.
			const fact = JSON.stringify([c, p]);
			if (!seen.has(fact)) {
				parts.push(c in en ? { reasonCode: c, reasonParams: p } : { text: sentence });
				sentences.push(sentence);
			}
			seen.add(fact);
		} catch {
			parts.push({ text: sentence });
			sentences.push(sentence);
		}
	}
	plain(reason.slice(at));
	return { text: sentences.join(' '), parts };
}

/** The reason as English text only, for the log and for readers of the plain `reason`. */
export function plainReason(reason: string): string {
	return reason.includes(START) ? reason.replace(CODED, '$2') : reason;
}
