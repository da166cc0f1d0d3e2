// Which fields of a connect form are still empty, checked before anything is sent, so the page can name each one.

export type ConnectField = 'url' | 'email' | 'secret';

/**
 * The empty fields in form order. The e-mail counts only when the login method uses one; the secret (password, token)
 * may stay empty when the engine already holds one from an earlier login in this tab or an unlocked one.
 */
export function missingFields(form: { url: string; email: string; secret: string }, needs: { email: boolean; heldSecret: boolean }): ConnectField[] {
	const missing: ConnectField[] = [];
	if (!form.url.trim()) missing.push('url');
	if (needs.email && !form.email.trim()) missing.push('email');
	if (!form.secret && !needs.heldSecret) missing.push('secret');
	return missing;
}
