/**
 * The policy's evaluation step: for each action set after one year's survey, how its KPIs moved
 * by the next year's. An action may target KPIs directly or logic-model outcomes, whose KPIs it
 * then targets too. Changes are worked in thousandths, like the KPI maths.
 */
import { toThousandths } from "./kpi";

export interface ActionTarget {
  kind: "kpi" | "outcome";
  code: string;
}

export interface KpiChange {
  code: string;
  /** The mean in the survey the action was set after; null when withheld or unanswered. */
  before: number | null;
  /** The mean in the later survey; null when withheld or unanswered. */
  after: number | null;
  change: number | null;
}

/** The KPI codes an action targets, in question order, once each. */
export function targetedKpis(
  targets: readonly ActionTarget[],
  kpis: readonly { code: string; outcomeCode: string | null }[],
): string[] {
  const direct = new Set(targets.filter((t) => t.kind === "kpi").map((t) => t.code));
  const outcomes = new Set(targets.filter((t) => t.kind === "outcome").map((t) => t.code));
  return kpis.filter((kpi) => direct.has(kpi.code) || (kpi.outcomeCode !== null && outcomes.has(kpi.outcomeCode))).map((kpi) => kpi.code);
}

/** Each targeted KPI's mean before and after, and the change; a KPI missing from a year has no figure there. */
export function kpiChanges(
  codes: readonly string[],
  before: ReadonlyMap<string, number | null>,
  after: ReadonlyMap<string, number | null>,
): KpiChange[] {
  return codes.map((code) => {
    const then = before.get(code) ?? null;
    const now = after.get(code) ?? null;
    return {
      code,
      before: then,
      after: now,
      change: then === null || now === null ? null : (toThousandths(now) - toThousandths(then)) / 1000,
    };
  });
}
