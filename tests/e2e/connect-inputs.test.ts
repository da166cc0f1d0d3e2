// The connect step's own checks in German: a proxy address typed without http:// is completed and works, an empty
// Zendesk form names its empty fields in German at the fields, and only Zendesk can be chosen as the source.
import { expect, test } from '@playwright/test';
import { expectNoEnglish, switchLanguage } from './german';
import { E2E_PORTS } from './ports';
import { newMigration } from './sandboxes';

test('a proxy address without http:// is completed, and empty Zendesk and Kayako forms say in German which fields are empty', async ({ page }) => {
	await newMigration(page, 'Umzug Frühjahr');
	await switchLanguage(page, 'de');

	const proxy = page.getByLabel('Adresse des CORS-Proxys');
	await proxy.fill(`127.0.0.1:${E2E_PORTS.proxy}`);
	await page.getByRole('button', { name: 'Proxy prüfen' }).click();
	await expect(proxy).toHaveValue(`http://127.0.0.1:${E2E_PORTS.proxy}`);
	await expect(page.getByText('Vor die eingegebene Adresse wurde http:// gesetzt.')).toBeVisible();
	await expect(page.getByText(`Der Proxy unter http://127.0.0.1:${E2E_PORTS.proxy} antwortet.`)).toBeVisible();

	const source = page.getByRole('region', { name: /Zendesk/ });
	await source.getByRole('button', { name: 'Verbindung zur Quelle testen' }).click();
	await expect(source.getByTestId('source-missing')).toHaveText(
		'Noch nicht getestet, diese Felder sind leer: Adresse des Helpdesks, E-Mail des Administrators der Quelle, API-Token.'
	);
	const address = source.getByLabel('Adresse des Helpdesks');
	await expect(address).toHaveAttribute('aria-invalid', 'true');
	await expect(address).toBeFocused();
	await expect(source.locator('#source-url-missing')).toHaveText('Geben Sie die Adresse des Helpdesks ein, z. B. acme.zendesk.com.');
	await expect(source.locator('#source-secret-missing')).toHaveText('„API-Token“ ist noch leer.');
	// Nothing was sent, so no error from the engine stands under the form.
	await expect(source.locator('[data-error-kind]')).toHaveCount(0);

	// The Kayako form the same way: its empty fields named in German before anything is sent.
	const kayako = page.getByRole('region', { name: 'Kayako (wohin die Daten gehen)' });
	await kayako.getByRole('button', { name: 'Verbindung testen' }).click();
	await expect(kayako.getByTestId('kayako-missing')).toHaveText('Noch nicht getestet, diese Felder sind leer: Kayako-Adresse, E-Mail des Administrators, Passwort.');
	await expect(kayako.locator('#kayako-url-missing')).toHaveText('Geben Sie die Adresse Ihres Kayako ein, z. B. acme.kayako.com.');
	await expect(kayako.locator('[data-error-kind]')).toHaveCount(0);
	await expectNoEnglish(page, 'the connect step with empty fields');
});

test('the start page offers only Zendesk; the planned sources show as coming later and cannot be chosen', async ({ page }) => {
	await page.goto('/');
	const source = page.getByLabel('Source helpdesk');
	await expect(source.locator('option:not([disabled])')).toHaveText(['Zendesk']);
	await expect(source.locator('option[disabled]')).toHaveText([/Freshdesk \(coming later\)/, /Help Scout \(coming later\)/, /Kayako Classic \(coming later\)/, /CSV.*\(coming later\)/]);
});
