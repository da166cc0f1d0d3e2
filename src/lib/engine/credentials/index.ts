// The credentials' public surface: the in-memory vault, passphrase encryption, remembering, and redaction.
export { CredentialVault } from './vault';
export { DEFAULT_ITERATIONS, MIN_PASSPHRASE_LENGTH, decryptCredentials, encryptCredentials, type EncryptedCredentials, type EncryptionOptions } from './crypto';
export { forgetRemembered, rememberCredentials, rememberedSides, unlockRemembered } from './remember';
export { REDACTED, redact, redactText } from './redact';
export { isSecretKey } from './secret-keys';
export { parseCredentials } from './types';
export type * from './types';
