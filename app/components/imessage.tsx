import "~/i18n/area/common.client";
import "~/i18n/area/messages.client";
import { NavLink } from "@remix-run/react";
import { type Hint, MESSAGE_PARTS, type MessageParts } from "~/domain/imessage-guidance";
import { useLocale, useT } from "~/i18n/use-t";

interface TagName {
  id: number;
  nameJa: string;
  nameEn: string;
}

/** The tabs between the I-message pages. */
export function MessageSections() {
  const t = useT();
  const pages = [
    { to: "/messages", label: t.messages.inbox },
    { to: "/messages/sent", label: t.messages.sent },
    { to: "/messages/new", label: t.messages.compose },
    { to: "/messages/strengths", label: t.messages.strengths },
    { to: "/messages/rounds", label: t.messages.roundsTab },
  ];
  return (
    <nav aria-label={t.messages.sectionsLabel} className="message-sections">
      <ul>
        {pages.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function useTagName() {
  const locale = useLocale();
  return (tag: TagName) => (locale === "ja" ? tag.nameJa : tag.nameEn);
}

export function TagList({ tags }: { tags: readonly TagName[] }) {
  const tagName = useTagName();
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list">
      {tags.map((tag) => (
        <li key={tag.id} className="badge">
          {tagName(tag)}
        </li>
      ))}
    </ul>
  );
}

/** The three parts of a message. Text is rendered as text (React escapes it); CSS keeps its line breaks. */
export function MessageBody({ parts, tags }: { parts: MessageParts; tags: readonly TagName[] }) {
  const t = useT();
  return (
    <>
      <dl className="message-body">
        {MESSAGE_PARTS.map((part) => (
          <div key={part}>
            <dt>{t.messages.parts[part]}</dt>
            <dd>{parts[part]}</dd>
          </div>
        ))}
      </dl>
      <TagList tags={tags} />
    </>
  );
}

/** Writing tips for a draft, each naming the part it is about. */
export function GuidanceHints({ hints }: { hints: readonly Hint[] }) {
  const t = useT();
  if (hints.length === 0) return <p>{t.messages.noHints}</p>;
  return (
    <>
      <p>{t.messages.hintsIntro}</p>
      <ul className="guidance-hints">
        {hints.map((hint) => (
          <li key={`${hint.part}-${hint.code}`}>
            <strong>{t.messages.parts[hint.part]}</strong>: {t.messages.hint[hint.code](hint.match)}
          </li>
        ))}
      </ul>
    </>
  );
}
