import "~/i18n/area/builder.client";
import "~/i18n/area/validation.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { FormProblem } from "~/components/builder/fields";
import { BuilderStructure, type StructureSection } from "~/components/builder/structure";
import { getT } from "~/i18n/locale.server";
import { useLocalisedText, useT } from "~/i18n/use-t";
import { deleteQuestion, deleteSection, loadBuilderPage, moveQuestion, moveSection } from "~/models/survey-builder.server";
import type { SurveyDefinition } from "~/models/surveys.server";
import { builderErrorResponse, builderFailure, structureActionSchema } from "~/schemas/survey-builder.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.builder.title);

/** The structure for display: follow-ups name their trigger and the chosen answers' labels. */
function structureOf(definition: SurveyDefinition): StructureSection[] {
  const all = definition.sections.flatMap((s) => s.questions);
  return definition.sections.map((section) => ({
    id: section.id,
    title_ja: section.title_ja,
    title_en: section.title_en,
    eligible: section.eligibleEmploymentTypes,
    questions: section.questions.map((q) => {
      const trigger = q.showIf ? all.find((other) => other.id === q.showIf!.questionId) : undefined;
      const chosen = trigger ? trigger.options.filter((o) => q.showIf!.values.includes(o.value)) : [];
      return {
        id: q.id,
        code: q.code,
        type: q.type,
        text_ja: q.text_ja,
        text_en: q.text_en,
        required: q.required,
        maxChoices: q.maxChoices,
        eligible: q.eligibleEmploymentTypes,
        hasKpi: q.kpi !== null,
        options: q.type === "single_choice" || q.type === "multiple_choice" ? q.options : [],
        showIf: trigger
          ? { code: trigger.code, labels_ja: chosen.map((o) => o.label_ja), labels_en: chosen.map((o) => o.label_en) }
          : null,
      };
    }),
  }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const page = await loadBuilderPage(getDb(), params.code ?? "");
  if (!page) throw json({ reason: "not found" }, { status: 404 });
  const { survey } = page.definition;
  return json({
    survey: { code: survey.code, title_ja: survey.title_ja, title_en: survey.title_en, status: survey.status },
    editable: page.editable,
    types: page.types,
    sections: structureOf(page.definition),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const code = params.code ?? "";
  const form = await request.formData();
  const parsed = structureActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return builderFailure({ errors: { form: t.validation.invalid }, values: {}, eligibility: [] });
  const { intent, id, direction } = parsed.data;
  const actor = { id: user.id, label: user.employeeNumber };
  const db = getDb();
  const back = (saved: string, anchor: string) => redirect(`/manage/surveys/${encodeURIComponent(code)}/builder?saved=${saved}#${anchor}`);
  try {
    switch (intent) {
      case "moveSection":
        return back((await moveSection(db, code, id, direction, actor)) ? "sectionMoved" : "nothingToMove", `section-${id}`);
      case "deleteSection":
        await deleteSection(db, code, id, actor);
        return back("sectionDeleted", "structure");
      case "moveQuestion":
        return back((await moveQuestion(db, code, id, direction, actor)) ? "questionMoved" : "nothingToMove", `question-${id}`);
      case "deleteQuestion":
        await deleteQuestion(db, code, id, actor);
        return back("questionDeleted", "structure");
    }
  } catch (error) {
    return builderErrorResponse(error, form, t);
  }
}

export default function SurveyBuilder() {
  const t = useT();
  const b = t.builder;
  const localised = useLocalisedText();
  const { survey, editable, types, sections } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const saved = params.get("saved");
  const savedMessage = saved ? b.saved[saved] : undefined;
  const base = `/manage/surveys/${encodeURIComponent(survey.code)}`;
  return (
    <>
      <p>
        <Link to={base}>{b.backToSurvey}</Link>
      </p>
      <h1>
        {b.title}: {localised(survey.title_ja, survey.title_en)}
      </h1>
      {savedMessage && !posted ? (
        <p className="notice" role="status">
          {savedMessage}
        </p>
      ) : null}
      <FormProblem message={posted?.errors.form} />
      {editable ? <p>{b.intro}</p> : <p className="warning">{b.frozen}</p>}
      <div className="toolbar">
        {editable ? (
          <Link to={`${base}/builder/sections/new`} className="button-secondary">
            {b.addSection}
          </Link>
        ) : null}
        <Link to={`${base}/preview`}>{b.preview}</Link>
      </div>
      <div id="structure" tabIndex={-1}>
        <BuilderStructure surveyCode={survey.code} sections={sections} types={types} editable={editable} />
      </div>
    </>
  );
}
