/**
 * The clipboard through the terminal: OSC 52 asks the terminal emulator to set
 * it, which works over SSH too. Inside tmux the request is wrapped so that tmux
 * passes it on (tmux needs `set -g allow-passthrough on` or `set-clipboard on`).
 */

const ESC = '\u001b';
const BEL = '\u0007';

/** The escape sequence that puts `text` on the clipboard. */
export function osc52(text: string, insideTmux = false): string {
	const request = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
	return insideTmux ? `${ESC}Ptmux;${request.replaceAll(ESC, ESC + ESC)}${ESC}\\` : request;
}

/** Whether orgdash runs inside tmux, which needs the request wrapped. */
export function insideTmux(env: NodeJS.ProcessEnv = process.env): boolean {
	return Boolean(env.TMUX);
}
