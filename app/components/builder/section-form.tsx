import "~/i18n/area/builder.client";
import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { useT } from "~/i18n/use-t";
import { type BuilderFormResult, EligibilityField, type EmploymentTypeOption } from "./fields";

export interface SectionFormValues {
  titleJa: string;
  titleEn: string;
  eligibility: string[];
}

/** A section's headings in both languages and who is asked it. */
export function SectionForm({ initial, types, posted }: { initial: SectionFormValues; types: EmploymentTypeOption[]; posted: BuilderFormResult | undefined }) {
  const t = useT();
  const b = t.builder;
  const errors = posted?.errors;
  const value = (name: "titleJa" | "titleEn") => posted?.values[name] ?? initial[name];
  return (
    <Form method="post" noValidate className="narrow">
      <ErrorSummary errors={errors} labels={{ titleJa: b.titleJa, titleEn: b.titleEn, eligibility: b.eligibility }} />
      <TextField name="titleJa" label={b.titleJa} required maxLength={100} defaultValue={value("titleJa")} error={errors?.titleJa} />
      <TextField name="titleEn" label={b.titleEn} hint={b.titleEnHint} required maxLength={100} defaultValue={value("titleEn")} error={errors?.titleEn} />
      <EligibilityField types={types} checked={posted ? posted.eligibility : initial.eligibility} error={errors?.eligibility} />
      <button type="submit" className="button-primary">
        {b.saveSection}
      </button>
    </Form>
  );
}
