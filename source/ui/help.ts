/** The help screen's lines, generated from the keymap. Pure. */
import type { KeyBinding } from './keymap.js';
import { keysLabel } from './keymap-lookup.js';

export interface HelpSection {
	readonly title: string;
	readonly bindings: readonly KeyBinding<string>[];
}

export type HelpLine =
	| { readonly kind: 'title'; readonly text: string }
	| { readonly kind: 'binding'; readonly keys: string; readonly description: string }
	| { readonly kind: 'blank' };

export function helpLines(sections: readonly HelpSection[]): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const section of sections) {
		if (section.bindings.length === 0) continue;
		if (lines.length > 0) lines.push({ kind: 'blank' });
		lines.push({ kind: 'title', text: section.title });
		for (const binding of section.bindings) {
			lines.push({ kind: 'binding', keys: keysLabel(binding), description: binding.description });
		}
	}
	return lines;
}
