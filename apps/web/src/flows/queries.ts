import { useQuery } from '@tanstack/react-query';
import { get } from '../api/client.ts';
import type { CaseFlows, Flow, FlowAnalytics, FlowSummary, FlowVersion } from './types.ts';

export const flowsKey = ['flows'] as const;

/** Every flow (supervisors, admins). */
export const useFlows = () => useQuery({ queryKey: flowsKey, queryFn: () => get<{ items: FlowSummary[] }>('/flows').then((r) => r.items) });

/** One flow with its draft, validation and versions. */
export const useFlow = (id: string) => useQuery({ queryKey: [...flowsKey, id], queryFn: () => get<Flow>(`/flows/${id}`) });

/** One published version (immutable: cached for good). */
export const useFlowVersion = (id: string, version: number | null) =>
  useQuery({ queryKey: [...flowsKey, id, 'version', version], queryFn: () => get<FlowVersion>(`/flows/${id}/versions/${version}`), enabled: version !== null, staleTime: Infinity });

export const useFlowAnalytics = (id: string, version: number | null) =>
  useQuery({ queryKey: [...flowsKey, id, 'analytics', version], queryFn: () => get<FlowAnalytics>(`/flows/${id}/analytics`, { version }) });

export const caseFlowsKey = (caseId: string) => ['case-flows', caseId] as const;

/** The case's flows panel: run in progress, suggestions, all flows, earlier runs. */
export const useCaseFlows = (caseId: string) => useQuery({ queryKey: caseFlowsKey(caseId), queryFn: () => get<CaseFlows>(`/cases/${caseId}/flows`), staleTime: 15_000 });
