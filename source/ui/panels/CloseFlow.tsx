/** The guided closure of a member account (c on the dashboard). */
import { FlowPanel, type FlowPanelProps } from './flow/FlowPanel.js';

export type CloseFlowProps = Omit<FlowPanelProps, 'kind'>;

export function CloseFlow(props: CloseFlowProps) {
	return <FlowPanel kind="close" {...props} />;
}
