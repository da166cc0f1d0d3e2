// How much of the browser's storage quota this site uses, where the browser says so.
export interface StorageUsage {
	usageBytes: number;
	quotaBytes: number;
}

/** Undefined where the browser (or Node) has no `navigator.storage.estimate`. */
export async function estimateUsage(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<StorageUsage | undefined> {
	if (typeof storage?.estimate !== 'function') return undefined;
	const estimate = await storage.estimate();
	if (estimate.usage === undefined || estimate.quota === undefined) return undefined;
	return { usageBytes: estimate.usage, quotaBytes: estimate.quota };
}
