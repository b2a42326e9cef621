import "~/i18n/area/survey.client";
import { useT } from "~/i18n/use-t";

/** Where the person is: the introduction, section k of n, or the confirmation (named as their headings), with a bar. */
export function SurveyProgress({ step, sectionCount }: { step: number; sectionCount: number }) {
  const t = useT();
  const label =
    step === 0 ? t.survey.introHeading : step > sectionCount ? t.survey.progressConfirm : t.survey.progressSection(step, sectionCount);
  return (
    <div className="survey-progress">
      <p className="survey-progress-label">{label}</p>
      <progress max={sectionCount + 1} value={step} aria-label={t.survey.progressLabel} />
    </div>
  );
}
