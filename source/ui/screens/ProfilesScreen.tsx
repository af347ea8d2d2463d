/**
 * The profile picker (P): the profiles of the AWS config files, the current
 * one marked. Choosing one only switches what the dashboard reads, nothing
 * is changed in AWS, so a plain select menu fits (ink-select-input).
 */
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useEffect, useState } from 'react';
import type { ProfileSummary } from '../../domain/credentials.js';
import { displayText } from '../../domain/display-text.js';
import { useKeys } from '../hooks/use-keys.js';
import { useTheme } from '../hooks/use-theme.js';
import { PROFILES_KEYS } from '../keymap.js';
import { hintLine } from '../keymap-lookup.js';
import { truncate } from '../text.js';
import type { ProfileList, ProfileSwitcher } from './context.js';

const SOURCE_LABEL: Record<ProfileSummary['source'], string> = {
	sso: 'SSO',
	'assume-role': 'role',
	'web-identity': 'web identity',
	process: 'credential_process',
	keys: 'keys',
	none: 'no credentials',
};

/** "admin   SSO · eu-west-1 · current": what the menu shows for one profile. */
export function profileLabel(profile: ProfileSummary, current: string | undefined, width: number): string {
	const details = [SOURCE_LABEL[profile.source], profile.region, profile.name === current ? 'current' : undefined]
		.filter(Boolean)
		.join(' · ');
	return truncate(`${displayText(profile.name)}  (${details})`, width);
}

export interface ProfilesScreenProps {
	readonly switcher: ProfileSwitcher;
	/** The profile on screen now; undefined: the default credential chain. */
	readonly current: string | undefined;
	readonly onBack: () => void;
	readonly height: number;
	readonly width: number;
}

type Loaded =
	| { readonly state: 'loading' }
	| { readonly state: 'loaded'; readonly list: ProfileList }
	| { readonly state: 'failed'; readonly message: string };

function errorMessage(error: unknown): string {
	return displayText(error instanceof Error ? error.message : String(error));
}

export function ProfilesScreen({ switcher, current, onBack, height, width }: ProfilesScreenProps) {
	const theme = useTheme();
	const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
	const [switching, setSwitching] = useState<{ profile: string; failure?: string } | undefined>(undefined);
	useKeys({ bindings: PROFILES_KEYS, on: { back: onBack } });

	useEffect(() => {
		let live = true;
		switcher.list().then(
			(list) => live && setLoaded({ state: 'loaded', list }),
			(error: unknown) => live && setLoaded({ state: 'failed', message: errorMessage(error) }),
		);
		return () => {
			live = false;
		};
	}, [switcher]);

	const choose = (profile: string) => {
		setSwitching({ profile });
		// On success this screen goes away with the dashboard it belongs to; a failure is said here.
		switcher.switchTo(profile).catch((error: unknown) => setSwitching({ profile, failure: errorMessage(error) }));
	};

	const hints = hintLine(PROFILES_KEYS, width);
	if (loaded.state !== 'loaded') {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold>AWS profiles</Text>
				<Text wrap="wrap">
					{loaded.state === 'loading'
						? 'Reading the AWS config files…'
						: `The AWS config files could not be read: ${loaded.message}`}
				</Text>
				<Text dimColor>{hints}</Text>
			</Box>
		);
	}
	const { files, profiles } = loaded.list;
	const items = profiles.map((profile) => ({
		key: profile.name,
		label: profileLabel(profile, current, width - 3),
		value: profile.name,
	}));
	// Title, files line, the note and the key line around the list.
	const limit = Math.max(1, height - 4);
	const initialIndex = Math.max(
		0,
		profiles.findIndex((profile) => profile.name === current),
	);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate-end">
				{`AWS profiles: switch the dashboard to another profile and its organization (now: ${current ? displayText(current) : 'the default credentials'})`}
			</Text>
			<Text dimColor wrap="truncate-end">{`from ${files}`}</Text>
			{profiles.length === 0 ? (
				<Text wrap="wrap">{`There are no profiles in ${files}: add one with aws configure --profile NAME, or aws configure sso.`}</Text>
			) : (
				<Box height={limit} flexDirection="column">
					<SelectInput
						items={items}
						limit={limit}
						initialIndex={initialIndex}
						isFocused={switching === undefined || switching.failure !== undefined}
						onSelect={(item) => choose(item.value)}
					/>
				</Box>
			)}
			<Text wrap="truncate-end" color={switching?.failure ? theme.colour('red') : undefined}>
				{switching === undefined
					? ' '
					: switching.failure
						? `Could not switch to ${displayText(switching.profile)}: ${switching.failure}`
						: `Switching to ${displayText(switching.profile)}…`}
			</Text>
			<Text dimColor>{hints}</Text>
		</Box>
	);
}
