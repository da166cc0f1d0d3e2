// A few at a time: work on a list with a bounded number of lanes, the one pool the engine's stages share.

/**
 * Runs `work` on each item, at most `lanes` at once, starting them in order; answers the results in the items' order.
 * After a failure no lane starts another item, the ones running are waited for, and the first failure is thrown:
 * nothing keeps running unheard.
 */
export async function mapAtOnce<T, R>(items: readonly T[], lanes: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	let failed = false;
	const lane = async (): Promise<void> => {
		while (!failed && next < items.length) {
			const index = next++;
			try {
				results[index] = await work(items[index]!);
			} catch (error) {
				failed = true;
				throw error;
			}
		}
	};
	const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
	const rejected = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
	if (rejected) throw rejected.reason;
	return results;
}
