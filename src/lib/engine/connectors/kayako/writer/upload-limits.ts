// How much one upload to Kayako may carry: Kayako's default largest file, the bytes and files per POST /files, downloads at once.

/**
 * The largest file Kayako takes by default. Kayako publishes no number; its upload limit is configurable, 20 MB by
 * default, and a larger file is answered 413 (the API reference's table of what the documentation leaves open, "Largest
 * upload"). The sandbox Kayako takes this as its default. The writer leaves out no file for this size: it learns the
 * account's limit from Kayako's answers (see upload-ceiling.ts), so an account configured higher loses no file it could
 * take; a file above this size is only fetched with care (alone, one at a time, after the uploads before it answered).
 */
export const KAYAKO_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The bytes one POST /files carries at most when it holds several files. Kayako takes several `files[]` parts in one
 * request; well below the largest upload, so a request of small files is never refused for its total size, and a
 * file larger than this goes alone.
 */
export const UPLOAD_BUDGET_BYTES = 8 * 1024 * 1024;

/**
 * Files per POST /files at most. Kayako documents no number; PHP servers take 20 file parts per request by default
 * (`max_file_uploads`), and a request over it would lose the parts beyond.
 */
export const FILES_PER_UPLOAD = 20;

/** Downloads from the source running at once for one record: enough to overlap their round trips, few enough to keep memory small. */
export const DOWNLOADS_AT_ONCE = 3;

/** The slowest uplink an upload is given time for: 64 KB/s, half a megabit, a busy office line. */
const SLOWEST_UPLINK_BYTES_PER_SECOND = 64 * 1024;

/**
 * How long one try of an upload of `bytes` waits for Kayako's answer: the client's usual 30 s, plus the time the bytes
 * take on a slow uplink. A request of several files is larger than one file was, and must not time out (and be sent
 * again and again) only because the line is slow.
 */
export function uploadTimeoutMs(bytes: number): number {
	return 30_000 + Math.ceil((bytes / SLOWEST_UPLINK_BYTES_PER_SECOND) * 1000);
}
