// Passphrase encryption of credentials: PBKDF2-SHA-256 derives an AES-GCM-256 key; salt and nonce are fresh each time.
import { MigrationError } from '../errors';
import { parseCredentials, type Credentials } from './types';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; a guess costs an attacker this many hashes. */
export const DEFAULT_ITERATIONS = 600_000;
// A stored blob asking for more than this is damaged or hostile: deriving would freeze the tab.
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
/**
 * The shortest passphrase that may lock credentials on disk. Enforced here, where the encryption happens, so no caller
 * (the page, the headless runner, a future command) can store a blob that a stolen disk would give up to a quick guess.
 */
export const MIN_PASSPHRASE_LENGTH = 8;
const IV_BYTES = 12;

/** What decrypting needs besides the passphrase; every field is safe to store. */
export interface EncryptedCredentials {
	salt: string;
	iv: string;
	ciphertext: string;
	iterations: number;
}

export interface EncryptionOptions {
	/** PBKDF2 rounds; lower only in tests. */
	iterations?: number;
	/** Bound into the ciphertext (AES-GCM additional data): a blob decrypts only with the same context. */
	context?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function encryptCredentials(value: Credentials, passphrase: string, options: EncryptionOptions = {}): Promise<EncryptedCredentials> {
	const iterations = options.iterations ?? DEFAULT_ITERATIONS;
	if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
		throw new MigrationError({ kind: 'invalid-input', message: `The PBKDF2 iteration count must be a whole number from 1 to ${MAX_ITERATIONS}.` });
	}
	if (passphrase.length === 0) throw new MigrationError({ kind: 'invalid-input', message: 'The passphrase is empty; remembering credentials needs one.' });
	if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
		throw new MigrationError({
			kind: 'invalid-input',
			message: `The passphrase is shorter than ${MIN_PASSPHRASE_LENGTH} characters; choose a longer one to remember these credentials.`
		});
	}
	// Only the four known shapes are encrypted, so nothing else a caller attached travels along.
	const credentials = parseCredentials(value);
	if (!credentials) throw new MigrationError({ kind: 'invalid-input', message: 'These credentials are not in a shape that can be remembered.' });

	const subtle = webCrypto();
	const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await deriveKey(subtle, passphrase, salt, iterations);
	const plaintext = encoder.encode(JSON.stringify(credentials));
	const ciphertext = await subtle.encrypt(gcmParameters(iv, options.context), key, plaintext);
	return { salt: toBase64(salt), iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)), iterations };
}

/** Throws a `wrong-passphrase` MigrationError for a wrong passphrase, a damaged or tampered blob, or another context. */
export async function decryptCredentials(
	blob: EncryptedCredentials,
	passphrase: string,
	options: Pick<EncryptionOptions, 'context'> = {}
): Promise<Credentials> {
	const subtle = webCrypto();
	const salt = fromBase64(blob.salt);
	const iv = fromBase64(blob.iv);
	const ciphertext = fromBase64(blob.ciphertext);
	const { iterations } = blob;
	if (!salt || !iv || !ciphertext || iv.length !== IV_BYTES || !Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
		throw wrongPassphrase();
	}
	let plaintext: ArrayBuffer;
	try {
		const key = await deriveKey(subtle, passphrase, salt, iterations);
		plaintext = await subtle.decrypt(gcmParameters(iv, options.context), key, ciphertext);
	} catch (error) {
		// AES-GCM cannot tell a wrong key from altered bytes, and neither should we: both mean "not these credentials".
		throw wrongPassphrase(error);
	}
	const credentials = parseCredentials(parseJson(decoder.decode(plaintext)));
	if (!credentials) throw wrongPassphrase();
	return credentials;
}

function wrongPassphrase(cause?: unknown): MigrationError {
	return new MigrationError(
		{
			kind: 'wrong-passphrase',
			message:
				'The passphrase does not match the remembered credentials (or they were damaged); if the passphrase is forgotten, forget the remembered credentials and enter them again.'
		},
		// The cause of a WebCrypto failure is a bare OperationError: it carries no secret, only the call that failed.
		cause === undefined ? undefined : { cause }
	);
}

function webCrypto(): SubtleCrypto {
	const subtle = globalThis.crypto?.subtle;
	if (!subtle) {
		throw new MigrationError({
			kind: 'crypto-unavailable',
			message: 'This browser offers no WebCrypto on this page (it is not served over HTTPS), so credentials cannot be remembered; they can still be used for this session.'
		});
	}
	return subtle;
}

async function deriveKey(subtle: SubtleCrypto, passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
	const material = await subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
	return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
		'encrypt',
		'decrypt'
	]);
}

function gcmParameters(iv: Uint8Array<ArrayBuffer>, context: string | undefined): AesGcmParams {
	return context === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: encoder.encode(context) };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function fromBase64(text: unknown): Uint8Array<ArrayBuffer> | undefined {
	if (typeof text !== 'string') return undefined;
	try {
		const binary = atob(text);
		const bytes = new Uint8Array(binary.length);
		for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
		return bytes;
	} catch {
		return undefined;
	}
}
