// The marker each appended post carries (`client_id`, which Kayako keeps on the post), and the read that finds the markers a case holds.
import type { KayakoSession } from '../session';

const PAGE = 100;

/** The marker of one source comment appended to a case; the same comment always gets the same marker. */
export function postMarker(ticketId: string, commentId: string): string {
	return `migrated:${ticketId}:${commentId}`;
}

/** Every marker among the case's posts (newest first, paged by `after_id`): the comments already appended. */
export async function markersOnCase(session: KayakoSession, caseId: number): Promise<Set<string>> {
	const markers = new Set<string>();
	let afterId: number | undefined;
	for (;;) {
		const envelope = await session.request<{ id: number; client_id?: string | null }[]>({
			method: 'GET',
			path: `cases/${caseId}/posts.json`,
			searchParams: { limit: PAGE, ...(afterId !== undefined && { after_id: afterId }) }
		});
		for (const post of envelope.data) if (post.client_id) markers.add(post.client_id);
		const last = envelope.data.at(-1);
		if (!last || envelope.data.length < PAGE || (afterId !== undefined && last.id >= afterId)) return markers;
		afterId = last.id;
	}
}
