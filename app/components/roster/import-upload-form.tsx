import "~/i18n/area/roster.client";
import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { useT } from "~/i18n/use-t";

interface ImportUploadFormProps {
  maxMegabytes: number;
  errors: Record<string, string> | undefined;
}

/** The first step of an import: choose a file to preview. */
export function ImportUploadForm({ maxMegabytes, errors }: ImportUploadFormProps) {
  const t = useT();
  const navigation = useNavigation();
  return (
    <>
      <ErrorSummary errors={errors} labels={{ file: t.roster.fileLabel }} />
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="preview" />
        <TextField
          name="file"
          type="file"
          accept=".csv,text/csv"
          label={t.roster.fileLabel}
          hint={t.roster.fileHint(maxMegabytes)}
          required
          error={errors?.file}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="deactivateMissing" aria-describedby="deactivate-missing-hint" />{" "}
            {t.roster.deactivateMissing}
          </label>
          <p className="field-hint" id="deactivate-missing-hint">
            {t.roster.deactivateMissingHint}
          </p>
        </div>
        <button type="submit" className="button-primary" disabled={navigation.state === "submitting"}>
          {t.roster.preview}
        </button>
      </Form>
    </>
  );
}
