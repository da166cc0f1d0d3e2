// The migrations list: create, read, rename and delete the migrations kept in this browser.
import { rememberedSides } from '../credentials';
import { MigrationError } from '../errors';
import { laterStage } from '../stages';
import { exportMigrationSettings, importMigrationSettings, type CredentialSide, type MigrationSettings, type MigrationStage, type SourcePlatform } from '../store';
import { localTimeZone, writtenLanguageOf } from '../words';
import { asResult, type CommandDeps } from './deps';

export interface NewMigrationRequest {
	name: string;
	platform: SourcePlatform;
	/** The UI's language now ("de", "en-US"): what the migration writes into Kayako in until the options say otherwise. */
	uiLanguage?: string;
}

export interface MigrationSummary {
	id: string;
	name: string;
	platform: SourcePlatform;
	stage: MigrationStage;
	createdAt: number;
	updatedAt: number;
}

/**
 * Where a side's password is: nowhere; only in the worker's memory; remembered but not unlocked in
 * this session; remembered and unlocked.
 */
export type CredentialState = 'none' | 'in-memory' | 'remembered-locked' | 'remembered-unlocked';

export interface MigrationView extends MigrationSummary {
	source: MigrationSettings['source'];
	target: MigrationSettings['target'];
	proxyUrl: string;
	mappings: MigrationSettings['mappings'];
	options: MigrationSettings['options'];
	filters: MigrationSettings['filters'];
	credentials: Record<CredentialSide, CredentialState>;
}

/** What a wizard step saves: each part given replaces that part whole (mappings per kind). */
export interface MigrationPatch {
	mappings?: Partial<MigrationSettings['mappings']>;
	options?: MigrationSettings['options'];
	filters?: MigrationSettings['filters'];
	stage?: MigrationStage;
}

const MAX_NAME = 120;

export function summarize(settings: MigrationSettings): MigrationSummary {
	const { id, name, stage, createdAt, updatedAt } = settings;
	return { id, name, platform: settings.source.platform, stage, createdAt, updatedAt };
}

export function validName(name: string): string {
	const trimmed = name.trim();
	if (!trimmed) throw new MigrationError({ kind: 'invalid-input', message: 'A migration needs a name.' });
	return trimmed.slice(0, MAX_NAME);
}

export async function requireMigration(deps: CommandDeps, id: string): Promise<MigrationSettings> {
	const settings = await (await deps.store()).getMigration(id);
	if (!settings) throw new MigrationError({ kind: 'not-found', message: `This browser holds no migration ${id}; it may have been deleted in another tab.` });
	return settings;
}

/** Moves the migration on to `reached` when that is later than where it stands (never back), and tells the pages. */
export async function advanceStage(deps: CommandDeps, id: string, reached: MigrationStage): Promise<void> {
	const store = await deps.store();
	const settings = await store.getMigration(id);
	if (!settings || laterStage(settings.stage, reached) === settings.stage) return;
	await store.saveMigration({ ...settings, stage: reached });
	deps.events.emit({ type: 'migrations-changed' });
}

export function migrationCommands(deps: CommandDeps) {
	return {
		listMigrations: () => asResult(async () => (await (await deps.store()).listMigrations()).map(summarize)),

		createMigration: (request: NewMigrationRequest) =>
			asResult(async () => {
				const store = await deps.store();
				const created = await store.createMigration({
					name: validName(request.name),
					source: { platform: request.platform, url: '' },
					target: { url: '', email: '' },
					proxyUrl: '',
					// The zone of the browser that creates it: a run elsewhere (the headless runner) writes the same local times.
					options: { writtenLanguage: writtenLanguageOf(request.uiLanguage), writtenTimeZone: localTimeZone() }
				});
				deps.events.emit({ type: 'migrations-changed' });
				return summarize(created);
			}),

		getMigration: (id: string) =>
			asResult(async () => {
				const settings = await requireMigration(deps, id);
				const remembered = new Set(await rememberedSides(await deps.store(), id));
				const state = (side: CredentialSide): CredentialState => {
					const inMemory = deps.vault.has(id, side);
					if (remembered.has(side)) return inMemory ? 'remembered-unlocked' : 'remembered-locked';
					return inMemory ? 'in-memory' : 'none';
				};
				const view: MigrationView = {
					...summarize(settings),
					source: settings.source,
					target: settings.target,
					proxyUrl: settings.proxyUrl,
					mappings: settings.mappings,
					options: settings.options,
					filters: settings.filters,
					credentials: { source: state('source'), kayako: state('kayako') }
				};
				return view;
			}),

		renameMigration: (id: string, name: string) =>
			asResult(async () => {
				const settings = await requireMigration(deps, id);
				const saved = await (await deps.store()).saveMigration({ ...settings, name: validName(name) });
				deps.events.emit({ type: 'migrations-changed' });
				return summarize(saved);
			}),

		/** Saves what a wizard step decided; the store drops anything that looks like a secret. */
		updateMigration: (id: string, patch: MigrationPatch) =>
			asResult(async () => {
				const settings = await requireMigration(deps, id);
				const saved = await (await deps.store()).saveMigration({
					...settings,
					mappings: { ...settings.mappings, ...patch.mappings },
					options: patch.options ?? settings.options,
					filters: patch.filters ?? settings.filters,
					stage: patch.stage ? laterStage(settings.stage, patch.stage) : settings.stage
				});
				deps.events.emit({ type: 'migrations-changed' });
				return summarize(saved);
			}),

		/** The settings as a file to keep, move to another browser, or hand to the headless runner; never with credentials. */
		exportSettings: (id: string) => asResult(async () => exportMigrationSettings(await deps.store(), id)),

		importSettings: (json: string) =>
			asResult(async () => {
				const imported = await importMigrationSettings(await deps.store(), json);
				deps.events.emit({ type: 'migrations-changed' });
				return summarize(imported);
			}),

		deleteMigration: (id: string) =>
			asResult(async () => {
				await (await deps.store()).deleteMigration(id);
				deps.vault.clear(id);
				deps.events.emit({ type: 'migrations-changed' });
			})
	};
}
