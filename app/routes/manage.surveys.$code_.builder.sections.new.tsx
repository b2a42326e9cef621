import "~/i18n/area/builder.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormProblem } from "~/components/builder/fields";
import { SectionForm } from "~/components/builder/section-form";
import { getT } from "~/i18n/locale.server";
import { useLocalisedText, useT } from "~/i18n/use-t";
import { addSection, loadBuilderPage } from "~/models/survey-builder.server";
import { builderErrorResponse, builderFailure, parseBuilderForm, sectionSchema } from "~/schemas/survey-builder.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.builder.newSectionTitle);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const page = await loadBuilderPage(getDb(), params.code ?? "");
  if (!page) throw json({ reason: "not found" }, { status: 404 });
  const { survey } = page.definition;
  return json({ survey: { code: survey.code, title_ja: survey.title_ja, title_en: survey.title_en }, editable: page.editable, types: page.types });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const code = params.code ?? "";
  const form = await request.formData();
  const parsed = parseBuilderForm(sectionSchema, form, t);
  if (!parsed.ok) return builderFailure(parsed);
  try {
    const id = await addSection(
      getDb(),
      code,
      { title_ja: parsed.data.titleJa, title_en: parsed.data.titleEn, eligibility: parsed.data.eligibility },
      { id: user.id, label: user.employeeNumber },
    );
    return redirect(`/manage/surveys/${encodeURIComponent(code)}/builder?saved=sectionAdded#section-${id}`);
  } catch (error) {
    return builderErrorResponse(error, form, t);
  }
}

export default function NewSection() {
  const b = useT().builder;
  const localised = useLocalisedText();
  const { survey, editable, types } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}/builder`}>{b.backToBuilder}</Link>
      </p>
      <h1>{b.newSectionTitle}</h1>
      <p>{localised(survey.title_ja, survey.title_en)}</p>
      <FormProblem message={posted?.errors.form} />
      {editable ? (
        <SectionForm initial={{ titleJa: "", titleEn: "", eligibility: [] }} types={types} posted={posted} />
      ) : (
        <p className="warning">{b.frozen}</p>
      )}
    </>
  );
}
