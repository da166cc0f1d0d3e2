// The wizard's step navigation: which step a page is, and which steps are done, from the migration's stage.
import { describe, expect, it } from 'vitest';
import { laterStage } from '../../src/lib/engine/stages';
import { currentStep, stepDone } from '../../src/lib/ui/wizard-steps';

const at = (path: string, query = '') => [path, new URLSearchParams(query)] as const;

describe('the current step', () => {
	it('is the page named by the path', () => {
		expect(currentStep(...at('/migrations/m1/fields'), 'map')).toBe('fields');
		expect(currentStep(...at('/base/migrations/m1/checklist/'), 'checklist')).toBe('checklist');
		expect(currentStep(...at('/migrations/m1/nowhere'), 'connect')).toBeUndefined();
	});

	it('on the run page is the one its query names, else the demo before the full run and the full run after it starts', () => {
		expect(currentStep(...at('/migrations/m1/run', 'step=full'), 'demo')).toBe('full');
		expect(currentStep(...at('/migrations/m1/run', 'step=demo'), 'delta')).toBe('demo');
		expect(currentStep(...at('/migrations/m1/run'), 'checklist')).toBe('demo');
		expect(currentStep(...at('/migrations/m1/run'), 'full')).toBe('full');
		expect(currentStep(...at('/migrations/m1/run'), 'delta')).toBe('full');
	});
});

describe('the stage', () => {
	it('never moves a migration back, and marks the steps before it done', () => {
		expect(laterStage('delta', 'checklist')).toBe('delta');
		expect(laterStage('demo', 'checklist')).toBe('checklist');
		// An unknown name changes nothing; an older, unknown stage gives way.
		expect(laterStage('demo', 'somewhere')).toBe('demo');
		expect(laterStage('fields', 'options')).toBe('options');
		expect(stepDone('demo', 'checklist')).toBe(true);
		expect(stepDone('full', 'checklist')).toBe(false);
		expect(stepDone('after', 'done')).toBe(true);
	});
});
