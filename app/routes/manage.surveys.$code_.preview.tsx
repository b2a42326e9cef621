import "~/i18n/area/builder.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { QuestionField } from "~/components/survey/question-field";
import { answeringSections } from "~/domain/survey/answer-notices.server";
import { useLocalisedText, useT } from "~/i18n/use-t";
import { loadBuilderPage } from "~/models/survey-builder.server";
import { getLocale } from "~/i18n/locale.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { dictionaryFor, titled } from "~/i18n";

export const meta = titled((t) => t.builder.previewTitle);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const page = await loadBuilderPage(getDb(), params.code ?? "");
  if (!page) throw json({ reason: "not found" }, { status: 404 });
  const asked = new URL(request.url).searchParams.get("employmentType");
  const employmentType = page.types.find((type) => type.code === asked)?.code ?? page.types[0]?.code ?? "regular";
  const { survey } = page.definition;
  // Exactly what the answering page gives a person of this employment type.
  const locale = await getLocale(request);
  const sections = answeringSections(page.definition.sections, employmentType, locale, dictionaryFor(locale));
  return json({
    survey: { code: survey.code, title_ja: survey.title_ja, title_en: survey.title_en, status: survey.status },
    types: page.types,
    employmentType,
    sections,
    skippedSections: page.definition.sections.length - sections.length,
  });
}

export default function SurveyPreview() {
  const t = useT();
  const b = t.builder;
  const localised = useLocalisedText();
  const { survey, types, employmentType, sections, skippedSections } = useLoaderData<typeof loader>();
  const base = `/manage/surveys/${encodeURIComponent(survey.code)}`;

  return (
    <>
      <p className="toolbar">
        <Link to={`${base}/builder`}>{survey.status === "draft" ? b.backToBuilder : b.viewStructureLink}</Link>
        <Link to={base}>{b.backToSurvey}</Link>
      </p>
      <h1>
        {b.previewTitle}: {localised(survey.title_ja, survey.title_en)}
      </h1>
      <p>{b.previewIntro}</p>
      <Form method="get" className="toolbar" role="search">
        <div className="field">
          <label htmlFor="field-employmentType">{b.previewAs}</label>
          <select id="field-employmentType" name="employmentType" defaultValue={employmentType}>
            {types.map((type) => (
              <option key={type.code} value={type.code}>
                {localised(type.name_ja, type.name_en)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {b.previewShow}
        </button>
      </Form>
      {skippedSections > 0 ? <p className="notice">{b.previewSkippedSections(skippedSections)}</p> : null}
      {sections.length === 0 ? <p>{b.previewNothing}</p> : null}
      <div className="survey-form builder-preview">
        {sections.map((section) => (
          <section key={section.id} aria-labelledby={`preview-section-${section.id}`}>
            <h2 id={`preview-section-${section.id}`}>{section.title}</h2>
            {section.questions.map((question) => (
              <QuestionField key={question.code} question={question} values={[]} error={undefined} note={question.followUpNote} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}
