// Run progress shared between the tabs of this browser: the tab that runs a migration tells the others, which only watch.
import type { EngineEvent, EventHub } from './events';

/** The events another tab needs to follow a run it does not hold. */
function shared(event: EngineEvent): boolean {
	return (event.type === 'progress' || event.type === 'run-ended' || event.type === 'progress-wanted') && !event.elsewhere;
}

/** Posts this engine's run events on a BroadcastChannel and replays the other tabs' ones, marked `elsewhere`. */
export function shareRunEvents(events: EventHub, channelName: string): void {
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(channelName);
	events.subscribe((event) => {
		if (shared(event)) channel.postMessage(event);
	});
	channel.onmessage = (message: MessageEvent<EngineEvent>) => {
		const event = message.data;
		if (event.type === 'progress' || event.type === 'run-ended' || event.type === 'progress-wanted') events.emit({ ...event, elsewhere: true });
	};
}
