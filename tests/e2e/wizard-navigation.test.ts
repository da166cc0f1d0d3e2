// Moving through the wizard in a real browser: the step bar saves what was typed before it leaves a step, and after a
// reload asked for the passwords again, Connect unlocks them (a wrong passphrase said at its field) and leads back.
import { expect, test } from '@playwright/test';
import { expectAccessible } from './a11y';
import { PASSPHRASE, connectBoth, goToStep, newMigration } from './sandboxes';

test('clicking a step in the step bar keeps the tag typed on Options and the kinds unticked on Select', async ({ page }) => {
	await newMigration(page, 'Step bar saves');
	await goToStep(page, /Options/);
	await expect(page.getByRole('heading', { name: 'Options and filters' })).toBeVisible();
	await page.getByLabel('Tag for migrated tickets').fill('spring-move');
	// No Save pressed: the step bar is the way out.
	await goToStep(page, /Select data/);
	await expect(page).toHaveURL(/\/select$/);
	// The same on Select: an unticked kind stays unticked after the step bar took the user away and back.
	await page.locator('input[data-entity="articles"]').uncheck();
	await goToStep(page, /Options/);
	await expect(page.getByLabel('Tag for migrated tickets')).toHaveValue('spring-move');
	await goToStep(page, /Select data/);
	await expect(page.locator('input[data-entity="articles"]')).not.toBeChecked();
	await expect(page.locator('input[data-entity="tickets"]')).toBeChecked();

	await goToStep(page, /Options/);
	await expect(page.getByLabel('Tag for migrated tickets')).toHaveValue('spring-move');
	// It is saved in the migration, not only kept on the page: a reload still shows it.
	await page.reload();
	await expect(page.getByLabel('Tag for migrated tickets')).toHaveValue('spring-move');
	// Saving on the way out does not mark Options done: the user has not pressed Next there.
	await expect(page.getByRole('navigation', { name: 'Migration steps' }).getByRole('link', { name: /Options/ })).not.toContainText('done');
});

test('after a reload, unlocking on Connect leads back to the step the user was on', async ({ page }) => {
	await newMigration(page, 'Unlock returns');
	await page.getByLabel(/Remember the password/).check();
	await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await connectBoth(page);

	await goToStep(page, /Options/);
	await expect(page.getByRole('heading', { name: 'Options and filters' })).toBeVisible();
	await page.reload();
	// The reload forgot the passwords; the user goes to Connect to unlock them.
	await expect(page.getByTestId('credentials-needed')).toBeVisible();
	await goToStep(page, /Connect/);
	await expect(page.getByRole('heading', { name: 'A password is remembered for this migration' })).toBeVisible();

	const field = page.locator('#unlock-passphrase');
	await field.fill('not the passphrase');
	await page.getByRole('button', { name: 'Unlock' }).click();
	// The error stands under the field and the field points to it.
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAttribute('aria-describedby', 'unlock-passphrase-error');
	await expect(page.locator('#unlock-passphrase-error')).toContainText('The passphrase does not match.');
	await expectAccessible(page, 'connect step with a wrong passphrase');

	await field.fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Unlock' }).click();
	await expect(page.getByText('Unlocked: the remembered password is ready to use.')).toBeVisible();
	await page.getByRole('link', { name: /back to where you were \(Options\)/ }).click();
	await expect(page).toHaveURL(/\/options$/);
	await expect(page.getByRole('heading', { name: 'Options and filters' })).toBeVisible();
});
