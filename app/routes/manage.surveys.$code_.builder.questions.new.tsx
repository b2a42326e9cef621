import "~/i18n/area/builder.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormProblem } from "~/components/builder/fields";
import { QuestionForm } from "~/components/builder/question-form";
import { getT } from "~/i18n/locale.server";
import { useLocalisedText, useT } from "~/i18n/use-t";
import { addQuestion, loadBuilderPage, triggerChoices } from "~/models/survey-builder.server";
import { builderErrorResponse, builderFailure, parseBuilderForm, questionInput, questionSchema } from "~/schemas/survey-builder.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.builder.newQuestionTitle);

/** The section named by ?section=…, which must belong to the survey. */
function sectionIdOf(request: Request): number {
  const raw = new URL(request.url).searchParams.get("section") ?? "";
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw json({ reason: "not found" }, { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const sectionId = sectionIdOf(request);
  const page = await loadBuilderPage(getDb(), params.code ?? "");
  const section = page?.definition.sections.find((s) => s.id === sectionId);
  if (!page || !section) throw json({ reason: "not found" }, { status: 404 });
  const { definition } = page;
  const used = new Set(definition.sections.flatMap((s) => s.questions).map((q) => q.code));
  let suggestion = used.size + 1;
  while (used.has(`Q${String(suggestion).padStart(2, "0")}`)) suggestion += 1;
  return json({
    survey: { code: definition.survey.code, title_ja: definition.survey.title_ja, title_en: definition.survey.title_en },
    section: { title_ja: section.title_ja, title_en: section.title_en },
    editable: page.editable,
    types: page.types,
    triggers: triggerChoices(definition, sectionId, null),
    suggestedCode: `Q${String(suggestion).padStart(2, "0")}`,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const code = params.code ?? "";
  const sectionId = sectionIdOf(request);
  const form = await request.formData();
  const parsed = parseBuilderForm(questionSchema, form, t);
  if (!parsed.ok) return builderFailure(parsed);
  try {
    const id = await addQuestion(getDb(), code, sectionId, questionInput(parsed.data), { id: user.id, label: user.employeeNumber });
    return redirect(`/manage/surveys/${encodeURIComponent(code)}/builder?saved=questionAdded#question-${id}`);
  } catch (error) {
    return builderErrorResponse(error, form, t);
  }
}

export default function NewQuestion() {
  const b = useT().builder;
  const localised = useLocalisedText();
  const { survey, section, editable, types, triggers, suggestedCode } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}/builder`}>{b.backToBuilder}</Link>
      </p>
      <h1>{b.newQuestionTitle}</h1>
      <p>
        {localised(survey.title_ja, survey.title_en)} ・ {b.inSection(localised(section.title_ja, section.title_en))}
      </p>
      <FormProblem message={posted?.errors.form} />
      {editable ? (
        <QuestionForm
          initial={{
            code: suggestedCode,
            type: "agreement",
            textJa: "",
            textEn: "",
            required: true,
            options: "",
            maxChoices: "",
            eligibility: [],
            showIfQuestion: "",
            showIfValues: "",
          }}
          types={types}
          triggers={triggers}
          hasKpi={false}
          posted={posted}
        />
      ) : (
        <p className="warning">{b.frozen}</p>
      )}
    </>
  );
}
