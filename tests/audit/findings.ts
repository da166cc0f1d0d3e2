// What an audit found: counts a test asserts on (duplicates, lost, wrong, unreported) and one readable line per finding.
export type FindingKind =
	/** A source record, post or file that is in Kayako more than once. */
	| 'duplicate'
	/** A source record, post or file missing from Kayako and not in the failed or skipped report with a reason. */
	| 'lost'
	/** In Kayako, but not as the source has it: a reference, a post's time or kind, a file's bytes. */
	| 'wrong'
	/** The report says something Kayako does not bear out: migrated but absent, failed but present, no reason, still pending. */
	| 'misreported';

export interface Finding {
	kind: FindingKind;
	/** The record kind and source id it concerns, e.g. `tickets 123`. */
	record: string;
	message: string;
}

export interface AuditCounts {
	duplicates: number;
	lost: number;
	wrong: number;
	misreported: number;
	/** Records that could not move and say why in the failed or skipped report. */
	accountedFor: number;
	/** What was compared: source tickets, posts and files checked byte for byte. */
	checked: { tickets: number; posts: number; files: number; users: number; organizations: number; teams: number };
}

export interface AuditResult {
	counts: AuditCounts;
	findings: Finding[];
	/** The findings as lines, at most `limit` of each kind: for an assertion message a person can read. */
	summary(limit?: number): string;
}

export class FindingLog {
	readonly findings: Finding[] = [];
	readonly checked: AuditCounts['checked'] = { tickets: 0, posts: 0, files: 0, users: 0, organizations: 0, teams: 0 };
	accountedFor = 0;

	add(kind: FindingKind, record: string, message: string): void {
		this.findings.push({ kind, record, message });
	}

	result(): AuditResult {
		const count = (kind: FindingKind) => this.findings.filter((finding) => finding.kind === kind).length;
		const findings = [...this.findings];
		const counts: AuditCounts = { duplicates: count('duplicate'), lost: count('lost'), wrong: count('wrong'), misreported: count('misreported'), accountedFor: this.accountedFor, checked: { ...this.checked } };
		return {
			counts,
			findings,
			summary(limit = 8) {
				const head = `${counts.duplicates} duplicate, ${counts.lost} lost, ${counts.wrong} wrong, ${counts.misreported} misreported (${counts.accountedFor} reported as not moved, with a reason)`;
				const lines = (['duplicate', 'lost', 'wrong', 'misreported'] as const).flatMap((kind) => {
					const all = findings.filter((finding) => finding.kind === kind);
					const shown = all.slice(0, limit).map((finding) => `  ${kind}: ${finding.record}: ${finding.message}`);
					return all.length > limit ? [...shown, `  ... and ${all.length - limit} more ${kind}`] : shown;
				});
				return [head, ...lines].join('\n');
			}
		};
	}
}
