import "~/i18n/area/rounds.client";
import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { useT } from "~/i18n/use-t";

interface CreateRoundFormProps {
  departments: readonly string[];
  defaults: { startsOn: string; expected: number };
  maxExpected: number;
  errors: Record<string, string> | undefined;
  /** What was typed, after a failed submit; departments one per line. */
  values: Record<string, string> | undefined;
}

/**
 * HR's form for opening a round. Plain HTML: the departments are checkboxes under a radio
 * choice, so it works without JavaScript (ticked boxes are ignored when "all staff" is chosen).
 */
export function CreateRoundForm({ departments, defaults, maxExpected, errors, values }: CreateRoundFormProps) {
  const t = useT();
  const c = t.rounds.create;
  const chosen = new Set(values?.departments?.split("\n") ?? []);
  const scope = values?.scope ?? "all";
  const requireSupervisor = values ? values.requireSupervisor === "on" : false;
  return (
    <section aria-labelledby="create-round">
      <h2 id="create-round">{c.heading}</h2>
      <ErrorSummary
        errors={errors}
        labels={{
          titleJa: c.titleJa,
          titleEn: c.titleEn,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          expected: c.expected,
          scope: c.scope,
          departments: c.departments,
        }}
      />
      <Form method="post" noValidate aria-labelledby="create-round" className="narrow">
        <TextField name="titleJa" label={c.titleJa} required maxLength={100} defaultValue={values?.titleJa} error={errors?.titleJa} />
        <TextField
          name="titleEn"
          label={c.titleEn}
          hint={c.titleEnHint}
          required
          maxLength={100}
          defaultValue={values?.titleEn}
          error={errors?.titleEn}
        />
        <TextField name="startsOn" label={c.startsOn} type="date" required defaultValue={values?.startsOn ?? defaults.startsOn} error={errors?.startsOn} />
        <TextField name="endsOn" label={c.endsOn} type="date" required defaultValue={values?.endsOn} error={errors?.endsOn} />
        <TextField
          name="expected"
          label={c.expected}
          hint={c.expectedHint}
          type="number"
          inputMode="numeric"
          min={1}
          max={maxExpected}
          required
          defaultValue={values?.expected ?? String(defaults.expected)}
          error={errors?.expected}
        />
        <div className="field choice">
          <input id="field-requireSupervisor" type="checkbox" name="requireSupervisor" defaultChecked={requireSupervisor} />
          <label htmlFor="field-requireSupervisor">{c.requireSupervisor}</label>
        </div>
        <fieldset className="field round-scope">
          <legend>{c.scope}</legend>
          <div className="choice">
            <input id="field-scope" type="radio" name="scope" value="all" defaultChecked={scope === "all"} />
            <label htmlFor="field-scope">{c.scopeAll}</label>
          </div>
          <div className="choice">
            <input id="field-scope-chosen" type="radio" name="scope" value="chosen" defaultChecked={scope === "chosen"} />
            <label htmlFor="field-scope-chosen">{c.scopeChosen}</label>
          </div>
        </fieldset>
        <fieldset
          className={errors?.departments ? "field field-invalid round-departments" : "field round-departments"}
          aria-describedby={errors?.departments ? "field-departments-hint field-departments-error" : "field-departments-hint"}
        >
          <legend id="field-departments">{c.departments}</legend>
          <p className="field-hint" id="field-departments-hint">
            {c.departmentsHint}
          </p>
          {errors?.departments ? (
            <p className="field-error" id="field-departments-error">
              {errors.departments}
            </p>
          ) : null}
          {departments.map((department, index) => (
            <div className="choice" key={department}>
              <input
                id={`field-department-${index}`}
                type="checkbox"
                name="departments"
                value={department}
                defaultChecked={chosen.has(department)}
              />
              <label htmlFor={`field-department-${index}`}>{department}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button-primary">
          {c.submit}
        </button>
      </Form>
    </section>
  );
}
