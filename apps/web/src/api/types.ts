/** Response types of the API, inferred from the shared zod schemas (types only: no zod in the bundle). */
import type { z } from 'zod';
import type * as C from '@switchboard/contracts';

export type User = z.infer<typeof C.User>;
export type Session = z.infer<typeof C.Session>;
export type Team = z.infer<typeof C.Team>;
export type Case = z.infer<typeof C.Case>;
export type TimelineEntry = z.infer<typeof C.TimelineEntry>;
export type Customer = z.infer<typeof C.Customer>;
export type CustomerSummary = z.infer<typeof C.CustomerSummary>;
export type Organization = z.infer<typeof C.Organization>;
export type ViewWithCount = z.infer<typeof C.ViewWithCount>;
export type ViewFilters = z.infer<typeof C.ViewFilters>;
export type FieldDefinition = z.infer<typeof C.FieldDefinition>;
export type TeamForm = z.infer<typeof C.TeamForm>;
export type CustomStatus = z.infer<typeof C.CustomStatus>;
export type LinkedCase = z.infer<typeof C.LinkedCase>;
export type Status = C.Status;
export type Priority = z.infer<typeof C.Priority>;
export type Channel = z.infer<typeof C.Channel>;
export type Sort = z.infer<typeof C.Sort>;
export type UpdateCaseBody = z.input<typeof C.UpdateCaseBody>;
export type UpdateCustomerBody = z.input<typeof C.UpdateCustomerBody>;
export type CreateCustomerBody = z.input<typeof C.CreateCustomerBody>;
export type AutomationRule = z.infer<typeof C.AutomationRule>;
export type RuleBody = z.input<typeof C.RuleBody>;
export type RuleCondition = z.infer<typeof C.Condition>;
export type RuleAction = z.infer<typeof C.Action>;
export type DryRunResult = z.infer<typeof C.DryRunResult>;
export type WebhookEndpoint = z.infer<typeof C.WebhookEndpoint>;
export type WebhookEndpointWithSecret = z.infer<typeof C.WebhookEndpointWithSecret>;
export type WebhookDelivery = z.infer<typeof C.WebhookDelivery>;
export type BusinessCalendar = z.infer<typeof C.BusinessCalendar>;
export type CreateCalendarBody = z.input<typeof C.CreateCalendarBody>;
export type SlaPolicy = z.infer<typeof C.SlaPolicy>;
export type CreateSlaPolicyBody = z.input<typeof C.CreateSlaPolicyBody>;
export type EscalationAction = z.infer<typeof C.EscalationAction>;
export type CaseSlaDetail = z.infer<typeof C.CaseSlaDetail>;

export interface SearchResults {
  cases: Case[];
  customers: Customer[];
  organizations: Organization[];
}

/** A domain event as the realtime gateway pushes it. */
export interface PushedEvent {
  id: string;
  type: string;
  actorId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}
