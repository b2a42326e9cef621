/**
 * The city's logic model: direct outcomes (01–06) feed intermediate outcomes (11–13), which all
 * feed the final outcome. KPI questions serve a direct or an intermediate outcome (Q01 serves 11).
 * The final outcome has no KPI of its own in the city's plan, so it carries no status.
 */
export interface OutcomeDefinition {
  code: string;
  name_ja: string;
  name_en: string;
}

export interface DirectOutcomeDefinition extends OutcomeDefinition {
  /** Codes of the intermediate outcomes this one feeds. */
  feeds: readonly string[];
}

export interface LogicModel {
  finalOutcome: { name_ja: string; name_en: string };
  intermediateOutcomes: readonly OutcomeDefinition[];
  directOutcomes: readonly DirectOutcomeDefinition[];
}

/** What the view needs of a KPI; callers pass richer objects and get them back unchanged. */
export interface OutcomeKpi {
  outcomeCode: string;
  /** null when the question has no answers yet. */
  achieved: boolean | null;
}

export type OutcomeStatus = "all_achieved" | "some_achieved" | "none_achieved" | "no_data";

export interface OutcomeView<K extends OutcomeKpi> extends OutcomeDefinition {
  /** Outcomes this one feeds (intermediate outcomes feed only the final outcome: empty). */
  feeds: readonly string[];
  /** Outcomes feeding this one. */
  fedBy: readonly string[];
  kpis: readonly K[];
  /** Judged on the KPIs that have answers; measuredCount < kpis.length says some have none. */
  status: OutcomeStatus;
  achievedCount: number;
  measuredCount: number;
}

export interface LogicModelView<K extends OutcomeKpi> {
  finalOutcome: { name_ja: string; name_en: string; fedBy: readonly string[] };
  intermediateOutcomes: readonly OutcomeView<K>[];
  directOutcomes: readonly OutcomeView<K>[];
}

export function outcomeStatus(kpis: readonly OutcomeKpi[]): OutcomeStatus {
  const measured = kpis.filter((kpi) => kpi.achieved !== null);
  const achieved = measured.filter((kpi) => kpi.achieved).length;
  if (measured.length === 0) return "no_data";
  if (achieved === measured.length) return "all_achieved";
  return achieved === 0 ? "none_achieved" : "some_achieved";
}

function assertConsistent(model: LogicModel): void {
  const intermediate = new Set(model.intermediateOutcomes.map((outcome) => outcome.code));
  const all = [...model.intermediateOutcomes, ...model.directOutcomes].map((outcome) => outcome.code);
  const duplicate = all.find((code, index) => all.indexOf(code) !== index);
  if (duplicate !== undefined) throw new Error(`logic model: outcome ${duplicate} is defined twice`);
  for (const outcome of model.directOutcomes) {
    const unknown = outcome.feeds.find((code) => !intermediate.has(code));
    if (unknown !== undefined) {
      throw new Error(`logic model: ${outcome.code} feeds unknown intermediate outcome ${unknown}`);
    }
  }
}

/** Each outcome with its KPIs (in the order given) and a status. Throws on a KPI of an unknown outcome. */
export function buildLogicModelView<K extends OutcomeKpi>(model: LogicModel, kpis: readonly K[]): LogicModelView<K> {
  assertConsistent(model);
  const known = new Set([...model.intermediateOutcomes, ...model.directOutcomes].map((outcome) => outcome.code));
  const stray = kpis.find((kpi) => !known.has(kpi.outcomeCode));
  if (stray !== undefined) throw new Error(`logic model: a KPI serves unknown outcome ${stray.outcomeCode}`);

  const view = (outcome: OutcomeDefinition, feeds: readonly string[], fedBy: readonly string[]): OutcomeView<K> => {
    const own = kpis.filter((kpi) => kpi.outcomeCode === outcome.code);
    const measured = own.filter((kpi) => kpi.achieved !== null);
    return {
      code: outcome.code,
      name_ja: outcome.name_ja,
      name_en: outcome.name_en,
      feeds,
      fedBy,
      kpis: own,
      status: outcomeStatus(own),
      achievedCount: measured.filter((kpi) => kpi.achieved).length,
      measuredCount: measured.length,
    };
  };

  return {
    finalOutcome: { ...model.finalOutcome, fedBy: model.intermediateOutcomes.map((outcome) => outcome.code) },
    intermediateOutcomes: model.intermediateOutcomes.map((outcome) =>
      view(
        outcome,
        [],
        model.directOutcomes.filter((direct) => direct.feeds.includes(outcome.code)).map((direct) => direct.code),
      ),
    ),
    directOutcomes: model.directOutcomes.map((outcome) => view(outcome, outcome.feeds, [])),
  };
}
