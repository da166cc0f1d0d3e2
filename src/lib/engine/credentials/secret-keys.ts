// Which property names hold secrets: shared by redaction of printable values and by the store's refusal to save them.

// Compared after lower-casing and dropping everything but letters, so `api_token`, `apiToken` and `API-Token` are one name.
const secretFragments = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'authorization', 'cookie', 'sessionid', 'privatekey'];
const secretNames = new Set(['key', 'otp', 'pin', 'auth']);

/** True when a property called `name` would plausibly hold a password, token, key or session. */
export function isSecretKey(name: string): boolean {
	const letters = name.toLowerCase().replace(/[^a-z]/g, '');
	return secretNames.has(letters) || secretFragments.some((fragment) => letters.includes(fragment));
}
