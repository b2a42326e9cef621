import "~/i18n/area/builder.client";
import { Form, Link } from "@remix-run/react";
import type { QuestionType } from "~/domain/survey/scales";
import { useLocalisedText, useT } from "~/i18n/use-t";
import type { EmploymentTypeOption } from "./fields";

export interface StructureQuestion {
  id: number;
  code: string;
  type: QuestionType;
  text_ja: string;
  text_en: string;
  required: boolean;
  maxChoices: number | null;
  eligible: string[] | null;
  hasKpi: boolean;
  options: { value: number; label_ja: string; label_en: string }[];
  /** A follow-up's trigger code and the chosen answers' labels. */
  showIf: { code: string; labels_ja: string[]; labels_en: string[] } | null;
}

export interface StructureSection {
  id: number;
  title_ja: string;
  title_en: string;
  eligible: string[] | null;
  questions: StructureQuestion[];
}

interface StructureProps {
  surveyCode: string;
  sections: StructureSection[];
  types: EmploymentTypeOption[];
  editable: boolean;
}

function SmallPost({ intent, id, direction, label, context, danger }: { intent: string; id: number; direction?: string; label: string; context: string; danger?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button type="submit" className={danger ? "builder-button builder-button-danger" : "builder-button"}>
        {label}
        <span className="visually-hidden"> {context}</span>
      </button>
    </Form>
  );
}

/** The survey's sections and questions in respondents' order; with buttons while it is a draft. */
export function BuilderStructure({ surveyCode, sections, types, editable }: StructureProps) {
  const t = useT();
  const b = t.builder;
  const localised = useLocalisedText();
  const base = `/manage/surveys/${encodeURIComponent(surveyCode)}/builder`;
  const audience = (eligible: string[] | null) =>
    eligible === null
      ? b.everyone
      : b.onlyFor(
          types
            .filter((type) => eligible.includes(type.code))
            .map((type) => localised(type.name_ja, type.name_en))
            .join("・"),
        );

  if (sections.length === 0) return <p>{b.empty}</p>;
  return (
    <ol className="builder-sections">
      {sections.map((section, sectionIndex) => {
        const title = localised(section.title_ja, section.title_en);
        return (
          <li key={section.id} className="builder-section" id={`section-${section.id}`}>
            <section aria-labelledby={`section-${section.id}-title`}>
              <h2 id={`section-${section.id}-title`}>
                <span className="builder-position">{b.sectionLabel(sectionIndex + 1)}</span> {title}
              </h2>
              <p className="builder-meta">
                <span className="badge">{audience(section.eligible)}</span>
              </p>
              {editable ? (
                <div className="builder-actions" role="group" aria-label={title}>
                  <Link to={`${base}/sections/${section.id}`}>
                    {b.edit}
                    <span className="visually-hidden"> {title}</span>
                  </Link>
                  <SmallPost intent="moveSection" id={section.id} direction="up" label={b.moveUp} context={title} />
                  <SmallPost intent="moveSection" id={section.id} direction="down" label={b.moveDown} context={title} />
                  <SmallPost intent="deleteSection" id={section.id} label={b.delete} context={title} danger />
                </div>
              ) : null}
              {section.questions.length === 0 ? <p>{b.noQuestions}</p> : null}
              <ol className="builder-questions">
                {section.questions.map((q) => {
                  const label = `${q.code} ${localised(q.text_ja, q.text_en)}`;
                  return (
                    <li key={q.id} className="builder-question" id={`question-${q.id}`}>
                      <p className="builder-question-text">
                        <strong>{q.code}</strong> {localised(q.text_ja, q.text_en)}
                      </p>
                      <p className="builder-meta">
                        <span className="badge">{b.typeNames[q.type]}</span> <span className="badge">{q.required ? b.requiredBadge : b.optionalBadge}</span>{" "}
                        {q.maxChoices !== null ? <span className="badge">{b.upToBadge(q.maxChoices)}</span> : null}{" "}
                        {q.hasKpi ? <span className="badge">{b.kpiBadge}</span> : null} <span className="badge">{audience(q.eligible)}</span>
                      </p>
                      {q.showIf ? <p className="builder-condition">{b.followUpOf(q.showIf.code, localised(q.showIf.labels_ja.join("・"), q.showIf.labels_en.join(" / ")))}</p> : null}
                      {(q.type === "single_choice" || q.type === "multiple_choice") && q.options.length > 0 ? (
                        <ol className="builder-options">
                          {q.options.map((o) => (
                            <li key={o.value}>{localised(o.label_ja, o.label_en)}</li>
                          ))}
                        </ol>
                      ) : null}
                      {editable ? (
                        <div className="builder-actions" role="group" aria-label={label}>
                          <Link to={`${base}/questions/${q.id}`}>
                            {b.edit}
                            <span className="visually-hidden"> {q.code}</span>
                          </Link>
                          <SmallPost intent="moveQuestion" id={q.id} direction="up" label={b.moveUp} context={q.code} />
                          <SmallPost intent="moveQuestion" id={q.id} direction="down" label={b.moveDown} context={q.code} />
                          <SmallPost intent="deleteQuestion" id={q.id} label={b.delete} context={q.code} danger />
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              {editable ? (
                <p>
                  <Link to={`${base}/questions/new?section=${section.id}`} className="button-secondary">
                    {b.addQuestion}
                    <span className="visually-hidden"> ({title})</span>
                  </Link>
                </p>
              ) : null}
            </section>
          </li>
        );
      })}
    </ol>
  );
}
