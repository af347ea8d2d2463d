/** The keys of the two screens about one account (details, AWS's record): back, help, quit and scrolling. */
import { useKeys } from '../hooks/use-keys.js';
import { type Scroll, scrollKeyActions, useScroll } from '../hooks/use-scroll.js';
import { DETAILS_KEYS } from '../keymap.js';
import type { ScreenContext } from './context.js';

export function useAccountScreenKeys(context: ScreenContext, accountId: string): Scroll {
	const scroll = useScroll(accountId);
	useKeys({
		bindings: DETAILS_KEYS,
		on: {
			back: context.back,
			help: () => context.open({ screen: 'help' }),
			quit: context.quit,
			...scrollKeyActions(scroll),
		},
	});
	return scroll;
}
