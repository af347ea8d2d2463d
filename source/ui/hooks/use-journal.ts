/**
 * This organization's journal, for the app shell: the object, the closure
 * dates on record and the start-up check for requests without an outcome.
 * Reads happen in a memo or an effect with a named trigger, not on every render.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Journal } from '../../store/journal/journal.js';
import { type Settings, settingsDirectory } from '../../store/settings.js';

/** The settings folder's journal of this organization. */
export function journalFor(settings: Settings | undefined, organizationId: string): Journal {
	return new Journal(settings?.directory ?? settingsDirectory(), organizationId);
}

/** One journal object while the organization stays the same; none before it is known. */
export function useJournal(settings: Settings | undefined, organizationId: string | undefined): Journal | undefined {
	return useMemo(() => (organizationId ? journalFor(settings, organizationId) : undefined), [settings, organizationId]);
}

/**
 * Closure dates on record (AWS does not list them), read again whenever
 * `readAt` changes; an unreadable journal gives none rather than stopping the dashboard.
 */
export function useRecordedClosureDates(
	journal: Journal | undefined,
	readAt: string | undefined,
): ReadonlyMap<string, string> | undefined {
	return useMemo(() => {
		if (!journal || !readAt) return undefined;
		try {
			return journal.closureDates();
		} catch {
			return undefined;
		}
	}, [journal, readAt]);
}

/**
 * Once `ready` (the organization and the caller known), calls `onPending` if
 * the journal holds requests with no outcome: an earlier run stopped between
 * sending one and recording AWS's answer. Checked once per start, and only
 * with a settings folder of the user's (tests without one skip it).
 */
export function usePendingRequestsCheck(
	journal: Journal | undefined,
	settings: Settings | undefined,
	ready: boolean,
	onPending: () => void,
): void {
	const checked = useRef(false);
	useEffect(() => {
		if (checked.current || !ready || !journal) return;
		checked.current = true;
		if (settings && hasPendingRequests(journal)) onPending();
	}, [journal, settings, ready, onPending]);
}

function hasPendingRequests(journal: Journal): boolean {
	try {
		return journal.pendingIntents().length > 0;
	} catch {
		return false;
	}
}
