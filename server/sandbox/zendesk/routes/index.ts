// Every API route of the Zendesk sandbox, registered with and without the `.json` suffix (the server strips it).
import { createRouter, type Router } from '../../common/router';
import type { RouteSpec } from '../http/context';
import { autocompleteRoutes } from './autocomplete';
import { catalogRoutes } from './catalog';
import { commentRoutes } from './comments';
import { deletedUserRoutes } from './deleted-users';
import { downloadRoutes, fileHostRoutes } from './downloads';
import { helpCenterRoutes } from './help-center';
import { incrementalRoutes } from './incremental';
import { peopleRoutes } from './people';
import { ticketEventRoutes } from './ticket-events';
import { ticketRoutes } from './tickets';

export function createApiRouter(): Router<RouteSpec> {
	const router = createRouter<RouteSpec>();
	for (const table of [ticketRoutes, commentRoutes, incrementalRoutes, ticketEventRoutes, peopleRoutes, autocompleteRoutes, deletedUserRoutes, catalogRoutes, helpCenterRoutes, downloadRoutes]) {
		for (const [pattern, spec] of Object.entries(table)) router.add('GET', pattern, spec);
	}
	return router;
}

/** The file host's router: signed downloads only. */
export function createFileHostRouter(): Router<RouteSpec> {
	const router = createRouter<RouteSpec>();
	for (const [pattern, spec] of Object.entries(fileHostRoutes)) router.add('GET', pattern, spec);
	return router;
}
