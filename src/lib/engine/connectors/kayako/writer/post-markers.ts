// What a case already holds of a ticket's comments: the marker each appended post carries (`client_id`), and the posts a bulk import dated.
import type { Comment } from '../../../model';
import type { KayakoSession } from '../session';

const PAGE = 100;

/** The marker of one source comment appended to a case; the same comment always gets the same marker. */
export function postMarker(ticketId: string, commentId: string): string {
	return `migrated:${ticketId}:${commentId}`;
}

interface PostSeen {
	id: number;
	client_id?: string | null;
	contents?: string | null;
	created_at?: string | null;
}

/** The posts of one case as far as telling which comments it holds goes. */
export class CasePosts {
	readonly #markers = new Set<string>();
	/** Post text by creation second: a bulk import keeps each comment's own time. */
	readonly #bySecond = new Map<number, string[]>();
	/** How many posts the case holds. */
	count = 0;

	add(post: PostSeen): void {
		this.count += 1;
		if (post.client_id) this.#markers.add(post.client_id);
		const second = secondOf(post.created_at);
		if (second !== undefined) this.#bySecond.set(second, [...(this.#bySecond.get(second) ?? []), textOf(post.contents ?? '')]);
	}

	/**
	 * True when the case holds this comment: a post with its marker, or (for a ticket imported in bulk whose comment list
	 * was not kept, as reconciliation once did) a post of the comment's own second that begins with the comment's text.
	 */
	holds(ticketId: string, comment: Comment): boolean {
		if (this.#markers.has(postMarker(ticketId, comment.id))) return true;
		const second = secondOf(comment.createdAt);
		if (second === undefined) return false;
		const text = textOf(comment.html.trim() ? comment.html : comment.plain).slice(0, 60);
		const posts = this.#bySecond.get(second) ?? [];
		// A comment without text (attachments only) is known by its second alone.
		return text ? posts.some((post) => post.includes(text)) : posts.length > 0;
	}
}

function secondOf(time: string | null | undefined): number | undefined {
	const ms = time ? Date.parse(time) : Number.NaN;
	return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Text without markup or entities, whitespace collapsed: what a comment and its post have in common. */
export function textOf(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Every post of the case (newest first, paged by `after_id`). */
export async function readCasePosts(session: KayakoSession, caseId: number): Promise<CasePosts> {
	const posts = new CasePosts();
	let afterId: number | undefined;
	for (;;) {
		const envelope = await session.request<PostSeen[]>({
			method: 'GET',
			path: `cases/${caseId}/posts.json`,
			searchParams: { limit: PAGE, ...(afterId !== undefined && { after_id: afterId }) }
		});
		for (const post of envelope.data) posts.add(post);
		const last = envelope.data.at(-1);
		if (!last || envelope.data.length < PAGE || (afterId !== undefined && last.id >= afterId)) return posts;
		afterId = last.id;
	}
}
