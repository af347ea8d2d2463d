/** The journal (L on the dashboard): every close and remove request, newest first, with how it ended. */
import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { type JournalEntry, journalEntries } from '../../store/journal/entries.js';
import type { Journal } from '../../store/journal/journal.js';
import { useKeys } from '../hooks/use-keys.js';
import { useTheme } from '../hooks/use-theme.js';
import { JOURNAL_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import { fitWidth } from '../text.js';

export interface JournalScreenProps {
	readonly journal: Journal;
	readonly onBack: () => void;
	readonly height?: number | undefined;
	readonly width?: number | undefined;
}

const STATUS_LABEL: Record<JournalEntry['status'], string> = {
	accepted: 'accepted',
	refused: 'refused',
	pending: 'pending',
	// Its summary starts with "checking": the row reads "unknown, checking: ...".
	unknown: 'unknown,',
	reconciled: 'checked',
};

/** The short form of who made the request: "user/alice", "RoleName/session". */
export function callerLabel(arn: string): string {
	const resource = arn.split(':').slice(5).join(':');
	if (!resource) return arn;
	return resource.replace(/^assumed-role\//, '');
}

function when(iso: string): string {
	return iso.slice(0, 19).replace('T', ' ');
}

export function JournalScreen({ journal, onBack, height = 20, width = 100 }: JournalScreenProps) {
	const theme = useTheme();
	const [version, setVersion] = useState(0);
	// biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger.
	const contents = useMemo(() => journal.read(), [journal, version]);
	const entries = useMemo(() => journalEntries(contents.records), [contents]);
	const [top, setTop] = useState(0);
	const topRef = useRef(0);
	const notes = (contents.skipped.length > 0 ? 1 : 0) + (contents.unreadable ? 1 : 0);
	const visible = Math.max(1, height - 5 - notes);
	const maxTop = Math.max(0, entries.length - visible);

	const scrollTo = (next: number) => {
		const top = Math.min(maxTop, Math.max(0, next));
		topRef.current = top;
		setTop(top);
	};
	useKeys({
		bindings: JOURNAL_KEYS,
		on: {
			back: onBack,
			reload: () => setVersion((value) => value + 1),
			'scroll-up': () => scrollTo(topRef.current - 1),
			'scroll-down': () => scrollTo(topRef.current + 1),
			'page-up': () => scrollTo(topRef.current - visible),
			'page-down': () => scrollTo(topRef.current + visible),
			top: () => scrollTo(0),
			bottom: () => scrollTo(maxTop),
		},
	});

	const pending = entries.filter((entry) => entry.status === 'pending' || entry.status === 'unknown').length;
	const statusColour = (status: JournalEntry['status']) =>
		theme.colour(
			status === 'accepted'
				? 'green'
				: status === 'refused'
					? 'red'
					: status === 'pending' || status === 'unknown'
						? 'yellow'
						: 'cyan',
		);
	// Time, action, account and status take 52 columns; the summary gets the rest, less the caller after it.
	const summaryWidth = (callerText: string) => Math.max(20, width - 52 - callerText.length - 5);

	return (
		<Box flexDirection="column" height={height} overflow="hidden">
			<Text bold wrap="truncate-end">
				Journal of {journal.organizationId}: {entries.length} {entries.length === 1 ? 'request' : 'requests'}
				{pending > 0 ? `, ${pending} without a known outcome` : ''}
			</Text>
			<Text dimColor wrap="truncate-middle">
				{journal.path}
			</Text>
			{contents.unreadable ? <Text color={theme.colour('red')}>{contents.unreadable}</Text> : null}
			{contents.skipped.length > 0 ? (
				<Text color={theme.colour('yellow')} wrap="truncate-end">
					{contents.skipped.length} unreadable {contents.skipped.length === 1 ? 'line was' : 'lines were'} skipped (line{' '}
					{contents.skipped.map((line) => line.line).join(', ')}).
				</Text>
			) : null}
			<Box flexDirection="column" marginTop={1} flexGrow={1}>
				{entries.length === 0 ? (
					<Text dimColor>No close or remove request has been made for this organization yet.</Text>
				) : (
					entries.slice(top, top + visible).map((entry) => (
						<Text key={entry.intentId} wrap="truncate-end">
							{when(entry.time)} {fitWidth(entry.action, 7)} {entry.accountId}{' '}
							<Text color={statusColour(entry.status)}>{fitWidth(STATUS_LABEL[entry.status], 9)}</Text>
							{fitWidth(entry.summary, summaryWidth(callerLabel(entry.caller.arn)))}
							<Text dimColor> by {callerLabel(entry.caller.arn)}</Text>
						</Text>
					))
				)}
			</Box>
			<Text dimColor wrap="truncate-end">
				{entries.length > visible ? `${top + 1}-${Math.min(entries.length, top + visible)} of ${entries.length}  ` : ''}
				{hintLine(JOURNAL_KEYS)}
			</Text>
		</Box>
	);
}
