import "~/i18n/area/common.client";
import "~/i18n/area/messages.client";
import "~/i18n/area/roster.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { ErrorSummary } from "~/components/form-fields";
import { GuidanceHints, MessageBody, MessageSections, useTagName } from "~/components/imessage";
import { MESSAGE_PARTS, type MessagePart, type MessageParts, PART_MAX_LENGTH, guidanceFor } from "~/domain/imessage-guidance";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import {
  MessageError,
  findRecipient,
  listActiveTags,
  relationshipFor,
  searchRecipients,
  sendMessage,
} from "~/models/messages.server";
import { composerQuerySchema, parseCompose } from "~/schemas/messages.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";
import { getEnv } from "~/utils/env.server";

export const meta = titled((t) => t.messages.compose);

const RELATIONSHIPS = ["to_supervisor", "colleague", "to_report", "other"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = composerQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const recipient = query.to ? await findRecipient(db, user.id, query.to) : null;
  if (!recipient) {
    return json({
      q: query.q,
      candidates: query.q ? await searchRecipients(db, user.id, query.q) : null,
      recipientUnavailable: query.to !== undefined,
      recipient: null,
      relationship: null,
      tags: [],
    });
  }
  const [relationship, tags] = await Promise.all([relationshipFor(db, user.id, recipient.id), listActiveTags(db)]);
  return json({ q: query.q, candidates: null, recipientUnavailable: false, recipient, relationship, tags });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const parsed = parseCompose(await request.formData(), t);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (parsed.data.intent === "preview") return json({ errors: {}, values: parsed.values });

  const db = getDb();
  const { to, intent: _intent, ...message } = parsed.data;
  const recipient = await findRecipient(db, user.id, to);
  try {
    if (!recipient) throw new MessageError("recipient_unavailable");
    await sendMessage(db, { ...message, senderId: user.id, recipientId: recipient.id });
  } catch (error) {
    if (!(error instanceof MessageError)) throw error;
    const reason = error.reason === "daily_limit" ? t.messages.errors.daily_limit(getEnv().I_MESSAGE_DAILY_LIMIT) : t.messages.errors[error.reason];
    return json({ errors: { form: reason }, values: parsed.values }, { status: 400 });
  }
  return redirect("/messages/sent?sent=1");
}

const emptyParts: MessageParts = { scene: "", feeling: "", effect: "" };

export default function Compose() {
  const t = useT();
  const m = t.messages;
  const { q, candidates, recipientUnavailable, recipient, relationship, tags } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{m.compose}</h1>
      <MessageSections />
      <p>{m.composeIntro}</p>
      <h2 id="recipient-heading">{m.recipientHeading}</h2>
      {recipient ? (
        <p>
          <strong>{recipient.name}</strong> ({recipient.departmentPath}) <Link to="/messages/new">{m.changeRecipient}</Link>
        </p>
      ) : (
        <RecipientSearch q={q} candidates={candidates} unavailable={recipientUnavailable} />
      )}
      {recipient ? (
        <Composer
          // A new recipient starts a new draft.
          key={recipient.employeeNumber}
          to={recipient.employeeNumber}
          suggestedRelationship={relationship}
          tags={tags}
          errors={actionData?.errors}
          values={actionData?.values}
        />
      ) : null}
    </>
  );
}

interface Candidate {
  id: number;
  employeeNumber: string;
  name: string;
  nameKana: string;
  departmentPath: string;
}

function RecipientSearch({ q, candidates, unavailable }: { q: string; candidates: Candidate[] | null; unavailable: boolean }) {
  const t = useT();
  const m = t.messages;
  return (
    <>
      {unavailable ? (
        <p className="error-summary" role="alert">
          {m.errors.recipient_unavailable}
        </p>
      ) : null}
      <Form method="get" className="toolbar" role="search" aria-labelledby="recipient-heading">
        <div className="field">
          <label htmlFor="recipient-q">{m.recipientSearch}</label>
          <input id="recipient-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <button type="submit" className="button-secondary">
          {t.roster.search}
        </button>
      </Form>
      {candidates === null ? null : candidates.length === 0 ? (
        <p>{m.noCandidates}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{m.candidatesCaption(candidates.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.roster.fields.name}</th>
                <th scope="col">{m.employeeNumber}</th>
                <th scope="col">{m.department}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate) => (
                <tr key={candidate.id}>
                  <th scope="row">
                    <Link to={`/messages/new?to=${encodeURIComponent(candidate.employeeNumber)}`}>{m.writeTo(candidate.name)}</Link>
                    <br />
                    <small>{candidate.nameKana}</small>
                  </th>
                  <td>{candidate.employeeNumber}</td>
                  <td>{candidate.departmentPath}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

interface ComposerProps {
  to: string;
  suggestedRelationship: string | null;
  tags: { id: number; nameJa: string; nameEn: string }[];
  errors: Record<string, string> | undefined;
  values: { relationship: string; tagIds: string[] } & MessageParts | undefined;
}

/**
 * The message form. The preview and the hints come from the same pure function on the server and
 * in the browser: without JavaScript they appear after "Preview", with it they follow the typing.
 */
function Composer({ to, suggestedRelationship, tags, errors, values }: ComposerProps) {
  const t = useT();
  const m = t.messages;
  const locale = useLocale();
  const tagName = useTagName();
  const [parts, setParts] = useState<MessageParts>(
    values ? { scene: values.scene, feeling: values.feeling, effect: values.effect } : emptyParts,
  );
  const relationship = values?.relationship || suggestedRelationship;
  const chosenTags = new Set(values?.tagIds ?? []);
  const drafted = MESSAGE_PARTS.some((part) => parts[part].trim() !== "");
  const labels = { relationship: m.relationship, ...m.parts };

  return (
    <Form method="post" noValidate className="composer">
      <input type="hidden" name="to" value={to} />
      {errors?.form ? (
        <p className="error-summary" role="alert">
          {errors.form}
        </p>
      ) : (
        <ErrorSummary errors={errors} labels={labels} />
      )}
      <fieldset className="field" id="field-relationship" aria-describedby={suggestedRelationship ? "relationship-hint" : undefined}>
        <legend>
          {m.relationship} <span className="field-required">({t.common.required})</span>
        </legend>
        {suggestedRelationship ? (
          <p className="field-hint" id="relationship-hint">
            {m.relationshipFromRoster}
          </p>
        ) : null}
        {errors?.relationship ? <p className="field-error">{errors.relationship}</p> : null}
        <div className="choice-row">
          {RELATIONSHIPS.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="relationship" value={value} defaultChecked={relationship === value} />
              {m.relationships[value]}
            </label>
          ))}
        </div>
      </fieldset>
      {MESSAGE_PARTS.map((part) => (
        <PartField
          key={part}
          part={part}
          value={parts[part]}
          error={errors?.[part]}
          onChange={(text) => setParts((current) => ({ ...current, [part]: text }))}
        />
      ))}
      {tags.length > 0 ? (
        <fieldset className="field">
          <legend>{m.tagsLegend}</legend>
          <div className="choice-row">
            {tags.map((tag) => (
              <label key={tag.id} className="choice">
                <input type="checkbox" name="tagIds" value={tag.id} defaultChecked={chosenTags.has(String(tag.id))} />
                {tagName(tag)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {drafted ? (
        <section aria-labelledby="preview-heading" className="message-preview">
          <h2 id="preview-heading">{m.previewHeading}</h2>
          <MessageBody parts={parts} tags={[]} />
          <h3>{m.hintsHeading}</h3>
          <div aria-live="polite">
            <GuidanceHints hints={guidanceFor(parts, locale)} />
          </div>
        </section>
      ) : null}
      <div className="toolbar">
        <button type="submit" name="intent" value="preview" className="button-secondary">
          {m.preview}
        </button>
        <button type="submit" name="intent" value="send" className="button-primary">
          {m.send}
        </button>
      </div>
    </Form>
  );
}

function PartField({ part, value, error, onChange }: { part: MessagePart; value: string; error: string | undefined; onChange: (text: string) => void }) {
  const t = useT();
  const m = t.messages;
  const id = `field-${part}`;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {m.parts[part]} <span className="field-required">({t.common.required})</span>
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        {m.partHints[part]}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={part}
        rows={3}
        maxLength={PART_MAX_LENGTH}
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null, `${id}-count`].filter(Boolean).join(" ")}
      />
      <p className="character-count" id={`${id}-count`}>
        {m.characterCount(value.length, PART_MAX_LENGTH)}
      </p>
    </div>
  );
}
