// The enabled triggers a new Kayako account comes with; the migration checklist turns them off and on again.
import type { TriggerRecord } from './records';

type SeedTrigger = Omit<TriggerRecord, 'created_at' | 'updated_at'>;

const condition = (field: string, operator: string, value: string) => ({ predicates: [{ field, operator, value, resource_type: 'predicate' }], resource_type: 'predicate_collection' });

export const SEED_TRIGGERS: readonly SeedTrigger[] = [
	{
		id: 1,
		title: 'Notify the requester when a conversation is created',
		description: 'Sends the autoresponder e-mail to the requester of a new conversation',
		is_enabled: true,
		execution_order: 1,
		predicate_collections: [condition('cases.update_type', 'equal_to', 'NEW')],
		actions: [{ action: 'notification_user', name: 'notification_user', value: 'requester', resource_type: 'trigger_action' }]
	},
	{
		id: 2,
		title: 'Notify the assignee when a conversation is assigned',
		description: 'E-mails the agent a conversation is assigned to',
		is_enabled: true,
		execution_order: 2,
		predicate_collections: [condition('cases.assigneeagentid', 'changed', '')],
		actions: [{ action: 'notification_user', name: 'notification_user', value: 'assignee', resource_type: 'trigger_action' }]
	},
	{
		id: 3,
		title: 'Notify the team of a new conversation',
		description: 'E-mails every agent of the assigned team',
		is_enabled: true,
		execution_order: 3,
		predicate_collections: [condition('cases.update_type', 'equal_to', 'NEW')],
		actions: [{ action: 'notification_team', name: 'notification_team', value: 'assigned_team', resource_type: 'trigger_action' }]
	},
	{
		id: 4,
		title: 'Reopen a completed conversation on a customer reply',
		description: 'Sets the status back to Open when the requester replies',
		is_enabled: true,
		execution_order: 4,
		predicate_collections: [condition('cases.statusid', 'equal_to', 'COMPLETED')],
		actions: [{ action: 'status', name: 'status', value: 'OPEN', resource_type: 'trigger_action' }]
	}
];
