import "~/i18n/area/results.client";
import type { ReactNode } from "react";
import type { ReportQuestion } from "~/domain/survey/kpi-report";
import type { LogicModelView, OutcomeView } from "~/domain/survey/logic-model";
import { useLocale, useT } from "~/i18n/use-t";
import { AchievedBadge, formatScore } from "./figures";

type OutcomeKpiResult = ReportQuestion & { outcomeCode: string };

function OutcomeCard({
  outcome,
  heading,
  headingLevel,
  children,
}: {
  outcome: OutcomeView<OutcomeKpiResult>;
  heading: string;
  headingLevel: "h3" | "h4";
  children?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const m = t.results.logicModel;
  const Heading = headingLevel;
  return (
    <div className={`outcome-card outcome-${outcome.rolledUpStatus}`}>
      <Heading className="outcome-heading">
        <span className="outcome-code">{heading}</span> {locale === "ja" ? outcome.name_ja : outcome.name_en}
      </Heading>
      <p className="outcome-status">
        {m.rolledUp}: <strong>{m.statusNames[outcome.rolledUpStatus]}</strong>
        {outcome.fedBy.length > 0 && outcome.kpis.length > 0 ? (
          <>
            {" / "}
            {m.ownKpis}: {m.statusNames[outcome.status]}
          </>
        ) : null}
        {outcome.measuredCount > 0 ? ` ${m.achievedCount(outcome.achievedCount, outcome.measuredCount)}` : null}
      </p>
      {outcome.kpis.length === 0 ? (
        <p>{m.noKpis}</p>
      ) : (
        <ul className="outcome-kpis" aria-label={m.kpis}>
          {outcome.kpis.map((kpi) => (
            <li key={kpi.code}>
              <span className="outcome-kpi-name">
                {kpi.code} {(locale === "ja" ? kpi.indicator_ja : kpi.indicator_en) ?? (locale === "ja" ? kpi.text_ja : kpi.text_en)}
              </span>{" "}
              {m.meanAgainstTarget(formatScore(kpi.mean), formatScore(kpi.target))} <AchievedBadge achieved={kpi.achieved} />
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/**
 * The city's logic model as nested cards: the final outcome, the intermediate outcomes that lead
 * to it, and under each the direct outcomes that support it (a direct outcome supporting two
 * appears under both), each with its KPIs and status in words.
 */
export function LogicModel({ model }: { model: LogicModelView<OutcomeKpiResult> }) {
  const t = useT();
  const locale = useLocale();
  const m = t.results.logicModel;
  const directByCode = new Map(model.directOutcomes.map((outcome) => [outcome.code, outcome]));
  return (
    <section aria-labelledby="logic-model-heading">
      <h2 id="logic-model-heading">{m.heading}</h2>
      <p>{m.intro}</p>
      <p className="outcome-rule">{m.rollUpRule}</p>
      <div className={`outcome-final outcome-${model.finalOutcome.rolledUpStatus}`}>
        <h3>{m.finalOutcome}</h3>
        <p>{locale === "ja" ? model.finalOutcome.name_ja : model.finalOutcome.name_en}</p>
        <p className="outcome-status">
          {m.rolledUp}: <strong>{m.statusNames[model.finalOutcome.rolledUpStatus]}</strong>
        </p>
      </div>
      <ul className="outcome-tree">
        {model.intermediateOutcomes.map((intermediate) => {
          const supporting = intermediate.fedBy.flatMap((code) => directByCode.get(code) ?? []);
          return (
            <li key={intermediate.code}>
              <OutcomeCard outcome={intermediate} heading={m.intermediateOutcome(intermediate.code)} headingLevel="h3">
                {supporting.length > 0 ? (
                  <>
                    <p className="outcome-fed-by">{m.fedBy}</p>
                    <ul className="outcome-tree">
                      {supporting.map((direct) => (
                        <li key={direct.code}>
                          <OutcomeCard outcome={direct} heading={m.directOutcome(direct.code)} headingLevel="h4" />
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </OutcomeCard>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
