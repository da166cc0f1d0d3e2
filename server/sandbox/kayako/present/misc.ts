// Presenters for the help center (categories, sections, articles), triggers, settings, time tracking and bulk jobs.
import { iso } from '../time';
import { Ref, ref, refs, type Presenter } from './ref';

const category: Presenter = (context, id) => {
	const record = context.state.categories.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		legacy_id: record.legacy_id,
		titles: refs('locale_field', record.title_ids),
		descriptions: refs('locale_field', record.description_ids),
		brand: ref('brand', record.brand_id),
		display_order: record.display_order,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'category',
		resource_url: `${context.apiBase}/categories/${record.id}`
	};
};

const section: Presenter = (context, id) => {
	const record = context.state.sections.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		legacy_id: record.legacy_id,
		category: ref('category', record.category_id),
		titles: refs('locale_field', record.title_ids),
		descriptions: refs('locale_field', record.description_ids),
		visibility: record.visibility,
		article_order_by: record.article_order_by,
		display_order: record.display_order,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'section',
		resource_url: `${context.apiBase}/sections/${record.id}`
	};
};

const article: Presenter = (context, id) => {
	const record = context.state.articles.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		legacy_id: record.legacy_id,
		titles: refs('locale_field', record.title_ids),
		contents: refs('locale_field', record.content_ids),
		keywords: record.keywords,
		section: ref('section', record.section_id),
		author: ref('user', record.author_id),
		creator: ref('user', record.creator_id),
		status: record.status,
		tags: record.tags.map((name) => new Ref('tag', context.state.tags.get(name) ?? 0)),
		is_featured: record.is_featured,
		allow_comments: record.allow_comments,
		attachments: refs('attachment', record.attachment_ids),
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'article',
		resource_url: `${context.apiBase}/articles/${record.id}`
	};
};

const trigger: Presenter = (context, id) => {
	const record = context.state.triggers.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		title: record.title,
		description: record.description,
		is_enabled: record.is_enabled,
		execution_order: record.execution_order,
		predicate_collections: record.predicate_collections,
		actions: record.actions,
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'trigger',
		resource_url: `${context.apiBase}/triggers/${record.id}`
	};
};

// Recorded without a resource_url.
const setting: Presenter = (context, id) => {
	const record = context.state.settings.get(Number(id));
	if (!record) return undefined;
	return { id: record.id, category: record.category, name: record.name, is_protected: record.is_protected, value: record.value, resource_type: 'setting' };
};

const timetrackingLog: Presenter = (context, id) => {
	const record = context.state.timeLogs.get(Number(id));
	if (!record) return undefined;
	return {
		id: record.id,
		time_tracking_log_id: record.id,
		case: ref('case', record.case_id),
		agent: ref('user', record.agent_id),
		log_type: record.log_type,
		time_spent: record.time_spent,
		creator: ref('user', record.creator_id),
		created_at: iso(record.created_at),
		updated_at: iso(record.updated_at),
		resource_type: 'timetracking_log',
		resource_url: `${context.apiBase}/cases/time_track/log/${record.id}`
	};
};

export const MISC_PRESENTERS: Readonly<Record<string, Presenter>> = {
	category,
	section,
	article,
	trigger,
	setting,
	timetracking_log: timetrackingLog
};
