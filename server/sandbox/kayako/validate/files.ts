// Resolving `attachment_file_ids` to uploaded files: an unknown or expired id is FIELD_INVALID, as the reference's table says.
import { fieldInvalid, type KayakoError } from '../errors';
import { idList } from '../input';
import type { FileRecord } from '../records';
import type { AccountState } from '../state';

export function resolveFiles(state: AccountState, value: unknown, now: number, errors: KayakoError[], parameter = 'attachment_file_ids'): FileRecord[] {
	const ids = idList(value);
	if (ids === undefined) return [];
	const files: FileRecord[] = [];
	for (const id of ids) {
		const file = Number.isNaN(id) ? undefined : state.files.get(id);
		if (!file) errors.push(fieldInvalid(parameter, `no uploaded file has the id ${String(id)}`));
		else if (file.expiry_at <= now) errors.push(fieldInvalid(parameter, `the file ${id} expired; upload it again`));
		else files.push(file);
	}
	return files;
}
