// Leaving a step with unsaved changes (the step bar, a link, Back) saves them first, so a typed tag is never lost.
import { beforeNavigate, goto } from '$app/navigation';

/**
 * Call once while a step page initialises. When the user leaves inside the app with something unsaved, the
 * navigation waits for `save`; it goes on when that worked, and stays (the page shows why) when it did not.
 * Saving beats asking: the user chose those values on purpose, and every step can be changed again later.
 * Closing or reloading the tab cannot wait for a save, so that is left to the browser.
 */
export function saveOnLeave(unsaved: () => boolean, save: () => Promise<boolean>): void {
	let saving = false;
	beforeNavigate((navigation) => {
		if (saving || navigation.willUnload || !navigation.to || !unsaved()) return;
		navigation.cancel();
		const target = navigation.to.url;
		saving = true;
		void save()
			// eslint-disable-next-line svelte/no-navigation-without-resolve -- the address the app itself was navigating to, already resolved
			.then((ok) => (ok ? goto(`${target.pathname}${target.search}${target.hash}`) : undefined))
			.finally(() => (saving = false));
	});
}
