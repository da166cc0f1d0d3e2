// The order of records in the reports: numeric ids by their value (23 before 118), others as text after them.

const NUMERIC = /^\d+$/;

/** Compares two source ids: both numbers by value, numbers before text, text by its characters. */
export function compareSourceIds(a: string, b: string): number {
	const aNumber = NUMERIC.test(a);
	const bNumber = NUMERIC.test(b);
	if (aNumber && bNumber) {
		const byLength = a.replace(/^0+/, '').length - b.replace(/^0+/, '').length;
		return byLength !== 0 ? byLength : a < b ? -1 : a > b ? 1 : 0;
	}
	if (aNumber !== bNumber) return aNumber ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}
