// The whole API v1 route table, and the bulk kinds the job runner knows.
import { createRouter, type Router } from '../../common/router';
import type { Handler } from '../context';
import { jobReply, type BulkKind } from '../jobs';
import { registerAccountRoutes } from './account';
import { CASE_BULK, registerCaseRoutes } from './cases';
import { registerFieldRoutes } from './fields';
import { registerFileRoutes } from './files';
import { ARTICLE_BULK, CATEGORY_BULK, registerHelpCenterRoutes, SECTION_BULK } from './helpcenter';
import { ORGANIZATION_BULK, registerOrganizationRoutes } from './organizations';
import { registerPostRoutes } from './posts';
import { registerTeamRoutes, TEAM_BULK } from './teams';
import { registerUserRoutes, USER_BULK } from './users';

export const BULK_KINDS: Readonly<Record<string, BulkKind>> = {
	users: USER_BULK,
	organizations: ORGANIZATION_BULK,
	teams: TEAM_BULK,
	cases: CASE_BULK,
	categories: CATEGORY_BULK,
	sections: SECTION_BULK,
	articles: ARTICLE_BULK
};

export function buildRouter(): Router<Handler> {
	const router = createRouter<Handler>();
	registerAccountRoutes(router);
	registerUserRoutes(router);
	registerOrganizationRoutes(router);
	registerTeamRoutes(router);
	registerFieldRoutes(router);
	registerCaseRoutes(router);
	registerPostRoutes(router);
	registerFileRoutes(router);
	registerHelpCenterRoutes(router);
	router.add('GET', '/jobs/:id', jobReply);
	return router;
}
