// The wizard's steps in order, each with its page and the stage the engine records once the user is past it.
import { stageIndex } from '$lib/engine/stages';

export type WizardStep = 'connect' | 'select' | 'match' | 'fields' | 'options' | 'demo' | 'checklist' | 'full' | 'after';

/** The page of each step; demo and full run share the run page, told apart by `?step=`. */
export const STEP_PAGES: Record<WizardStep, string> = {
	connect: 'connect',
	select: 'select',
	match: 'match',
	fields: 'fields',
	options: 'options',
	demo: 'run?step=demo',
	checklist: 'checklist',
	full: 'run?step=full',
	after: 'after'
};

/** The engine's stages (see en.json `stages`) in wizard order; a step is done once the stage is past its own. */
const STEP_STAGE: Record<WizardStep, string> = {
	connect: 'connect',
	select: 'select',
	match: 'match',
	fields: 'map',
	options: 'options',
	demo: 'demo',
	checklist: 'checklist',
	full: 'full',
	after: 'done'
};

export const STEPS = Object.keys(STEP_PAGES) as WizardStep[];

export function stepDone(step: WizardStep, stage: string): boolean {
	return stageIndex(stage) > stageIndex(STEP_STAGE[step]) || (step === 'after' && stage === 'done');
}

/**
 * Which step a page is, from the last part of its path and its query. The run page without a step is the full
 * migration once that has started (a resume, a delta), and the demo before.
 */
export function currentStep(pathname: string, search: URLSearchParams, stage: string): WizardStep | undefined {
	const last = pathname.replace(/\/+$/, '').split('/').pop() ?? '';
	if (last === 'run') {
		const step = search.get('step');
		if (step === 'full' || step === 'demo') return step;
		return stageIndex(stage) >= stageIndex('full') ? 'full' : 'demo';
	}
	return STEPS.find((step) => STEP_PAGES[step] === last);
}

/** A step's name from storage, or undefined when it is none (the text never becomes an address itself). */
function stepNamed(text: string | null | undefined): WizardStep | undefined {
	return STEPS.find((step) => step === text);
}

const lastStepKey = (migrationId: string) => `kayako-migrator:last-step:${migrationId}`;

/**
 * The step page the user was last on, other than Connect. It lives in sessionStorage, which a reload keeps: after a
 * reload forgot the passwords and the user went to Connect to give them again, "Next" leads back there.
 */
export function rememberStep(migrationId: string, step: WizardStep | undefined): void {
	if (!step || step === 'connect') return;
	try {
		sessionStorage.setItem(lastStepKey(migrationId), step);
	} catch {
		// Storage off (a strict privacy mode): Next then leads to the step after Connect, as it always did.
	}
}

export function lastStep(migrationId: string): WizardStep | undefined {
	try {
		return stepNamed(sessionStorage.getItem(lastStepKey(migrationId)));
	} catch {
		return undefined;
	}
}
