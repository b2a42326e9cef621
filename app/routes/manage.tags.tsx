import "~/i18n/area/messages.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { getT } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { createTag, listTagsWithUsage, setTagActive } from "~/models/messages.server";
import { TAG_NAME_MAX_LENGTH, tagActionSchema } from "~/schemas/messages.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.messages.tagsTitle);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  return json({ tags: await listTagsWithUsage(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const parsed = parseForm(tagActionSchema, await request.formData(), await getT(request));
  if (!parsed.ok) return formError(parsed);
  const actor = { id: user.id, label: user.employeeNumber };
  if (parsed.data.intent === "create") {
    await createTag(getDb(), actor, parsed.data);
    return redirect("/manage/tags?saved=created");
  }
  await setTagActive(getDb(), actor, parsed.data.tagId, parsed.data.intent === "activate");
  return redirect("/manage/tags?saved=updated");
}

export default function ManageTags() {
  const t = useT();
  const m = t.messages;
  const { tags } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const saved = params.get("saved");
  const errors = actionData?.errors;
  return (
    <>
      <h1>{m.tagsTitle}</h1>
      {saved && !actionData ? (
        <p className="notice" role="status">
          {saved === "created" ? m.tagCreated : m.tagUpdated}
        </p>
      ) : null}
      <p>{m.tagsIntro}</p>
      <div className="table-scroll">
        <table>
          <caption>{m.tagsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.tagNameJa}</th>
              <th scope="col">{m.tagNameEn}</th>
              <th scope="col">{m.tagKind}</th>
              <th scope="col" className="num">
                {m.tagUses}
              </th>
              <th scope="col">{m.state}</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.id}>
                <th scope="row">{tag.nameJa}</th>
                <td>{tag.nameEn}</td>
                <td>{m.tagKinds[tag.kind]}</td>
                <td className="num">{tag.uses}</td>
                <td>
                  <Form method="post" className="inline-form">
                    {tag.active ? m.tagActive : m.tagInactive}{" "}
                    <input type="hidden" name="tagId" value={tag.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={tag.active ? "deactivate" : "activate"}
                      className="link-button"
                      aria-label={tag.active ? m.deactivateTag(tag.nameJa) : m.activateTag(tag.nameJa)}
                    >
                      {tag.active ? m.deactivate : m.activate}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="add-tag">{m.addTagHeading}</h2>
      <Form method="post" noValidate aria-labelledby="add-tag" className="narrow">
        <ErrorSummary errors={errors} labels={{ nameJa: m.tagNameJa, nameEn: m.tagNameEn }} />
        <TextField name="nameJa" label={m.tagNameJa} required maxLength={TAG_NAME_MAX_LENGTH} defaultValue={actionData?.values.nameJa} error={errors?.nameJa} />
        <TextField name="nameEn" label={m.tagNameEn} required maxLength={TAG_NAME_MAX_LENGTH} defaultValue={actionData?.values.nameEn} error={errors?.nameEn} />
        <button type="submit" name="intent" value="create" className="button-primary">
          {m.addTag}
        </button>
      </Form>
    </>
  );
}
