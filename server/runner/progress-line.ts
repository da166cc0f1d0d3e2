// One line of progress for a terminal or a log file: counts per entity, rate and ETA.
import type { ProgressReport } from '../../src/lib/engine/pipeline/progress';

export function formatDuration(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 1) return 'under a minute';
	if (minutes < 120) return `${minutes} min`;
	const hours = Math.floor(minutes / 60);
	return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.round(hours / 24)} days`;
}

export function progressLine(report: ProgressReport): string {
	const parts = Object.entries(report.entities).map(([kind, counts]) => {
		const of = counts.expected !== undefined ? `/${counts.expected}` : '';
		const problems = [counts.failed ? `${counts.failed} failed` : '', counts.skipped ? `${counts.skipped} skipped` : ''].filter(Boolean).join(', ');
		return `${kind} ${counts.total}${of}${problems ? ` (${problems})` : ''}`;
	});
	const rate = report.perMinute > 0 ? `, ${report.perMinute}/min` : '';
	const eta = report.etaMs !== undefined ? `, ${report.phase} done in ${formatDuration(report.etaMs)}` : '';
	const throttled = report.throttled ? `, slowed by ${report.throttled.host}` : '';
	return `[${report.phase}] ${parts.join(' · ') || 'starting'}${rate}${eta}${throttled}`;
}
