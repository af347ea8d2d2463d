/**
 * P, the profile picker, rendered by ink-testing-library: the profiles listed
 * with how each signs in, the current one marked; switching reloads the
 * dashboard for the other profile's organization, and the header names the
 * profile and the organization on screen; Esc keeps the profile; the demo says
 * it has no profiles. The organizations are the sandbox's (real gateway code),
 * under the names of profiles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../source/domain/credentials.js';
import type { OrgGateway } from '../../source/org/gateway.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { Settings } from '../../source/store/settings.js';
import { App } from '../../source/ui/app.js';
import { Dashboards, type ProfileSource } from '../../source/ui/run-dashboard.js';
import { profileLabel } from '../../source/ui/screens/ProfilesScreen.js';
import { createTheme } from '../../source/ui/theme.js';
import { KEY, waitForFrame, waitForText } from '../support/frames.js';

const plain = createTheme(false);
let folder: string;
let settings: Settings;
const savedConfigDir = process.env.ORGDASH_CONFIG_DIR;

beforeEach(() => {
	folder = mkdtempSync(join(tmpdir(), 'orgdash-profiles-ui-'));
	// The organizations pass as AWS ones, so their lists are cached: in this folder, beside the settings.
	process.env.ORGDASH_CONFIG_DIR = folder;
	settings = new Settings(folder);
});

afterEach(() => {
	cleanup();
	if (savedConfigDir === undefined) delete process.env.ORGDASH_CONFIG_DIR;
	else process.env.ORGDASH_CONFIG_DIR = savedConfigDir;
	rmSync(folder, { recursive: true, force: true });
});

const PROFILES: ProfileSummary[] = [
	{ name: 'first', source: 'sso', region: 'eu-west-1' },
	{ name: 'second', source: 'assume-role', region: 'us-east-1' },
	{ name: 'third', source: 'keys' },
];

/** A sandbox organization read as if through `profile`. */
function organizationOf(profile: string, accountCount?: number): OrgGateway {
	const sandbox = createSandbox(accountCount === undefined ? {} : { accountCount });
	return {
		...sandbox,
		kind: 'aws',
		sourceKey: `test:profile=${profile}`,
		target: { profile, region: 'eu-west-1' },
	};
}

function source(opened: string[]): ProfileSource {
	return {
		list: async () => ({ files: '~/.aws/config and ~/.aws/credentials', profiles: PROFILES }),
		open: async (profile) => {
			opened.push(profile);
			if (profile === 'third') throw new Error('The endpoint URL "ftp://x" is not an http(s) URL');
			return organizationOf(profile, 12);
		},
	};
}

describe('the profile picker (P)', () => {
	it('lists the profiles, the current one marked; Enter on another reloads for its organization', async () => {
		const opened: string[] = [];
		const app = render(
			<Dashboards
				gateway={organizationOf('first')}
				settings={settings}
				options={{ profiles: source(opened) }}
				theme={plain}
			/>,
		);
		let frame = await waitForText(app, 'sorted by');
		expect(frame).toContain('profile first (eu-west-1) · organization o-demo1234567');
		app.stdin.write('P');
		frame = await waitForText(app, 'third  (keys)');
		expect(frame).toContain('AWS profiles: switch the dashboard to another profile and its organization (now: first)');
		expect(frame).toContain('from ~/.aws/config and ~/.aws/credentials');
		expect(frame).toContain('first  (SSO · eu-west-1 · current)');
		expect(frame).toContain('second  (role · us-east-1)');
		expect(frame).toContain('third  (keys)');
		app.stdin.write(KEY.down);
		await waitForFrame(app, (shown) => /❯ second/.test(shown), { description: 'second highlighted' });
		app.stdin.write(KEY.enter);
		frame = await waitForText(app, 'profile second (eu-west-1) · organization o-gen00000012');
		expect(opened).toEqual(['second']);
		await waitForText(app, 'sorted by');
		// The new profile is the current one now.
		app.stdin.write('P');
		frame = await waitForText(app, 'second  (role · us-east-1 · current)');
	});

	it('--quota belongs to the organization the dashboard opened with, not to the one switched to', async () => {
		const app = render(
			<Dashboards
				gateway={organizationOf('first')}
				settings={settings}
				options={{ profiles: source([]), quotaFlag: 45 }}
				theme={plain}
			/>,
		);
		await waitForText(app, 'sorted by');
		expect(settings.quotaFor('o-demo1234567')).toBe(45);
		app.stdin.write('P');
		await waitForText(app, 'second  (role');
		app.stdin.write('2');
		await waitForText(app, 'organization o-gen00000012');
		await waitForText(app, 'sorted by');
		expect(settings.quotaFor('o-gen00000012')).toBeUndefined();
		expect(new Settings(folder).quotaFor('o-demo1234567')).toBe(45);
	});

	it('Esc goes back on the same profile; a profile that cannot be opened says why and stays', async () => {
		const opened: string[] = [];
		const app = render(
			<Dashboards
				gateway={organizationOf('first')}
				settings={settings}
				options={{ profiles: source(opened) }}
				theme={plain}
			/>,
		);
		await waitForText(app, 'sorted by');
		app.stdin.write('P');
		await waitForText(app, 'third  (keys)');
		// 3: the third shown, as ink-select-input lets a digit choose.
		app.stdin.write('3');
		const frame = await waitForText(app, 'Could not switch to third');
		expect(frame).toContain('not an http(s) URL');
		app.stdin.write(KEY.escape);
		await waitForText(app, 'sorted by');
		expect(app.lastFrame()).toContain('profile first (eu-west-1)');
		expect(opened).toEqual(['third']);
	});

	it('in the demo, P says there are no profiles', async () => {
		const app = render(<App gateway={createSandbox()} settings={settings} theme={plain} />);
		await waitForText(app, 'sorted by');
		app.stdin.write('P');
		await waitForText(app, 'The demo has no AWS profiles');
	});

	it('cuts a long label to the width, marking the cut', () => {
		const label = profileLabel({ name: 'x'.repeat(80), source: 'keys' }, undefined, 30);
		expect(label.length).toBeLessThanOrEqual(30);
	});
});
