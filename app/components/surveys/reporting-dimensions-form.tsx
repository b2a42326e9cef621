import "~/i18n/area/surveyAdmin.client";
import { Form } from "@remix-run/react";
import { REPORTING_LEVELS, type ReportingDimensions } from "~/domain/survey/reporting-groups";
import { useT } from "~/i18n/use-t";

interface Props {
  dimensions: ReportingDimensions;
  preview: { staff: number; belowK: number } | null;
  minGroupSize: number;
  editable: boolean;
}

/**
 * The dimensions a survey's responses are stored and reported by, chosen before opening, with
 * how many staff would have to withhold part of their groups at the current choice.
 */
export function ReportingDimensionsForm({ dimensions, preview, minGroupSize, editable }: Props) {
  const t = useT();
  const m = t.surveyAdmin.reporting;
  const fields = [
    { name: "department", levels: REPORTING_LEVELS.department, optional: false },
    { name: "job_level", levels: REPORTING_LEVELS.job_level, optional: true },
    { name: "age_band", levels: REPORTING_LEVELS.age_band, optional: true },
    { name: "employment_type", levels: REPORTING_LEVELS.employment_type, optional: true },
  ] as const;
  return (
    <section aria-labelledby="reporting">
      <h2 id="reporting">{m.title}</h2>
      <p>{m.intro(minGroupSize)}</p>
      {preview ? (
        <p className={preview.belowK > 0 ? "warning" : undefined}>
          {m.preview(preview.belowK, preview.staff, minGroupSize)}
        </p>
      ) : null}
      {editable ? (
        <Form method="post" className="narrow">
          <input type="hidden" name="intent" value="reporting" />
          {fields.map((field) => (
            <div className="field" key={field.name}>
              <label htmlFor={`reporting-${field.name}`}>{m.dimensions[field.name]}</label>
              <select id={`reporting-${field.name}`} name={field.name} defaultValue={dimensions[field.name] ?? ""}>
                {field.levels.map((level) => (
                  <option key={level} value={level}>
                    {m.levels[level]}
                  </option>
                ))}
                {field.optional ? <option value="">{m.notReported}</option> : null}
              </select>
            </div>
          ))}
          <button type="submit" className="button-secondary">
            {m.save}
          </button>
        </Form>
      ) : (
        <ul>
          {fields.map((field) => (
            <li key={field.name}>
              {m.dimensions[field.name]}: {dimensions[field.name] ? m.levels[dimensions[field.name]!] : m.notReported}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
