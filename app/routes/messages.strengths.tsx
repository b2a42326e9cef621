import "~/i18n/area/messages.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { MessageBody, MessageSections, useTagName } from "~/components/imessage";
import { formatDate } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { listPinned } from "~/models/messages.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.messages.strengths);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ messages: await listPinned(getDb(), user.id) });
}

type Pinned = ReturnType<typeof useLoaderData<typeof loader>>["messages"][number];

/** Groups pinned messages by tag, the most recently praised strength first; a message with two tags appears under both. */
function groupByTag(messages: Pinned[]) {
  const groups = new Map<number, { tag: Pinned["tags"][number] | null; messages: Pinned[] }>();
  for (const message of messages) {
    for (const tag of message.tags.length > 0 ? message.tags : [null]) {
      const key = tag?.id ?? 0;
      const group = groups.get(key) ?? { tag, messages: [] };
      group.messages.push(message);
      groups.set(key, group);
    }
  }
  // Untagged messages come last.
  return [...groups.values()].sort((a, b) => Number(a.tag === null) - Number(b.tag === null));
}

export default function Strengths() {
  const t = useT();
  const m = t.messages;
  const locale = useLocale();
  const tagName = useTagName();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{m.strengths}</h1>
      <MessageSections />
      <p>{messages.length === 0 ? m.strengthsEmpty : m.strengthsIntro}</p>
      {groupByTag(messages).map((group) => (
        <section key={group.tag?.id ?? 0} className="strength-group">
          <h2>{group.tag ? tagName(group.tag) : m.untagged}</h2>
          {group.messages.map((message) => (
            <article key={message.id} className="message-card">
              <h3>{m.from(message.senderName)}</h3>
              <p className="message-meta">{formatDate(message.createdAt, locale)}</p>
              <MessageBody parts={message} tags={[]} />
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
