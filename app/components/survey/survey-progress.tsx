/** Where the person is: the introduction, section k of n, or the confirmation (labels worded by the server), with a bar. */
export function SurveyProgress({ step, steps, label }: { step: number; steps: readonly string[]; label: string }) {
  return (
    <div className="survey-progress">
      <p className="survey-progress-label">{steps[step]}</p>
      <progress max={steps.length - 1} value={step} aria-label={label} />
    </div>
  );
}
