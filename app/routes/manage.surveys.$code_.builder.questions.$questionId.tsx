import "~/i18n/area/builder.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormProblem } from "~/components/builder/fields";
import { QuestionForm } from "~/components/builder/question-form";
import { formatOptionLines } from "~/domain/survey/builder";
import { getT } from "~/i18n/locale.server";
import { useLocalisedText, useT } from "~/i18n/use-t";
import { loadBuilderPage, triggerChoices, updateQuestion } from "~/models/survey-builder.server";
import { builderErrorResponse, builderFailure, parseBuilderForm, questionInput, questionSchema } from "~/schemas/survey-builder.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.builder.editQuestionTitle);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const page = await loadBuilderPage(getDb(), params.code ?? "");
  const section = page?.definition.sections.find((s) => s.questions.some((q) => String(q.id) === params.questionId));
  const question = section?.questions.find((q) => String(q.id) === params.questionId);
  if (!page || !section || !question) throw json({ reason: "not found" }, { status: 404 });
  const { definition } = page;
  const isChoice = question.type === "single_choice" || question.type === "multiple_choice";
  return json({
    survey: { code: definition.survey.code, title_ja: definition.survey.title_ja, title_en: definition.survey.title_en },
    section: { title_ja: section.title_ja, title_en: section.title_en },
    editable: page.editable,
    types: page.types,
    triggers: triggerChoices(definition, section.id, question.id),
    hasKpi: question.kpi !== null,
    question: {
      code: question.code,
      type: question.type,
      textJa: question.text_ja,
      textEn: question.text_en,
      required: question.required,
      options: isChoice ? formatOptionLines(question.options) : "",
      maxChoices: question.maxChoices === null ? "" : String(question.maxChoices),
      eligibility: question.eligibleEmploymentTypes ?? [],
      showIfQuestion: question.showIf ? String(question.showIf.questionId) : "",
      showIfValues: question.showIf ? question.showIf.values.join(";") : "",
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const code = params.code ?? "";
  const questionId = Number(params.questionId);
  if (!Number.isSafeInteger(questionId)) throw json({ reason: "not found" }, { status: 404 });
  const form = await request.formData();
  const parsed = parseBuilderForm(questionSchema, form, t);
  if (!parsed.ok) return builderFailure(parsed);
  try {
    await updateQuestion(getDb(), code, questionId, questionInput(parsed.data), { id: user.id, label: user.employeeNumber });
    return redirect(`/manage/surveys/${encodeURIComponent(code)}/builder?saved=questionSaved#question-${questionId}`);
  } catch (error) {
    return builderErrorResponse(error, form, t);
  }
}

export default function EditQuestion() {
  const b = useT().builder;
  const localised = useLocalisedText();
  const { survey, section, editable, types, triggers, hasKpi, question } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}/builder`}>{b.backToBuilder}</Link>
      </p>
      <h1>
        {b.editQuestionTitle}: {question.code}
      </h1>
      <p>
        {localised(survey.title_ja, survey.title_en)} ・ {b.inSection(localised(section.title_ja, section.title_en))}
      </p>
      <FormProblem message={posted?.errors.form} />
      {editable ? (
        <QuestionForm initial={question} types={types} triggers={triggers} hasKpi={hasKpi} posted={posted} />
      ) : (
        <p className="warning">{b.frozen}</p>
      )}
    </>
  );
}
