/** The guided removal of a member from the organization (x on the dashboard). */
import { FlowPanel, type FlowPanelProps } from './flow/FlowPanel.js';

export type RemoveFlowProps = Omit<FlowPanelProps, 'kind'>;

export function RemoveFlow(props: RemoveFlowProps) {
	return <FlowPanel kind="remove" {...props} />;
}
